package dev.concierge.personalization.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** A bus in memory: delivers at once, or holds messages until {@link #deliver()}, or drops them, or fails. */
final class InMemoryBus implements InvalidationBus {

    enum Mode {
        DELIVER,
        HOLD,
        DROP,
        FAIL
    }

    private final Sinks.Many<Invalidation> sink = Sinks.many().multicast().directBestEffort();
    private final List<Invalidation> held = new ArrayList<>();
    private final List<Invalidation> published = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.DELIVER;

    void mode(Mode mode) {
        this.mode = mode;
    }

    List<Invalidation> published() {
        return List.copyOf(published);
    }

    synchronized void deliver() {
        List<Invalidation> messages = List.copyOf(held);
        held.clear();
        messages.forEach(this::emit);
    }

    @Override
    public Mono<Void> publish(Invalidation invalidation) {
        return Mono.defer(() -> {
            switch (mode) {
                case FAIL -> {
                    return Mono.error(new IllegalStateException("Connection refused"));
                }
                case DROP -> published.add(invalidation);
                case HOLD -> {
                    published.add(invalidation);
                    synchronized (this) {
                        held.add(invalidation);
                    }
                }
                case DELIVER -> {
                    published.add(invalidation);
                    emit(invalidation);
                }
            }
            return Mono.empty();
        });
    }

    @Override
    public Flux<Invalidation> invalidations() {
        return sink.asFlux();
    }

    private synchronized void emit(Invalidation invalidation) {
        sink.tryEmitNext(invalidation);
    }
}
