package dev.concierge.api.cache;

import dev.concierge.personalization.cache.TwoLevelCaches;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code cache} health component: always UP, since the caches serve from L1 and the source
 * when Redis is down; its {@code sharedLevel} detail says UP or DEGRADED.
 */
final class CacheHealthIndicator implements HealthIndicator {

    private final TwoLevelCaches caches;

    CacheHealthIndicator(TwoLevelCaches caches) {
        this.caches = caches;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("sharedLevel", caches.sharedLevelAvailable() ? "UP" : "DEGRADED")
                .build();
    }
}
