package dev.concierge.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.personalization.cache.Invalidation;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Two buses, as on two instances, on the embedded Redis's pub/sub. */
@ConciergeTest
class CacheInvalidationBusTests {

    @Autowired
    ReactiveRedisConnectionFactory connections;

    @Autowired
    ReactiveStringRedisTemplate strings;

    @Autowired
    JsonMapper json;

    private final String cache = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private RedisInvalidationBus a;
    private RedisInvalidationBus b;

    @AfterEach
    void stop() {
        for (RedisInvalidationBus bus : new RedisInvalidationBus[] {a, b}) {
            if (bus != null && bus.isRunning()) {
                bus.stop();
            }
        }
    }

    @Test
    void publish_onOneInstance_reachesTheOther() throws Exception {
        a = started();
        b = started();
        CompletableFuture<List<Invalidation>> onB = b.invalidations()
                .filter(message -> cache.equals(message.cache()))
                .take(2)
                .collectList()
                .toFuture();

        a.publish(new Invalidation("instance-a", cache, "customer-42")).block();
        a.publish(new Invalidation("instance-a", cache, null)).block();

        assertThat(onB.get(5, TimeUnit.SECONDS))
                .containsExactly(
                        new Invalidation("instance-a", cache, "customer-42"),
                        new Invalidation("instance-a", cache, null));
    }

    @Test
    void aMalformedMessage_isIgnored() throws Exception {
        a = started();
        b = started();
        CompletableFuture<Invalidation> onB = b.invalidations()
                .filter(message -> cache.equals(message.cache()))
                .next()
                .toFuture();

        strings.convertAndSend(RedisInvalidationBus.CHANNEL, "not json").block();
        a.publish(new Invalidation("instance-a", cache, "home")).block();

        assertThat(onB.get(5, TimeUnit.SECONDS)).isEqualTo(new Invalidation("instance-a", cache, "home"));
    }

    @Test
    void stop_endsTheSubscription() {
        a = started();
        a.stop();

        assertThat(a.isRunning()).isFalse();
    }

    private RedisInvalidationBus started() {
        RedisInvalidationBus bus = new RedisInvalidationBus(connections, json);
        bus.start();
        assertThat(bus.isRunning()).isTrue();
        return bus;
    }
}
