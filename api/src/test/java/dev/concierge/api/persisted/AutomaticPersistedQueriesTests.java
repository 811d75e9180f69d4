package dev.concierge.api.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.personalization.cache.SharedCacheLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The APQ store's bounds and its behaviour when Redis misbehaves, with an in-memory shared level. */
class AutomaticPersistedQueriesTests {

    private static final Duration TTL = Duration.ofHours(3);

    private final FakeSharedLevel redis = new FakeSharedLevel();
    private final AtomicBoolean redisAvailable = new AtomicBoolean(true);

    private AutomaticPersistedQueries store(long l1MaxSize, int maxDocumentLength) {
        return new AutomaticPersistedQueries(
                new PersistedQueryProperties.Cache(l1MaxSize, TTL, maxDocumentLength),
                redis,
                redisAvailable::get,
                Duration.ofMillis(200),
                Runnable::run);
    }

    private static String document(int i) {
        return "query Q" + i + " { __typename }";
    }

    @Test
    void register_overTheLocalBound_evictsLocally_butRedisStillHasEveryDocument() {
        AutomaticPersistedQueries store = store(3, 1_000);

        IntStream.range(0, 10)
                .forEach(i -> store.register(DocumentHash.of(document(i)), document(i))
                        .block());

        assertThat(store.localSize()).isLessThanOrEqualTo(3);
        assertThat(redis.values).hasSize(10);
        assertThat(redis.ttls.values()).containsOnly(TTL);
        IntStream.range(0, 10)
                .forEach(
                        i -> assertThat(store.find(DocumentHash.of(document(i))).block())
                                .isEqualTo(document(i)));
        assertThat(store.localSize()).isLessThanOrEqualTo(3);
    }

    @Test
    void register_documentLongerThanTheLimit_isNotStored() {
        AutomaticPersistedQueries store = store(10, 20);
        String longer = "query LongerThanTwenty { __typename }";

        store.register(DocumentHash.of(longer), longer).block();

        assertThat(store.find(DocumentHash.of(longer)).block()).isNull();
        assertThat(redis.values).isEmpty();
    }

    @Test
    void find_valueInRedisWithAnotherHash_isIgnored() {
        AutomaticPersistedQueries store = store(10, 1_000);
        String hash = DocumentHash.of(document(1));
        redis.values.put(
                AutomaticPersistedQueries.KEY_PREFIX + hash, document(2).getBytes(StandardCharsets.UTF_8));

        assertThat(store.find(hash).block()).isNull();
    }

    @Test
    void redisFailing_registrationStaysLocal_andLookupsMissInsteadOfFailing() {
        AutomaticPersistedQueries store = store(10, 1_000);
        redis.failing = true;

        store.register(DocumentHash.of(document(1)), document(1)).block();

        assertThat(store.find(DocumentHash.of(document(1))).block()).isEqualTo(document(1));
        assertThat(store.find(DocumentHash.of(document(2))).block()).isNull();
    }

    @Test
    void redisKnownToBeDown_isNotCalled() {
        AutomaticPersistedQueries store = store(10, 1_000);
        redisAvailable.set(false);

        store.register(DocumentHash.of(document(1)), document(1)).block();
        store.find(DocumentHash.of(document(2))).block();

        assertThat(redis.calls).isZero();
        assertThat(store.find(DocumentHash.of(document(1))).block()).isEqualTo(document(1));
    }

    @Test
    void redisTooSlow_isAMiss() {
        AutomaticPersistedQueries store = store(10, 1_000);
        redis.delay = Duration.ofSeconds(5);
        redis.values.put(
                AutomaticPersistedQueries.KEY_PREFIX + DocumentHash.of(document(1)),
                document(1).getBytes(StandardCharsets.UTF_8));

        assertThat(store.find(DocumentHash.of(document(1))).block(Duration.ofSeconds(2)))
                .isNull();
    }

    /** Redis as a map, which can fail or be slow. */
    private static final class FakeSharedLevel implements SharedCacheLevel {

        final Map<String, byte[]> values = new ConcurrentHashMap<>();
        final Map<String, Duration> ttls = new ConcurrentHashMap<>();
        volatile boolean failing;
        volatile Duration delay = Duration.ZERO;
        volatile int calls;

        @Override
        public Mono<byte[]> get(String key) {
            return call(Mono.justOrEmpty(values.get(key)));
        }

        @Override
        public Mono<Void> put(String key, byte[] value, Duration ttl) {
            return call(Mono.fromRunnable(() -> {
                values.put(key, value);
                ttls.put(key, ttl);
            }));
        }

        @Override
        public Mono<Void> delete(String key) {
            return call(Mono.fromRunnable(() -> values.remove(key)));
        }

        @Override
        public Mono<Long> counter(String key) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Mono<Long> initCounter(String key, long initial, @Nullable Duration keepFor) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Mono<Long> advanceCounter(String key, long step, @Nullable Duration keepFor) {
            return Mono.error(new UnsupportedOperationException());
        }

        private <T> Mono<T> call(Mono<T> operation) {
            calls++;
            if (failing) {
                return Mono.error(new IllegalStateException("Redis is down"));
            }
            return delay.isZero() ? operation : Mono.delay(delay).then(operation);
        }
    }
}
