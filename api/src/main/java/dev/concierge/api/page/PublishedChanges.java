package dev.concierge.api.page;

import reactor.core.publisher.Mono;

/**
 * Told after an editorial change has committed, so that every instance serves it at once: the
 * cached content of a page, the segment definitions, or a page's experiments are invalidated by
 * broadcast before the editor's response leaves.
 */
public interface PublishedChanges {

    /** Content placed on page {@code slug} changed (published, unpublished, archived). */
    Mono<Void> contentChanged(String slug);

    /** A segment was created, changed or archived. */
    Mono<Void> segmentsChanged();

    /** An experiment on page {@code slug} was created, started or stopped. */
    Mono<Void> experimentsChanged(String slug);
}
