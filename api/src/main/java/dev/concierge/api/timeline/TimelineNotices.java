package dev.concierge.api.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans timeline changes out to subscribers on every instance: delivered at once to this
 * instance's subscribers, and through a Redis pub/sub channel to the others. When Redis is down,
 * this instance's subscribers still get their own instance's changes.
 */
public class TimelineNotices implements DisposableBean {

    static final String CHANNEL = "concierge:timeline";
    private static final Logger log = LoggerFactory.getLogger(TimelineNotices.class);

    /** What changed for whom; subscribers load the current state themselves. */
    record Notice(String origin, String customerId, TimelineEvent.Kind kind, String id, Instant at) {}

    private final String instance = UUID.randomUUID().toString();
    private final Sinks.Many<Notice> local = Sinks.many().multicast().directBestEffort();
    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;
    private final Disposable subscription;

    public TimelineNotices(
            ReactiveStringRedisTemplate redis, ReactiveRedisMessageListenerContainer container, JsonMapper json) {
        this.redis = redis;
        this.json = json;
        Sinks.One<Boolean> listening = Sinks.one();
        this.subscription = container
                .receiveLater(ChannelTopic.of(CHANNEL))
                .doOnNext(flux -> listening.tryEmitValue(true))
                .flatMapMany(messages -> messages)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)))
                .subscribe(message -> receive(message.getMessage()));
        // Wait briefly so that a change recorded right after start reaches other instances' subscribers.
        listening.asMono().timeout(Duration.ofSeconds(5), Mono.just(false)).subscribe(ok -> {
            if (!ok) {
                log.warn("Not yet subscribed to Redis channel {}; retrying in the background", CHANNEL);
            }
        });
    }

    /** Announces a change to the customer's subscribers on every instance; never fails the caller. */
    public Mono<Void> publish(String customerId, TimelineEvent.Kind kind, String id, Instant at) {
        Notice notice = new Notice(instance, customerId, kind, id, at);
        emit(notice);
        return redis.convertAndSend(CHANNEL, json.writeValueAsString(notice))
                .timeout(Duration.ofSeconds(2))
                .doOnError(e -> log.warn("Could not publish a timeline change to Redis: {}", e.toString()))
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    /** The changes for one customer from now on. */
    public Flux<Notice> stream(String customerId) {
        return local.asFlux().filter(notice -> notice.customerId().equals(customerId));
    }

    private void receive(String payload) {
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

    @Override
    public void destroy() {
        subscription.dispose();
    }
}
