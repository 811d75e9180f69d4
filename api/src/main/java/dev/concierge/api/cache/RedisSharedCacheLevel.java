package dev.concierge.api.cache;

import dev.concierge.personalization.cache.SharedCacheLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import reactor.core.publisher.Mono;

/**
 * The shared cache level in Redis: values as raw bytes under string keys, counters as decimal
 * strings ({@code GET}, {@code SET NX}, {@code INCRBY}, {@code EXPIRE}). Deadlines, retries and
 * the circuit breaker are the core's.
 */
final class RedisSharedCacheLevel implements SharedCacheLevel {

    private final ReactiveRedisTemplate<String, byte[]> redis;

    RedisSharedCacheLevel(ReactiveRedisConnectionFactory connections) {
        RedisSerializationContext<String, byte[]> bytesByString =
                RedisSerializationContext.<String, byte[]>newSerializationContext(RedisSerializer.byteArray())
                        .key(RedisSerializer.string())
                        .hashKey(RedisSerializer.string())
                        .build();
        this.redis = new ReactiveRedisTemplate<>(connections, bytesByString);
    }

    @Override
    public Mono<byte[]> get(String key) {
        return redis.opsForValue().get(key);
    }

    @Override
    public Mono<Void> put(String key, byte[] value, Duration ttl) {
        return redis.opsForValue().set(key, value, ttl).then();
    }

    @Override
    public Mono<Void> delete(String key) {
        return redis.delete(key).then();
    }

    @Override
    public Mono<Long> counter(String key) {
        return redis.opsForValue().get(key).map(RedisSharedCacheLevel::parse);
    }

    @Override
    public Mono<Long> initCounter(String key, long initial, @Nullable Duration keepFor) {
        byte[] value = Long.toString(initial).getBytes(StandardCharsets.US_ASCII);
        Mono<Boolean> created = keepFor == null
                ? redis.opsForValue().setIfAbsent(key, value)
                : redis.opsForValue().setIfAbsent(key, value, keepFor);
        // Whoever created it, its value now; ours if it expired in between (a miss, never a stale hit).
        return created.then(counter(key)).defaultIfEmpty(initial);
    }

    @Override
    public Mono<Long> advanceCounter(String key, long step, @Nullable Duration keepFor) {
        Mono<Long> advanced = redis.opsForValue().increment(key, step);
        return keepFor == null
                ? advanced
                : advanced.flatMap(value -> redis.expire(key, keepFor).thenReturn(value));
    }

    private static long parse(byte[] value) {
        return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    }
}
