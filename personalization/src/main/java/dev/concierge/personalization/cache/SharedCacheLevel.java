package dev.concierge.personalization.cache;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The port to the level every instance shares (Redis in production): byte values with a TTL, and
 * counters that are read and advanced atomically. Implementations need not time out or retry;
 * the caches put a deadline and a circuit breaker around every call. Counters are decimal
 * strings, so {@code INCRBY} applies.
 */
public interface SharedCacheLevel {

    /** The value stored under the key; empty when there is none. */
    Mono<byte[]> get(String key);

    /** Stores the value under the key for the given time. */
    Mono<Void> put(String key, byte[] value, Duration ttl);

    /** Removes the key; completes normally when there was none. */
    Mono<Void> delete(String key);

    /** The counter stored under the key; empty when there is none. */
    Mono<Long> counter(String key);

    /**
     * Creates the counter with the given value unless it exists, then returns its value, whoever
     * created it.
     *
     * @param keepFor how long the counter lives after being created, or {@code null} for ever
     */
    Mono<Long> initCounter(String key, long initial, @Nullable Duration keepFor);

    /**
     * Atomically adds {@code step} to the counter (creating it with {@code step} when absent) and
     * returns the new value.
     *
     * @param keepFor how long the counter lives from now on, or {@code null} to leave its expiry
     */
    Mono<Long> advanceCounter(String key, long step, @Nullable Duration keepFor);
}
