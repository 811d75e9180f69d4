package dev.concierge.personalization.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * One cache's bounds: at most {@code l1MaxSize} entries per instance, each kept {@code l1Ttl}
 * after it was written and refreshed in the background when read after {@code refreshAfter}
 * ({@link Duration#ZERO}: never); shared entries live {@code l2Ttl}. The constructor rejects
 * settings that make no sense.
 */
public record CacheSettings(long l1MaxSize, Duration l1Ttl, Duration refreshAfter, Duration l2Ttl) {

    public CacheSettings {
        Objects.requireNonNull(l1Ttl, "l1Ttl");
        Objects.requireNonNull(refreshAfter, "refreshAfter");
        Objects.requireNonNull(l2Ttl, "l2Ttl");
        if (l1MaxSize < 1) {
            throw new IllegalArgumentException("l1MaxSize must be at least 1, was " + l1MaxSize);
        }
        requirePositive("l1Ttl", l1Ttl);
        requirePositive("l2Ttl", l2Ttl);
        if (l2Ttl.toMillis() < 1) {
            throw new IllegalArgumentException("l2Ttl must be at least 1ms, was " + l2Ttl);
        }
        if (refreshAfter.isNegative()) {
            throw new IllegalArgumentException("refreshAfter must not be negative, was " + refreshAfter);
        }
        if (!refreshAfter.isZero() && refreshAfter.compareTo(l1Ttl) >= 0) {
            throw new IllegalArgumentException("refreshAfter (" + refreshAfter + ") must be shorter than l1Ttl ("
                    + l1Ttl + "), or zero for no refresh");
        }
    }

    /** Whether hot entries are refreshed ahead of their expiry. */
    public boolean refreshes() {
        return !refreshAfter.isZero();
    }

    static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
