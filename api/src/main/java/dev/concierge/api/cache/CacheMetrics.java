package dev.concierge.api.cache;

import dev.concierge.personalization.cache.CacheStats;
import dev.concierge.personalization.cache.TwoLevelCache;
import dev.concierge.personalization.cache.TwoLevelCaches;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToLongFunction;

/**
 * Micrometer views of the caches' statistics, read at each scrape. In Prometheus:
 *
 * <pre>
 * concierge_cache_gets_total{cache, level="l1"|"l2", result="hit"|"miss"}
 * concierge_cache_errors_total{cache, level="l2"}          failed or timed-out Redis calls
 * concierge_cache_loads_total{cache, result="success"|"failure"}   calls of the source
 * concierge_cache_evictions_total{cache, level="l1"}       by size or age
 * concierge_cache_size{cache, level="l1"}                  entries on this instance
 * concierge_dependency_degraded{dependency="redis"}        1 while the shared level is unavailable
 * </pre>
 */
final class CacheMetrics {

    private CacheMetrics() {}

    static void bind(MeterRegistry registry, TwoLevelCache<?, ?> cache) {
        Tags tags = Tags.of("cache", cache.name());
        counter(registry, "concierge.cache.gets", cache, tags.and("level", "l1", "result", "hit"), CacheStats::l1Hits);
        counter(
                registry,
                "concierge.cache.gets",
                cache,
                tags.and("level", "l1", "result", "miss"),
                CacheStats::l1Misses);
        counter(registry, "concierge.cache.gets", cache, tags.and("level", "l2", "result", "hit"), CacheStats::l2Hits);
        counter(
                registry,
                "concierge.cache.gets",
                cache,
                tags.and("level", "l2", "result", "miss"),
                CacheStats::l2Misses);
        counter(registry, "concierge.cache.errors", cache, tags.and("level", "l2"), CacheStats::l2Errors);
        counter(registry, "concierge.cache.loads", cache, tags.and("result", "success"), CacheStats::loads);
        counter(registry, "concierge.cache.loads", cache, tags.and("result", "failure"), CacheStats::loadFailures);
        counter(registry, "concierge.cache.evictions", cache, tags.and("level", "l1"), CacheStats::l1Evictions);
        Gauge.builder("concierge.cache.size", cache, c -> c.stats().l1Size())
                .tags(tags.and("level", "l1"))
                .description("Entries in this instance's level of the cache")
                .register(registry);
    }

    static void bindDegraded(MeterRegistry registry, TwoLevelCaches caches) {
        Gauge.builder("concierge.dependency.degraded", caches, c -> c.sharedLevelAvailable() ? 0 : 1)
                .tag("dependency", "redis")
                .description("1 while the dependency is unavailable and the application runs without it")
                .strongReference(true)
                .register(registry);
    }

    private static void counter(
            MeterRegistry registry,
            String name,
            TwoLevelCache<?, ?> cache,
            Tags tags,
            ToLongFunction<CacheStats> statistic) {
        FunctionCounter.builder(name, cache, c -> statistic.applyAsLong(c.stats()))
                .tags(tags)
                .register(registry);
    }
}
