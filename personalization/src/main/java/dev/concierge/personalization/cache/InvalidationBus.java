package dev.concierge.personalization.cache;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port that broadcasts invalidations to every instance (Redis pub/sub in production).
 * Delivery may be at most once: read-your-writes never depends on it, and eventual caches fall
 * back on their L1 TTL when a message is lost.
 */
public interface InvalidationBus {

    /** Sends the message to every instance, this one included or not. */
    Mono<Void> publish(Invalidation invalidation);

    /** The messages every instance publishes from now on: a hot stream that does not complete. */
    Flux<Invalidation> invalidations();
}
