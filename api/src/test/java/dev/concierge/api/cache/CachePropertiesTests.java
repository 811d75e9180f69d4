package dev.concierge.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.personalization.cache.CacheSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Cache settings: code defaults, then {@code defaults}, then per cache, field by field; bad ones stop
 * start-up ({@link CacheFactory} checks them when it is made).
 */
class CachePropertiesTests {

    static CacheProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("concierge.cache", CacheProperties.class);
    }

    @Test
    void withNothingSet_everyCacheGetsTheBuiltInBounds_andRedisTheDefaults() {
        CacheProperties properties = bind(Map.of());

        assertThat(properties.settingsFor("anything"))
                .isEqualTo(new CacheSettings(
                        10_000, Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(10)));
        assertThat(properties.sharedLevel().timeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.sharedLevel().failureThreshold()).isEqualTo(3);
        assertThat(properties.sharedLevel().openDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.sharedLevel().maxPendingInvalidations()).isEqualTo(10_000);
    }

    @Test
    void aCachesSettings_overlayTheDefaults_fieldByField() {
        CacheProperties properties = bind(Map.of(
                "concierge.cache.redis-timeout", "50ms",
                "concierge.cache.defaults.l1-ttl", "2m",
                "concierge.cache.defaults.l2-ttl", "1h",
                "concierge.cache.caches.customer-snapshots.l1-max-size", "500",
                "concierge.cache.caches.customer-snapshots.refresh-after", "0s"));

        assertThat(properties.settingsFor("customer-snapshots"))
                .isEqualTo(new CacheSettings(500, Duration.ofMinutes(2), Duration.ZERO, Duration.ofHours(1)));
        assertThat(properties.settingsFor("content"))
                .isEqualTo(
                        new CacheSettings(10_000, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofHours(1)));
        assertThat(properties.sharedLevel().timeout()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void badSettings_fail_namingTheSetting() {
        CacheProperties properties = bind(Map.of(
                "concierge.cache.caches.content.l1-ttl", "10s", "concierge.cache.caches.content.refresh-after", "1m"));

        assertThatThrownBy(properties::check)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concierge.cache.caches.content")
                .hasMessageContaining("refreshAfter");
    }
}
