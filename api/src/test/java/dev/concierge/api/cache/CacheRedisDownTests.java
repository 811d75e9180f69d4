package dev.concierge.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.personalization.cache.Consistency;
import dev.concierge.personalization.cache.SharedCacheLevel;
import dev.concierge.personalization.cache.SharedLevelSettings;
import dev.concierge.personalization.cache.TwoLevelCache;
import dev.concierge.personalization.cache.TwoLevelCaches;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis down for real: the same adapters on a Lettuce connection factory whose port nobody listens
 * on. Callers get the source's values and no errors; the breaker stops the calls; health says
 * DEGRADED and the gauge 1. (The shared embedded Redis is left alone.)
 */
class CacheRedisDownTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger redisCalls = new AtomicInteger();
    private LettuceConnectionFactory nowhere;
    private TwoLevelCaches caches;

    @BeforeEach
    void redisThatIsNotThere() throws IOException {
        nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", freePort()),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofMillis(500))
                        .build());
        nowhere.afterPropertiesSet();
        nowhere.start();
        // The bus is not started: publishing fails like every other call.
        caches = TwoLevelCaches.builder(
                        counting(new RedisSharedCacheLevel(nowhere)), new RedisInvalidationBus(nowhere, json))
                .settings(SharedLevelSettings.DEFAULTS)
                .build();
    }

    @AfterEach
    void close() {
        caches.close();
        nowhere.destroy();
    }

    @Test
    void get_servesTheSource_withoutErrors_andTheBreakerStopsTheCalls() {
        TwoLevelCache<String, String> snapshots = cache("snapshots", Consistency.READ_YOUR_WRITES);
        TwoLevelCache<String, String> content = cache("content", Consistency.EVENTUAL);

        for (int i = 0; i < SharedLevelSettings.DEFAULTS.failureThreshold(); i++) {
            assertThat(snapshots.get("c" + i).block()).isEqualTo("value of c" + i);
        }
        assertThat(caches.sharedLevelAvailable()).isFalse();
        int callsWhenOpen = redisCalls.get();

        IntStream.range(0, 20).forEach(i -> {
            assertThat(snapshots.get("c" + i).block()).isEqualTo("value of c" + i);
            assertThat(content.get("p" + i).block()).isEqualTo("value of p" + i);
        });
        snapshots.invalidate("c1").block();
        content.invalidate("p1").block();

        assertThat(redisCalls).as("no Redis calls while the breaker is open").hasValue(callsWhenOpen);
        assertThat(snapshots.stats().l2Errors()).isEqualTo(SharedLevelSettings.DEFAULTS.failureThreshold());
        assertThat(content.get("p2").block()).as("eventual caches keep L1").isEqualTo("value of p2");
        assertThat(content.stats().l1Hits()).isEqualTo(1);
    }

    @Test
    void whileRedisIsDown_healthStaysUpWithADegradedDetail_andTheGaugeIsOne() {
        CacheHealthIndicator health = new CacheHealthIndicator(caches);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CacheMetrics.bindDegraded(registry, caches);
        assertThat(health.health().getDetails()).containsEntry("sharedLevel", "UP");
        assertThat(registry.get("concierge.dependency.degraded")
                        .tag("dependency", "redis")
                        .gauge()
                        .value())
                .isZero();

        TwoLevelCache<String, String> snapshots = cache("snapshots", Consistency.READ_YOUR_WRITES);
        IntStream.range(0, 3).forEach(i -> snapshots.get("c" + i).block());

        Health degraded = health.health();
        assertThat(degraded.getStatus()).isEqualTo(Status.UP);
        assertThat(degraded.getDetails()).isEqualTo(Map.of("sharedLevel", "DEGRADED"));
        assertThat(registry.get("concierge.dependency.degraded")
                        .tag("dependency", "redis")
                        .gauge()
                        .value())
                .isEqualTo(1);
    }

    @Test
    void metrics_haveThePrometheusNamesTheDashboardsUse() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        TwoLevelCache<String, String> snapshots = cache("snapshots", Consistency.READ_YOUR_WRITES);
        CacheMetrics.bind(prometheus, snapshots);
        CacheMetrics.bindDegraded(prometheus, caches);
        IntStream.range(0, 3).forEach(i -> snapshots.get("c").block());

        assertThat(prometheus.scrape())
                .contains("concierge_cache_gets_total{cache=\"snapshots\",level=\"l1\",result=\"hit\"} 0.0")
                .contains("concierge_cache_gets_total{cache=\"snapshots\",level=\"l1\",result=\"miss\"} 3.0")
                .contains("concierge_cache_gets_total{cache=\"snapshots\",level=\"l2\",result=\"hit\"} 0.0")
                .contains("concierge_cache_gets_total{cache=\"snapshots\",level=\"l2\",result=\"miss\"} 0.0")
                .contains("concierge_cache_errors_total{cache=\"snapshots\",level=\"l2\"} 3.0")
                .contains("concierge_cache_loads_total{cache=\"snapshots\",result=\"success\"} 3.0")
                .contains("concierge_cache_loads_total{cache=\"snapshots\",result=\"failure\"} 0.0")
                .contains("concierge_cache_evictions_total{cache=\"snapshots\",level=\"l1\"} 0.0")
                .contains("concierge_cache_size{cache=\"snapshots\",level=\"l1\"} 0.0")
                .contains("concierge_dependency_degraded{dependency=\"redis\"} 1.0");
    }

    private TwoLevelCache<String, String> cache(String name, Consistency consistency) {
        TwoLevelCaches.CacheBuilder<String, String> builder = caches.<String, String>newCache(name)
                .consistency(consistency)
                .keys(key -> key)
                .codec(JacksonCodec.of(json, String.class))
                .settings(CachePropertiesTests.bind(Map.of()).settingsFor(name))
                .loader(key -> Mono.just("value of " + key));
        if (consistency == Consistency.READ_YOUR_WRITES) {
            builder.generationKey(key -> "customer:" + key);
        }
        return builder.build();
    }

    /** The adapter, counting the calls the caches make of it. */
    private SharedCacheLevel counting(SharedCacheLevel redis) {
        return new SharedCacheLevel() {
            @Override
            public Mono<byte[]> get(String key) {
                redisCalls.incrementAndGet();
                return redis.get(key);
            }

            @Override
            public Mono<Void> put(String key, byte[] value, Duration ttl) {
                redisCalls.incrementAndGet();
                return redis.put(key, value, ttl);
            }

            @Override
            public Mono<Void> delete(String key) {
                redisCalls.incrementAndGet();
                return redis.delete(key);
            }

            @Override
            public Mono<Long> counter(String key) {
                redisCalls.incrementAndGet();
                return redis.counter(key);
            }

            @Override
            public Mono<Long> initCounter(String key, long initial, @Nullable Duration keepFor) {
                redisCalls.incrementAndGet();
                return redis.initCounter(key, initial, keepFor);
            }

            @Override
            public Mono<Long> advanceCounter(String key, long step, @Nullable Duration keepFor) {
                redisCalls.incrementAndGet();
                return redis.advanceCounter(key, step, keepFor);
            }
        };
    }

    /** A port that was free a moment ago; nothing listens on it. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
