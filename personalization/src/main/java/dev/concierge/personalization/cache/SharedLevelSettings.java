package dev.concierge.personalization.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * How the caches treat the shared level: a deadline for every call; a circuit breaker that opens
 * after {@code failureThreshold} consecutive failures and probes again after {@code openDuration};
 * at most {@code maxPendingInvalidations} invalidations remembered for replay while it is down
 * (beyond that, everything shared is dropped on recovery); and how long a generation counter lives
 * after its last change.
 */
public record SharedLevelSettings(
        Duration timeout,
        int failureThreshold,
        Duration openDuration,
        int maxPendingInvalidations,
        Duration generationTtl) {

    /** 200 ms, 3 failures, 5 s open, 10,000 remembered invalidations, generations kept a day. */
    public static final SharedLevelSettings DEFAULTS =
            new SharedLevelSettings(Duration.ofMillis(200), 3, Duration.ofSeconds(5), 10_000, Duration.ofDays(1));

    public SharedLevelSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(openDuration, "openDuration");
        Objects.requireNonNull(generationTtl, "generationTtl");
        CacheSettings.requirePositive("timeout", timeout);
        CacheSettings.requirePositive("openDuration", openDuration);
        if (generationTtl.getSeconds() < 1) {
            throw new IllegalArgumentException("generationTtl must be at least 1s, was " + generationTtl);
        }
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
        }
        if (maxPendingInvalidations < 1) {
            throw new IllegalArgumentException(
                    "maxPendingInvalidations must be at least 1, was " + maxPendingInvalidations);
        }
    }
}
