package dev.concierge.api.redis;

import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * One Redis pub/sub channel: publishing that never fails the caller, and a subscription that is
 * opened on {@link #listen} and reopened in the background for as long as Redis is down, so that
 * the application starts and runs without Redis. Owners call {@link #listen} and {@link #close}
 * from their lifecycle: after the web server has drained and before Redis's connection factory
 * stops.
 */
public final class RedisChannel {

    private static final Logger log = LoggerFactory.getLogger(RedisChannel.class);
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String name;
    private final ReactiveRedisConnectionFactory connections;
    private final ReactiveStringRedisTemplate redis;
    private @Nullable ReactiveRedisMessageListenerContainer container;
    private volatile @Nullable Disposable subscription;

    public RedisChannel(String name, ReactiveRedisConnectionFactory connections) {
        this.name = name;
        this.connections = connections;
        this.redis = new ReactiveStringRedisTemplate(connections);
    }

    /** Publishes {@code payload}; a Redis failure is logged and swallowed. */
    public Mono<Void> publish(String payload) {
        return Mono.defer(() -> redis.convertAndSend(name, payload))
                .timeout(TIMEOUT)
                .doOnError(e -> log.warn("Could not publish to Redis channel {}: {}", name, e.toString()))
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    /**
     * Subscribes, waiting briefly for the subscription so that messages published right after
     * start-up arrive; if Redis is down, keeps trying in the background.
     */
    public void listen(Consumer<String> receiver) {
        Sinks.One<Boolean> listening = Sinks.one();
        subscription = Mono.fromCallable(this::container)
                // Creating a container connects, blocking: never on an event loop.
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(listener -> listener.receiveLater(ChannelTopic.of(name)))
                .doOnNext(messages -> listening.tryEmitValue(true))
                .flatMapMany(messages -> messages)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)))
                .subscribe(message -> receiver.accept(message.getMessage()));
        Boolean subscribed =
                listening.asMono().timeout(SUBSCRIBE_WAIT, Mono.just(false)).block();
        if (!Boolean.TRUE.equals(subscribed)) {
            log.warn("Not yet subscribed to Redis channel {}; retrying in the background", name);
        }
    }

    public boolean listening() {
        return subscription != null;
    }

    /** Unsubscribes and closes the pub/sub connection. */
    public void close() {
        Disposable current = subscription;
        subscription = null;
        if (current != null) {
            current.dispose();
        }
        ReactiveRedisMessageListenerContainer listener;
        synchronized (this) {
            listener = container;
            container = null;
        }
        if (listener != null) {
            listener.destroyLater()
                    .timeout(TIMEOUT)
                    .onErrorResume(e -> Mono.empty())
                    .block();
        }
    }

    private synchronized ReactiveRedisMessageListenerContainer container() {
        ReactiveRedisMessageListenerContainer listener = container;
        if (listener == null) {
            listener = new ReactiveRedisMessageListenerContainer(connections);
            container = listener;
        }
        return listener;
    }
}
