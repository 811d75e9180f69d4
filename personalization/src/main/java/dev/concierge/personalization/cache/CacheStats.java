package dev.concierge.personalization.cache;

/**
 * A snapshot of one cache's counters since it was built. L1 figures are this instance's Caffeine
 * statistics (evictions by size or age, not by invalidation); L2 figures count this instance's
 * reads of the shared level and its failed calls (timeouts included; calls not made because the
 * breaker is open are not counted). Loads are the cache's loader (the source) completing, whether it
 * found a value or not; load failures are the loader failing.
 */
public record CacheStats(
        long l1Hits,
        long l1Misses,
        long l1Evictions,
        long l1Size,
        long l2Hits,
        long l2Misses,
        long l2Errors,
        long loads,
        long loadFailures) {}
