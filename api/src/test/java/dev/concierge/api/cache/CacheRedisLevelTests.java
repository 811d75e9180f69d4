package dev.concierge.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;

/** The shared level against the embedded Redis: values with a TTL, counters created once and advanced atomically. */
@ConciergeTest
class CacheRedisLevelTests {

    @Autowired
    ReactiveRedisConnectionFactory connections;

    @Autowired
    ReactiveStringRedisTemplate strings;

    private final String prefix = "test-" + UUID.randomUUID() + ":";

    private RedisSharedCacheLevel level() {
        return new RedisSharedCacheLevel(connections);
    }

    @Test
    void put_storesTheBytes_forTheirTtl() {
        RedisSharedCacheLevel level = level();
        byte[] value = {0, 1, 2, (byte) 0xff};

        level.put(prefix + "value", value, Duration.ofSeconds(30)).block();

        assertThat(level.get(prefix + "value").block()).isEqualTo(value);
        assertThat(strings.getExpire(prefix + "value").block())
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    @Test
    void get_ofADeletedOrMissingKey_isEmpty() {
        RedisSharedCacheLevel level = level();
        level.put(prefix + "value", new byte[] {1}, Duration.ofSeconds(30)).block();

        level.delete(prefix + "value").block();
        level.delete(prefix + "never-there").block();

        assertThat(level.get(prefix + "value").blockOptional()).isEmpty();
        assertThat(level.counter(prefix + "never-there").blockOptional()).isEmpty();
    }

    @Test
    void initCounter_createsTheCounterOnce_withItsTtl() {
        RedisSharedCacheLevel level = level();

        assertThat(level.initCounter(prefix + "gen", 1_000, Duration.ofHours(1)).block())
                .isEqualTo(1_000);
        assertThat(level.initCounter(prefix + "gen", 2_000, Duration.ofHours(1)).block())
                .isEqualTo(1_000);

        assertThat(level.counter(prefix + "gen").block()).isEqualTo(1_000);
        assertThat(strings.getExpire(prefix + "gen").block()).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void advanceCounter_isAtomic_andExtendsTheCountersLife() {
        RedisSharedCacheLevel level = level();
        level.initCounter(prefix + "gen", 1_000, Duration.ofMinutes(1)).block();

        Flux.range(0, 100)
                .flatMap(i -> level.advanceCounter(prefix + "gen", 3, Duration.ofHours(1)))
                .blockLast();

        assertThat(level.counter(prefix + "gen").block()).isEqualTo(1_300);
        assertThat(strings.opsForValue().get(prefix + "gen").block()).isEqualTo("1300");
        assertThat(strings.getExpire(prefix + "gen").block()).isGreaterThan(Duration.ofMinutes(59));
    }

    @Test
    void advanceCounter_withoutAKeepFor_createsACounterThatDoesNotExpire() {
        RedisSharedCacheLevel level = level();

        assertThat(level.advanceCounter(prefix + "epoch", 7, null).block()).isEqualTo(7);

        assertThat(strings.getExpire(prefix + "epoch").block()).as("no expiry").isZero();
        assertThat(new String(level.get(prefix + "epoch").block(), StandardCharsets.US_ASCII))
                .isEqualTo("7");
    }
}
