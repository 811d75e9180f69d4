package dev.concierge.api.timeline;

import dev.concierge.api.redis.RedisListener;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans timeline changes out to subscribers on every instance: delivered at once to this
 * instance's subscribers, and through a Redis pub/sub channel to the others. When Redis is down,
 * this instance's subscribers still get their own instance's changes.
 *
 * <p>A lifecycle bean: it listens from start-up (waiting briefly for the subscription, so that a
 * change recorded right after start reaches other instances) until shutdown, where it closes its
 * pub/sub connection after the web server has drained and before Redis's connection factory stops.
 */
public class TimelineNotices extends RedisListener {

    static final String CHANNEL = "concierge:timeline";
    private static final Logger log = LoggerFactory.getLogger(TimelineNotices.class);

    /** What changed for whom; subscribers load the current state themselves. */
    record Notice(String origin, String customerId, TimelineEvent.Kind kind, String id, Instant at) {}

    private final String instance = UUID.randomUUID().toString();
    private final Sinks.Many<Notice> local = Sinks.many().multicast().directBestEffort();
    private final JsonMapper json;

    public TimelineNotices(ReactiveRedisConnectionFactory redis, JsonMapper json) {
        super(CHANNEL, redis);
        this.json = json;
    }

    /**
     * Announces a change to the customer's subscribers on every instance; never fails the caller.
     * Deferred: callers assemble it before their writes run, and only what committed is announced.
     */
    public Mono<Void> publish(String customerId, TimelineEvent.Kind kind, String id, Instant at) {
        return Mono.defer(() -> {
            Notice notice = new Notice(instance, customerId, kind, id, at);
            emit(notice);
            return channel.publish(json.writeValueAsString(notice));
        });
    }

    /** The changes for one customer from now on. */
    public Flux<Notice> stream(String customerId) {
        return local.asFlux().filter(notice -> notice.customerId().equals(customerId));
    }

    @Override
    protected void receive(String payload) {
        try {
            Notice notice = json.readValue(payload, Notice.class);
            if (!instance.equals(notice.origin())) {
                emit(notice);
            }
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed message on {}: {}", CHANNEL, e.toString());
        }
    }

    private void emit(Notice notice) {
        local.emitNext(notice, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }
}
