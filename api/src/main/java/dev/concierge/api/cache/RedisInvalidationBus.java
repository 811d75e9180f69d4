package dev.concierge.api.cache;

import dev.concierge.api.redis.RedisListener;
import dev.concierge.personalization.cache.Invalidation;
import dev.concierge.personalization.cache.InvalidationBus;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache invalidations over the Redis pub/sub channel {@value #CHANNEL}, as JSON {@code {"sender",
 * "cache", "key"}}. Delivery is at most once, which the core allows for.
 *
 * <p>A lifecycle bean like the timeline's notices: it listens from start-up (waiting briefly for
 * the subscription) until shutdown, where it closes its own pub/sub connection after the web
 * server has drained and before Redis's connection factory stops. Its pub/sub connection is opened
 * when it starts, and again in the background for as long as Redis is down: the application starts
 * without Redis.
 */
final class RedisInvalidationBus extends RedisListener implements InvalidationBus {

    static final String CHANNEL = "concierge:cache-invalidation";
    private static final Logger log = LoggerFactory.getLogger(RedisInvalidationBus.class);

    /** The wire format, kept apart from the core's record so that either can change. */
    record Message(
            String sender, @Nullable String cache, @Nullable String key) {}

    private final Sinks.Many<Invalidation> received = Sinks.many().multicast().directBestEffort();
    private final JsonMapper json;

    RedisInvalidationBus(ReactiveRedisConnectionFactory connections, JsonMapper json) {
        super(CHANNEL, connections);
        this.json = json;
    }

    @Override
    public Mono<Void> publish(Invalidation invalidation) {
        return Mono.fromCallable(() -> json.writeValueAsString(
                        new Message(invalidation.sender(), invalidation.cache(), invalidation.key())))
                .flatMap(channel::publish);
    }

    @Override
    public Flux<Invalidation> invalidations() {
        return received.asFlux();
    }

    @Override
    protected void receive(String payload) {
        try {
            Message message = json.readValue(payload, Message.class);
            received.emitNext(
                    new Invalidation(message.sender(), message.cache(), message.key()),
                    Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed message on {}: {}", CHANNEL, e.toString());
        }
    }
}
