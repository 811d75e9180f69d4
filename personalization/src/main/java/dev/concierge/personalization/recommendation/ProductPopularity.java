package dev.concierge.personalization.recommendation;

import reactor.core.publisher.Mono;

/** Port: the current popularity table (computed from recent purchases and views, cached). */
public interface ProductPopularity {

    Mono<Popularity> popularity();
}
