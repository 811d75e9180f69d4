package dev.concierge.personalization.cache;

import reactor.core.publisher.Mono;

/**
 * A cache with a per-instance level (L1, Caffeine) in front of a level all instances share (L2),
 * filled by a loader. Concurrent misses for one key on one instance make one load. Failures of the
 * shared level never reach the caller: the cache serves from L1 and the loader instead. Built by
 * {@link TwoLevelCaches#newCache(String)}.
 */
public interface TwoLevelCache<K, V> {

    String name();

    Consistency consistency();

    /**
     * The value for the key: from L1, L2 or the loader. Empty when the loader finds nothing (nothing
     * is cached then); fails only when the loader fails.
     */
    Mono<V> get(K key);

    /**
     * Drops the key on every instance; call it after the change to the source has committed.
     * Completes once the shared level has been updated, or found unavailable (the invalidation is
     * then remembered and replayed when it is back); never fails.
     */
    Mono<Void> invalidate(K key);

    /** Drops the key from this instance's L1 only. */
    void invalidateLocal(K key);

    CacheStats stats();
}
