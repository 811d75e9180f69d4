package dev.concierge.personalization.decision;

import reactor.core.publisher.Mono;

/** Port: the published content of a page, slots in display order; empty when there is no such page. */
public interface PublishedContent {

    Mono<PageContent> page(String slug);
}
