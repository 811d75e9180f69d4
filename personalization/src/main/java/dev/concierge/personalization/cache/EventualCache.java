package dev.concierge.personalization.cache;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.Executor;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * {@link Consistency#EVENTUAL}: a Caffeine loading cache whose loader reads L2, then the source
 * (writing what it found to L2). Caffeine makes concurrent misses one load and refreshes hot
 * entries ahead of expiry, through L2 as well: L1 follows the shared entry, which is reloaded from
 * the source when it expires. An invalidation deletes the shared entry before evicting L1 entries,
 * and Caffeine discards a load that was in flight when its entry was evicted, so an instance that
 * has evicted does not reload the old value from L2.
 */
final class EventualCache<K, V> extends CacheEngine<K, V> {

    private final AsyncLoadingCache<CacheKey<K>, V> l1;

    EventualCache(
            String name,
            CacheSettings settings,
            Function<K, String> keys,
            Codec<V> codec,
            Function<K, Mono<V>> loader,
            SharedLevel shared,
            Ticker ticker,
            Executor executor) {
        super(name, settings, keys, codec, loader, shared);
        Caffeine<Object, Object> builder = caffeine(ticker, executor);
        if (settings.refreshes()) {
            builder.refreshAfterWrite(settings.refreshAfter());
        }
        this.l1 = builder.buildAsync(
                (CacheKey<K> key, Executor ignored) -> fetch(key).toFuture());
    }

    @Override
    public Consistency consistency() {
        return Consistency.EVENTUAL;
    }

    @Override
    public Mono<V> get(K key) {
        // A caller that cancels does not cancel the load other callers wait for.
        return Mono.defer(() -> Mono.fromFuture(l1.get(CacheKey.of(id(key), key)), true));
    }

    @Override
    public Mono<Void> invalidate(K key) {
        return Mono.defer(() -> {
            String id = id(key);
            return shared.invalidate(counters, name, id, null, () -> evictLocal(id));
        });
    }

    private Mono<V> fetch(CacheKey<K> cacheKey) {
        K key = cacheKey.key();
        String id = cacheKey.id();
        if (shared.blocks(name, id, null)) {
            return load(key);
        }
        return shared.lookup(counters, name, id).flatMap(found -> {
            if (found.isEmpty()) {
                return load(key); // L2 unavailable: serve the source, do not try to write
            }
            byte[] bytes = found.get().value();
            V hit = bytes == null ? null : decode(bytes);
            if (hit != null) {
                counters.l2Hits.increment();
                return Mono.just(hit);
            }
            counters.l2Misses.increment();
            long epoch = found.get().epoch();
            return load(key).flatMap(value -> {
                byte[] encoded = encode(value);
                return encoded == null
                        ? Mono.just(value)
                        : shared.store(counters, epoch, name, id, encoded, settings.l2Ttl())
                                .thenReturn(value);
            });
        });
    }

    @Override
    void evictLocal(String id) {
        l1.synchronous().invalidate(CacheKey.probe(id));
    }

    @Override
    void clearLocal() {
        l1.synchronous().invalidateAll();
    }

    @Override
    void sharedLevelLost() {
        // L1 stays: eventual caches keep serving it while L2 is down.
    }

    @Override
    long l1Size() {
        return l1.synchronous().estimatedSize();
    }
}
