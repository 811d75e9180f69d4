package dev.concierge.api.cache;

import dev.concierge.personalization.cache.TwoLevelCaches;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/** Wires the two-level cache: Redis adapters, the caches' shared state, the factory, metrics and health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
class CacheConfiguration {

    @Bean
    RedisSharedCacheLevel redisSharedCacheLevel(ReactiveRedisConnectionFactory redis) {
        return new RedisSharedCacheLevel(redis);
    }

    @Bean
    RedisInvalidationBus redisInvalidationBus(ReactiveRedisConnectionFactory redis, JsonMapper json) {
        return new RedisInvalidationBus(redis, json);
    }

    @Bean
    TwoLevelCaches twoLevelCaches(
            RedisSharedCacheLevel sharedLevel, RedisInvalidationBus bus, CacheProperties properties) {
        return TwoLevelCaches.builder(sharedLevel, bus)
                .settings(properties.sharedLevel())
                .build();
    }

    @Bean
    CacheFactory cacheFactory(
            TwoLevelCaches caches, CacheProperties properties, JsonMapper json, MeterRegistry registry) {
        return new CacheFactory(caches, properties, json, registry);
    }

    @Bean
    MeterBinder cacheDependencyMetrics(TwoLevelCaches caches) {
        return registry -> CacheMetrics.bindDegraded(registry, caches);
    }

    /** The {@code cache} health component. */
    @Bean
    CacheHealthIndicator cacheHealthIndicator(TwoLevelCaches caches) {
        return new CacheHealthIndicator(caches);
    }
}
