package dev.concierge.personalization.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** What both consistency modes share: keys, the loader, the codec, the counters. */
abstract sealed class CacheEngine<K, V> implements TwoLevelCache<K, V> permits EventualCache, ReadYourWritesCache {

    private static final System.Logger log = System.getLogger(CacheEngine.class.getName());

    final String name;
    final CacheSettings settings;
    final SharedLevel shared;
    final Counters counters = new Counters();
    final ConcurrentStatsCounter l1Stats = new ConcurrentStatsCounter();
    private final Function<K, String> keys;
    private final Codec<V> codec;
    private final Function<K, Mono<V>> loader;

    CacheEngine(
            String name,
            CacheSettings settings,
            Function<K, String> keys,
            Codec<V> codec,
            Function<K, Mono<V>> loader,
            SharedLevel shared) {
        this.name = name;
        this.settings = settings;
        this.keys = keys;
        this.codec = codec;
        this.loader = loader;
        this.shared = shared;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void invalidateLocal(K key) {
        evictLocal(id(key));
    }

    @Override
    public final CacheStats stats() {
        com.github.benmanes.caffeine.cache.stats.CacheStats l1 = l1Stats.snapshot();
        return new CacheStats(
                l1.hitCount(),
                l1.missCount(),
                l1.evictionCount(),
                l1Size(),
                counters.l2Hits.sum(),
                counters.l2Misses.sum(),
                counters.l2Errors.sum(),
                counters.loads.sum(),
                counters.loadFailures.sum());
    }

    /** Drops one key from L1, as the bus asks. */
    abstract void evictLocal(String id);

    /** Drops all of L1. */
    abstract void clearLocal();

    /** The breaker has just opened. */
    abstract void sharedLevelLost();

    abstract long l1Size();

    Caffeine<Object, Object> caffeine(Ticker ticker, Executor executor) {
        return Caffeine.newBuilder()
                .maximumSize(settings.l1MaxSize())
                .expireAfterWrite(settings.l1Ttl())
                .ticker(ticker)
                .executor(executor)
                .recordStats(() -> l1Stats);
    }

    String id(K key) {
        return Objects.requireNonNull(keys.apply(key), "a cache key's string form");
    }

    /** The loader, counted when it completes, with a value or without. */
    Mono<V> load(K key) {
        return Mono.defer(() -> loader.apply(key))
                .doOnSuccess(value -> counters.loads.increment())
                .doOnError(error -> counters.loadFailures.increment());
    }

    @Nullable
    V decode(byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Ignoring an undecodable entry of cache {0}: {1}", name, e.toString());
            return null;
        }
    }

    byte @Nullable [] encode(V value) {
        try {
            return codec.encode(value);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not encode a value of cache " + name + "; not sharing it", e);
            return null;
        }
    }
}
