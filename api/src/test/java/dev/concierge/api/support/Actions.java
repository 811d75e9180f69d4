package dev.concierge.api.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The calls a test makes while StepVerifier verifies a subscription, such as the point of sale's
 * writes. They run one after another without blocking the thread that asks for them (StepVerifier
 * runs its {@code then} tasks on whichever thread delivered the last signal, often a Netty event
 * loop); an error from any of them fails the subscription under test instead of vanishing; and
 * {@link #finish} lets them complete rather than cancelling a request half-way.
 */
public final class Actions {

    /** How long after subscribing the first attempt to cause an event is made. */
    private static final Duration FIRST_ATTEMPT = Duration.ofMillis(100);

    /** How long each attempt waits for its event before the next one. */
    private static final Duration NEXT_ATTEMPT = Duration.ofSeconds(1);

    private final Sinks.Many<Mono<?>> queue = Sinks.many().unicast().onBackpressureBuffer();

    /**
     * {@code events}, failing with the first error of an action, and completing once {@link
     * #finish} was called and every action has completed.
     */
    public <T> Flux<T> alongside(Flux<T> events) {
        Mono<Boolean> done = queue.asFlux().concatMap(Mono::then).then(Mono.just(true));
        return events.takeUntilOther(done);
    }

    /**
     * {@link #alongside} for {@code events}, while {@code cause} runs shortly after subscribing and
     * again a second after each run, until the first event arrives. A subscription is live only some
     * time after the client sends it, and neither graphql-ws nor SSE says when, so a test that needs
     * its first event keeps causing one until it arrives.
     */
    public <T> Flux<T> untilFirst(Flux<T> events, Supplier<Mono<?>> cause) {
        AtomicBoolean arrived = new AtomicBoolean();
        Sinks.One<Boolean> arrival = Sinks.one();
        run(Mono.delay(FIRST_ATTEMPT)
                .then(Mono.defer(cause)
                        .then(Mono.delay(NEXT_ATTEMPT).takeUntilOther(arrival.asMono()))
                        .repeat(() -> !arrived.get())
                        .then()));
        return alongside(events.doOnNext(event -> {
            arrived.set(true);
            arrival.tryEmitValue(true);
        }));
    }

    /** Runs {@code action} after the ones asked for before it. */
    public void run(Mono<?> action) {
        queue.emitNext(action, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    /** Asks for no more actions: the subscription completes when those asked for have. */
    public void finish() {
        queue.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }
}
