package dev.concierge.personalization.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link Consistency#READ_YOUR_WRITES}: every value is tagged with the generation of its key (and
 * the epoch) that was read <em>before</em> it was loaded, and served only while that generation is
 * current.
 *
 * <h2>A read</h2>
 *
 * <ol>
 *   <li>read the generation {@code g} of the key's generation key from L2 (one round trip, the epoch
 *       read alongside);
 *   <li>an L1 entry tagged {@code g}: a hit (an L1 load in flight for {@code g} is joined: one load
 *       per key and generation);
 *   <li>else an L2 value tagged {@code g}: a hit, kept in L1;
 *   <li>else load from the source — which starts only after step 1 finished — and write the value,
 *       tagged {@code g}, to L2 and L1.
 * </ol>
 *
 * <h2>An invalidation</h2>
 *
 * <p>Called by a writer after its database commit: advance the generation in L2 (atomic
 * {@code INCRBY}) and delete the L2 value; then evict the local L1 entry and publish, so that other
 * instances free theirs. It returns once L2 has answered.
 *
 * <h2>Why no read that starts after {@code invalidate()} returned serves a stale value</h2>
 *
 * <p>Let the writer commit at {@code c}, and advance the generation from {@code g} to {@code g'} at
 * {@code a}, with {@code c < a} and {@code a} before {@code invalidate()} returns. A reader that
 * starts after that reads {@code g'} or a later generation (Redis answers single-key commands in a
 * single order). Every value tagged {@code g'} or later was loaded by a reader that read that
 * generation first, hence after {@code a}, hence after {@code c}: it includes the write. Values
 * loaded before — in L1 on any instance, in L2, or written to L2 late by a slow reader that read
 * {@code g} before {@code a} — carry {@code g} or older and are never served again, whatever the
 * order in which they land. Deleting the L2 value and evicting L1 only free memory; correctness rests
 * on the generation alone, which is why no MULTI or script is needed. Several caches may share a
 * generation key: advancing it makes all their values for that key stale at once.
 *
 * <p>Three conditions: writers call {@code invalidate()} after their commit (advancing first would
 * let a reader load the old row under the new generation); loaders read the database's primary, not
 * a lagging replica; and generations are read from Redis's primary, not a replica.
 *
 * <h2>While L2 is unavailable</h2>
 *
 * <p>Values cannot be validated, so they are neither served from nor put into L1: every read loads
 * from the source; concurrent reads of one key on one instance share that load. (A read that joins
 * a load started before another instance's write may return the old value: the window is one
 * load's duration.) L1 is cleared when the breaker opens.
 */
final class ReadYourWritesCache<K, V> extends CacheEngine<K, V> {

    private final Function<K, String> generationKeys;
    private final AsyncCache<CacheKey<K>, V> l1;
    private final ConcurrentMap<String, CompletableFuture<V>> unvalidated = new ConcurrentHashMap<>();

    /** An L1 entry, or a load in flight, with the tag it was loaded under. */
    static final class Load<V> extends CompletableFuture<V> {

        final Tag tag;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Load(Tag tag) {
            this.tag = tag;
        }
    }

    ReadYourWritesCache(
            String name,
            CacheSettings settings,
            Function<K, String> keys,
            Function<K, String> generationKeys,
            Codec<V> codec,
            Function<K, Mono<V>> loader,
            SharedLevel shared,
            Ticker ticker,
            Executor executor) {
        super(name, settings, keys, codec, loader, shared);
        this.generationKeys = generationKeys;
        this.l1 = caffeine(ticker, executor).buildAsync();
    }

    @Override
    public Consistency consistency() {
        return Consistency.READ_YOUR_WRITES;
    }

    @Override
    public Mono<V> get(K key) {
        return Mono.defer(() -> {
            String id = id(key);
            String generationKey = generationKey(key);
            if (shared.blocks(name, id, generationKey)) {
                return unvalidated(key, id);
            }
            return shared.generation(counters, generationKey)
                    .flatMap(tag -> tag.isPresent() ? cached(key, id, tag.get()) : unvalidated(key, id));
        });
    }

    @Override
    public Mono<Void> invalidate(K key) {
        return Mono.defer(() -> {
            String id = id(key);
            return shared.invalidate(counters, name, id, generationKey(key), () -> evictLocal(id));
        });
    }

    private Mono<V> cached(K key, String id, Tag tag) {
        CacheKey<K> cacheKey = CacheKey.of(id, key);
        ConcurrentMap<CacheKey<K>, CompletableFuture<V>> entries = l1.asMap();
        if (entries.get(cacheKey) instanceof Load<V> present && matches(present, tag)) {
            l1Stats.recordHits(1);
            refreshIfDue(cacheKey, present);
            return Mono.fromFuture(present, true);
        }
        Load<V> mine = new Load<>(tag);
        CompletableFuture<V> winner =
                entries.compute(cacheKey, (k, existing) -> matches(existing, tag) ? existing : mine);
        if (winner != mine) {
            l1Stats.recordHits(1);
            return Mono.fromFuture(winner, true);
        }
        l1Stats.recordMisses(1);
        fetch(key, id, tag).subscribe(mine::complete, mine::completeExceptionally, () -> mine.complete(null));
        return Mono.fromFuture(mine, true);
    }

    private static boolean matches(@Nullable CompletableFuture<?> entry, Tag tag) {
        return entry instanceof Load<?> load && load.tag.equals(tag) && !load.isCompletedExceptionally();
    }

    /** Refresh-ahead: reload a hot entry under the same tag, still serving it meanwhile. */
    private void refreshIfDue(CacheKey<K> cacheKey, Load<V> current) {
        if (!settings.refreshes() || !current.isDone() || current.isCompletedExceptionally()) {
            return;
        }
        OptionalLong age = l1.synchronous()
                .policy()
                .expireAfterWrite()
                .map(policy -> policy.ageOf(cacheKey, TimeUnit.NANOSECONDS))
                .orElse(OptionalLong.empty());
        if (age.isEmpty()
                || age.getAsLong() < settings.refreshAfter().toNanos()
                || !current.refreshing.compareAndSet(false, true)) {
            return;
        }
        fetch(cacheKey.key(), cacheKey.id(), current.tag)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .subscribe(
                        value -> {
                            if (value.isPresent()) {
                                Load<V> fresh = new Load<>(current.tag);
                                fresh.complete(value.get());
                                l1.asMap().replace(cacheKey, current, fresh);
                            } else {
                                l1.asMap().remove(cacheKey, current);
                            }
                        },
                        error -> current.refreshing.set(false));
    }

    /** L2, then the source; whatever the source gives is shared under the tag. */
    private Mono<V> fetch(K key, String id, Tag tag) {
        return shared.read(counters, tag.epoch(), name, id)
                .flatMap(stored -> Mono.justOrEmpty(unwrap(stored, tag.generation())))
                .doOnNext(hit -> counters.l2Hits.increment())
                .switchIfEmpty(Mono.defer(() -> {
                    counters.l2Misses.increment();
                    return loadAndShare(key, id, tag);
                }))
                .onErrorResume(Unavailable.class, e -> loadAndShare(key, id, tag));
    }

    private Mono<V> loadAndShare(K key, String id, Tag tag) {
        return load(key).flatMap(value -> {
            byte[] encoded = encode(value);
            return encoded == null
                    ? Mono.just(value)
                    : shared.store(counters, tag.epoch(), name, id, wrap(tag.generation(), encoded), settings.l2Ttl())
                            .thenReturn(value);
        });
    }

    /** Straight from the source, one load per key at a time, kept nowhere. */
    private Mono<V> unvalidated(K key, String id) {
        l1Stats.recordMisses(1);
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = unvalidated.putIfAbsent(id, mine);
        if (running != null) {
            return Mono.fromFuture(running, true);
        }
        load(key)
                .subscribe(
                        value -> {
                            unvalidated.remove(id, mine);
                            mine.complete(value);
                        },
                        error -> {
                            unvalidated.remove(id, mine);
                            mine.completeExceptionally(error);
                        },
                        () -> {
                            unvalidated.remove(id, mine);
                            mine.complete(null);
                        });
        return Mono.fromFuture(mine, true);
    }

    private String generationKey(K key) {
        return java.util.Objects.requireNonNull(generationKeys.apply(key), "a cache key's generation key");
    }

    /** The stored form: the generation, then the encoded value. */
    static byte[] wrap(long generation, byte[] encoded) {
        return ByteBuffer.allocate(Long.BYTES + encoded.length)
                .putLong(generation)
                .put(encoded)
                .array();
    }

    private @Nullable V unwrap(byte[] stored, long generation) {
        if (stored.length < Long.BYTES || ByteBuffer.wrap(stored).getLong() != generation) {
            return null;
        }
        return decode(Arrays.copyOfRange(stored, Long.BYTES, stored.length));
    }

    @Override
    void evictLocal(String id) {
        l1.synchronous().invalidate(CacheKey.probe(id));
        // Later reads must not join a source load that may have started before the write.
        unvalidated.remove(id);
    }

    @Override
    void clearLocal() {
        l1.synchronous().invalidateAll();
        unvalidated.clear();
    }

    @Override
    void sharedLevelLost() {
        // Loads from the source in flight stay joinable: they are as fresh as any new one.
        l1.synchronous().invalidateAll();
    }

    @Override
    long l1Size() {
        return l1.synchronous().estimatedSize();
    }
}
