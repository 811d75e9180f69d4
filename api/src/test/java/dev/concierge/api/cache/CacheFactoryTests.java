package dev.concierge.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.personalization.cache.Consistency;
import dev.concierge.personalization.cache.TwoLevelCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The application's factory: caches of JSON values in Redis, with their metrics; health and gauge while Redis is up. */
@ConciergeTest
class CacheFactoryTests {

    /** A value with a generic part, as recommendations have. */
    record Recommendations(String customerId, List<String> skus) {}

    @Autowired
    CacheFactory caches;

    @Autowired
    MeterRegistry registry;

    @Autowired
    CacheHealthIndicator health;

    @Autowired
    JsonMapper json;

    private final String name = "test-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void create_makesACacheOfJsonValues_withItsMetrics() {
        TwoLevelCache<String, Recommendations> cache = caches.create(
                name,
                Consistency.READ_YOUR_WRITES,
                id -> id,
                id -> "customer:" + id,
                Recommendations.class,
                id -> Mono.just(new Recommendations(id, List.of("ring-1", "watch-2"))));

        Recommendations first = cache.get("c1").block();
        assertThat(cache.get("c1").block())
                .isEqualTo(first)
                .isEqualTo(new Recommendations("c1", List.of("ring-1", "watch-2")));

        assertThat(count("concierge.cache.gets", "level", "l1", "result", "miss"))
                .isEqualTo(1);
        assertThat(count("concierge.cache.gets", "level", "l1", "result", "hit"))
                .isEqualTo(1);
        assertThat(count("concierge.cache.gets", "level", "l2", "result", "miss"))
                .isEqualTo(1);
        assertThat(count("concierge.cache.loads", "result", "success")).isEqualTo(1);
        assertThat(registry.get("concierge.cache.size")
                        .tags("cache", name, "level", "l1")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(caches.caches()).contains(cache);
    }

    @Test
    void create_withAJavaType_decodesGenericValuesFromRedis() {
        TwoLevelCache<String, List<Recommendations>> cache = caches.create(
                name,
                Consistency.EVENTUAL,
                id -> id,
                null,
                json.getTypeFactory().constructCollectionType(List.class, Recommendations.class),
                id -> Mono.just(List.of(new Recommendations(id, List.of("ring-1")))));
        cache.get("c1").block();

        cache.invalidateLocal("c1"); // the next read decodes what the first wrote to Redis

        assertThat(cache.get("c1").block()).containsExactly(new Recommendations("c1", List.of("ring-1")));
        assertThat(cache.stats().l2Hits()).isEqualTo(1);
    }

    @Test
    void withRedisUp_healthSaysSoAndTheGaugeIsZero() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("sharedLevel", "UP");
        assertThat(registry.get("concierge.dependency.degraded")
                        .tag("dependency", "redis")
                        .gauge()
                        .value())
                .isZero();
    }

    private double count(String meter, String... tags) {
        return registry.get(meter)
                .tag("cache", name)
                .tags(tags)
                .functionCounter()
                .count();
    }
}
