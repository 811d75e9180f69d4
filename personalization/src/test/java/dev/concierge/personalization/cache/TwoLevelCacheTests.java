package dev.concierge.personalization.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** What both consistency modes promise on one instance: levels, absence, errors, single flight, TTL, refresh, stats. */
class TwoLevelCacheTests {

    private final TestCluster cluster = new TestCluster();

    @AfterEach
    void close() {
        cluster.close();
    }

    @ParameterizedTest
    @EnumSource(Consistency.class)
    void get_loadsOnce_thenServesFromL1(Consistency consistency) {
        TwoLevelCache<String, String> cache = cluster.cache(cluster.instance(), "profiles", consistency);
        cluster.source.put("42", "Ada");

        assertThat(cache.get("42").block()).isEqualTo("Ada");
        assertThat(cache.get("42").block()).isEqualTo("Ada");

        assertThat(cluster.loads("42")).isEqualTo(1);
        CacheStats stats = cache.stats();
        assertThat(stats.l1Hits()).isEqualTo(1);
        assertThat(stats.l1Misses()).isEqualTo(1);
        assertThat(stats.l2Misses()).isEqualTo(1);
        assertThat(stats.loads()).isEqualTo(1);
        assertThat(stats.l1Size()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Consistency.class)
    void get_onAnotherInstance_isAnL2Hit(Consistency consistency) {
        TwoLevelCache<String, String> a = cluster.cache(cluster.instance(), "profiles", consistency);
        TwoLevelCache<String, String> b = cluster.cache(cluster.instance(), "profiles", consistency);
        cluster.source.put("42", "Ada");

        a.get("42").block();
        assertThat(b.get("42").block()).isEqualTo("Ada");

        assertThat(cluster.loads("42")).isEqualTo(1);
        assertThat(b.stats().l2Hits()).isEqualTo(1);
        assertThat(cluster.shared.keys()).anyMatch(key -> key.matches("concierge:v1:\\d+:profiles:42"));
    }

    @ParameterizedTest
    @EnumSource(Consistency.class)
    void get_whenTheLoaderFindsNothing_completesEmptyAndCachesNothing(Consistency consistency) {
        TwoLevelCache<String, String> cache = cluster.cache(cluster.instance(), "profiles", consistency);

        assertThat(cache.get("nobody").blockOptional()).isEmpty();
        assertThat(cache.get("nobody").blockOptional()).isEmpty();

        assertThat(cluster.loads("nobody")).isEqualTo(2);
        assertThat(cache.stats().l1Size()).isZero();
        assertThat(cluster.shared.keys()).noneMatch(key -> key.matches("concierge:v1:\\d+:profiles:nobody"));
    }

    @ParameterizedTest
    @EnumSource(Consistency.class)
    void get_whenTheLoaderFails_failsAndCachesNothing(Consistency consistency) {
        AtomicInteger attempts = new AtomicInteger();
        TwoLevelCache<String, String> cache = cluster.builder(cluster.instance(), "profiles", consistency)
                .loader(key -> attempts.incrementAndGet() == 1
                        ? Mono.error(new IllegalStateException("database down"))
                        : Mono.just("Ada"))
                .build();

        assertThatThrownBy(() -> cache.get("42").block()).hasMessageContaining("database down");
        assertThat(cache.get("42").block()).isEqualTo("Ada");
        assertThat(cache.stats().loadFailures()).isEqualTo(1);
        assertThat(cache.stats().loads()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Consistency.class)
    void get_hundredConcurrentMisses_makeOneLoad(Consistency consistency) throws Exception {
        Sinks.One<String> gate = Sinks.one();
        AtomicInteger loads = new AtomicInteger();
        TwoLevelCache<String, String> cache = cluster.builder(cluster.instance(), "profiles", consistency)
                .loader(key -> Mono.defer(() -> {
                    loads.incrementAndGet();
                    return gate.asMono();
                }))
                .build();

        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<CompletableFuture<String>>> asked = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                asked.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return cache.get("42").toFuture();
                        },
                        threads));
            }
            start.countDown();
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (CompletableFuture<CompletableFuture<String>> ask : asked) {
                results.add(ask.get(5, TimeUnit.SECONDS));
            }
            // All hundred are waiting, on one load.
            assertThat(loads).hasValue(1);

            gate.tryEmitValue("Ada");
            for (CompletableFuture<String> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("Ada");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(loads).hasValue(1);
    }

    @ParameterizedTest
    @EnumSource(Consistency.class)
    void get_afterL1Ttl_readsL2_andAfterL2Ttl_loadsAgain(Consistency consistency) {
        CacheSettings settings = new CacheSettings(100, Duration.ofMinutes(1), Duration.ZERO, Duration.ofMinutes(5));
        TwoLevelCache<String, String> cache = cluster.cache(cluster.instance(), "profiles", consistency, settings);
        cluster.source.put("42", "Ada");
        cache.get("42").block();

        cluster.advance(Duration.ofMinutes(2));
        assertThat(cache.get("42").block()).isEqualTo("Ada");
        assertThat(cluster.loads("42")).isEqualTo(1);
        assertThat(cache.stats().l2Hits()).isEqualTo(1);

        cluster.advance(Duration.ofMinutes(4));
        cluster.source.put("42", "Ada Lovelace");
        assertThat(cache.get("42").block()).isEqualTo("Ada Lovelace");
        assertThat(cluster.loads("42")).isEqualTo(2);
        assertThat(cache.stats().l1Evictions()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Consistency.class)
    void get_ofAHotEntryPastRefreshAfter_servesItAndRefreshesAhead(Consistency consistency) {
        CacheSettings settings =
                new CacheSettings(100, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(2));
        Sinks.One<String> reload = Sinks.one();
        AtomicInteger loads = new AtomicInteger();
        TwoLevelCache<String, String> cache = cluster.builder(cluster.instance(), "profiles", consistency)
                .settings(settings)
                .loader(key -> Mono.defer(() -> loads.incrementAndGet() == 1 ? Mono.just("Ada") : reload.asMono()))
                .build();
        cache.get("42").block();

        // L2 has expired, L1 has not: the read serves L1 and reloads from the source behind it.
        cluster.advance(Duration.ofMinutes(3));
        assertThat(cache.get("42").block()).isEqualTo("Ada");
        assertThat(cache.get("42").block()).isEqualTo("Ada");
        assertThat(loads).hasValue(2);

        reload.tryEmitValue("Ada Lovelace");
        assertThat(cache.get("42").block()).isEqualTo("Ada Lovelace");
        assertThat(loads).hasValue(2);
        assertThat(cache.stats().l1Misses()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Consistency.class)
    void l1_isBoundedBySize_andCountsEvictions(Consistency consistency) {
        CacheSettings settings = new CacheSettings(10, Duration.ofMinutes(10), Duration.ZERO, Duration.ofMinutes(30));
        TwoLevelCache<String, String> cache = cluster.cache(cluster.instance(), "profiles", consistency, settings);
        for (int i = 0; i < 100; i++) {
            cluster.source.put("k" + i, "v" + i);
            cache.get("k" + i).block();
        }

        assertThat(cache.stats().l1Size()).isLessThanOrEqualTo(10);
        assertThat(cache.stats().l1Evictions()).isGreaterThanOrEqualTo(90);
    }

    @ParameterizedTest
    @EnumSource(Consistency.class)
    void invalidateLocal_dropsOnlyThisInstancesEntry(Consistency consistency) {
        TwoLevelCache<String, String> cache = cluster.cache(cluster.instance(), "profiles", consistency);
        cluster.source.put("42", "Ada");
        cache.get("42").block();

        cache.invalidateLocal("42");

        assertThat(cache.get("42").block()).isEqualTo("Ada");
        assertThat(cluster.loads("42")).isEqualTo(1);
        assertThat(cache.stats().l2Hits()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Consistency.class)
    void get_ofAnUndecodableSharedEntry_isAMiss(Consistency consistency) {
        TwoLevelCaches instance = cluster.instance();
        TwoLevelCache<String, String> writer = cluster.cache(instance, "profiles", consistency);
        TwoLevelCache<String, String> reader = cluster.builder(cluster.instance(), "profiles", consistency)
                .codec(new Codec<>() {
                    @Override
                    public byte[] encode(String value) {
                        return TestCluster.STRINGS.encode(value);
                    }

                    @Override
                    public String decode(byte[] bytes) {
                        throw new IllegalArgumentException("not this format");
                    }
                })
                .build();
        cluster.source.put("42", "Ada");
        writer.get("42").block();

        assertThat(reader.get("42").block()).isEqualTo("Ada");
        assertThat(reader.stats().l2Misses()).isEqualTo(1);
        assertThat(cluster.loads("42")).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
