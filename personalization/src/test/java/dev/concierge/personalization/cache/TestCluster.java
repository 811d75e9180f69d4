package dev.concierge.personalization.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Instances of an application in one test: each its own {@link TwoLevelCaches}, all on one
 * in-memory shared level and bus, one source of truth and one virtual clock (Caffeine's ticker and
 * Reactor's scheduler alike), so that nothing sleeps.
 */
final class TestCluster implements AutoCloseable {

    static final CacheSettings SETTINGS =
            new CacheSettings(1_000, Duration.ofMinutes(10), Duration.ZERO, Duration.ofMinutes(30));

    static final Codec<String> STRINGS = new Codec<>() {
        @Override
        public byte[] encode(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    };

    final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    final InMemorySharedLevel shared = new InMemorySharedLevel(() -> time.now(TimeUnit.NANOSECONDS));
    final InMemoryBus bus = new InMemoryBus();
    /** The system of record: key to value; a missing key has no value. */
    final Map<String, String> source = new ConcurrentHashMap<>();
    /** Loads from the source, per key. */
    final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();

    private final List<TwoLevelCaches> instances = new ArrayList<>();

    TwoLevelCaches instance() {
        return instance(SharedLevelSettings.DEFAULTS);
    }

    TwoLevelCaches instance(SharedLevelSettings settings) {
        TwoLevelCaches caches = TwoLevelCaches.builder(shared, bus)
                .settings(settings)
                .ticker(() -> time.now(TimeUnit.NANOSECONDS))
                .scheduler(time)
                .executor(Runnable::run)
                .build();
        instances.add(caches);
        return caches;
    }

    /** A cache of strings keyed by strings, loaded from {@link #source}. */
    TwoLevelCache<String, String> cache(TwoLevelCaches caches, String name, Consistency consistency) {
        return cache(caches, name, consistency, SETTINGS);
    }

    TwoLevelCache<String, String> cache(
            TwoLevelCaches caches, String name, Consistency consistency, CacheSettings settings) {
        return builder(caches, name, consistency).settings(settings).build();
    }

    /** A cache of strings keyed by strings, loaded from {@link #source}, for a test to change. */
    TwoLevelCaches.CacheBuilder<String, String> builder(TwoLevelCaches caches, String name, Consistency consistency) {
        TwoLevelCaches.CacheBuilder<String, String> builder = caches.<String, String>newCache(name)
                .consistency(consistency)
                .keys(Function.identity())
                .codec(STRINGS)
                .settings(SETTINGS)
                .loader(this::load);
        if (consistency == Consistency.READ_YOUR_WRITES) {
            builder.generationKey(key -> "customer:" + key);
        }
        return builder;
    }

    Mono<String> load(String key) {
        return Mono.fromCallable(() -> {
            loads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return source.get(key);
        });
    }

    int loads(String key) {
        AtomicInteger count = loads.get(key);
        return count == null ? 0 : count.get();
    }

    void advance(Duration duration) {
        time.advanceTimeBy(duration);
    }

    @Override
    public void close() {
        instances.forEach(TwoLevelCaches::close);
        time.dispose();
    }
}
