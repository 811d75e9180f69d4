package dev.concierge.api.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.personalization.cache.Consistency;
import dev.concierge.personalization.cache.SharedLevelSettings;
import dev.concierge.personalization.cache.TwoLevelCache;
import dev.concierge.personalization.cache.TwoLevelCaches;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caches of two instances on the embedded Redis, each with its own adapters (as two pods have):
 * values shared through L2, read-your-writes right after invalidate() returns, eventual
 * invalidation through pub/sub.
 */
@ConciergeTest
class CacheTwoInstanceTests {

    /** A customer-scoped value, stored as JSON. */
    record Snapshot(String customerId, int purchases) {}

    @Autowired
    ReactiveRedisConnectionFactory connections;

    @Autowired
    ReactiveStringRedisTemplate strings;

    @Autowired
    JsonMapper json;

    private final String namespace = "test-" + UUID.randomUUID();
    private final Map<String, Integer> purchases = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private Instance a;
    private Instance b;

    /** One application instance's worth of cache machinery. */
    private final class Instance implements AutoCloseable {
        final RedisInvalidationBus bus = new RedisInvalidationBus(connections, json);
        final TwoLevelCaches caches;
        final TwoLevelCache<String, Snapshot> snapshots;
        final TwoLevelCache<String, Snapshot> content;

        Instance() {
            bus.start();
            caches = TwoLevelCaches.builder(new RedisSharedCacheLevel(connections), bus)
                    .namespace(namespace)
                    .settings(SharedLevelSettings.DEFAULTS)
                    .build();
            CacheProperties properties = CachePropertiesTests.bind(Map.of());
            snapshots = cache("snapshots", Consistency.READ_YOUR_WRITES, properties);
            content = cache("content", Consistency.EVENTUAL, properties);
        }

        private TwoLevelCache<String, Snapshot> cache(
                String name, Consistency consistency, CacheProperties properties) {
            TwoLevelCaches.CacheBuilder<String, Snapshot> builder = caches.<String, Snapshot>newCache(name)
                    .consistency(consistency)
                    .keys(id -> id)
                    .codec(JacksonCodec.of(json, Snapshot.class))
                    .settings(properties.settingsFor(name))
                    .loader(CacheTwoInstanceTests.this::load);
            if (consistency == Consistency.READ_YOUR_WRITES) {
                builder.generationKey(id -> "customer:" + id);
            }
            return builder.build();
        }

        @Override
        public void close() {
            caches.close();
            bus.stop();
        }
    }

    @BeforeEach
    void twoInstances() {
        a = new Instance();
        b = new Instance();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private Mono<Snapshot> load(String customerId) {
        return Mono.fromCallable(() -> {
            loads.incrementAndGet();
            Integer count = purchases.get(customerId);
            return count == null ? null : new Snapshot(customerId, count);
        });
    }

    @Test
    void aValueLoadedOnA_isAnL2HitOnB() {
        purchases.put("c1", 0);

        assertThat(a.snapshots.get("c1").block()).isEqualTo(new Snapshot("c1", 0));
        assertThat(b.snapshots.get("c1").block()).isEqualTo(new Snapshot("c1", 0));

        assertThat(loads).hasValue(1);
        assertThat(b.snapshots.stats().l2Hits()).isEqualTo(1);
        assertThat(strings.keys(namespace + ":v1:*").collectList().block())
                .anyMatch(key -> key.matches(namespace + ":v1:\\d+:snapshots:c1"))
                .anyMatch(key -> key.matches(namespace + ":v1:gen:\\d+:customer:c1"))
                .contains(namespace + ":v1:epoch");
    }

    @Test
    void readYourWrites_aWriteInvalidatedOnA_isOnB_assoonAsInvalidateReturns() {
        purchases.put("c2", 0);
        a.snapshots.get("c2").block();
        b.snapshots.get("c2").block();

        for (int purchase = 1; purchase <= 3; purchase++) {
            purchases.put("c2", purchase); // the commit
            a.snapshots.invalidate("c2").block();

            assertThat(b.snapshots.get("c2").block()).isEqualTo(new Snapshot("c2", purchase));
            assertThat(a.snapshots.get("c2").block()).isEqualTo(new Snapshot("c2", purchase));
        }
    }

    @Test
    void eventual_anInvalidationOnA_evictsBsL1ThroughPubSub() {
        purchases.put("c3", 0);
        a.content.get("c3").block();
        b.content.get("c3").block();
        assertThat(b.content.stats().l1Size()).isEqualTo(1);

        purchases.put("c3", 1);
        a.content.invalidate("c3").block();

        await().atMost(Duration.ofSeconds(5)).until(() -> b.content.stats().l1Size() == 0);
        assertThat(b.content.get("c3").block()).isEqualTo(new Snapshot("c3", 1));
    }
}
