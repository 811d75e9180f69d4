package dev.concierge.api.recommendation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Turns lookups of single keys into bulk loads, as a DataLoader does within one GraphQL request but
 * across everything running at once: keys asked for within {@code window} of the first (or until
 * {@code maxBatch} are waiting) are loaded with one call. Meant as the loader of a per-key cache, so
 * that the misses of a request, which arrive together, make one query.
 */
final class BatchedLookup<K, V> {

    private final Function<Set<K>, Mono<Map<K, V>>> bulk;
    private final V absent;
    private final int maxBatch;
    private final Duration window;
    private final Scheduler scheduler;
    private @Nullable Map<K, Sinks.One<V>> pending;

    /**
     * @param bulk loads many keys at once; keys it leaves out get {@code absent}
     */
    BatchedLookup(
            Function<Set<K>, Mono<Map<K, V>>> bulk, V absent, int maxBatch, Duration window, Scheduler scheduler) {
        if (maxBatch < 1 || window.isNegative()) {
            throw new IllegalArgumentException("maxBatch must be positive and window not negative");
        }
        this.bulk = bulk;
        this.absent = absent;
        this.maxBatch = maxBatch;
        this.window = window;
        this.scheduler = scheduler;
    }

    Mono<V> get(K key) {
        return Mono.defer(() -> {
            Sinks.One<V> sink;
            Map<K, Sinks.One<V>> full = null;
            boolean opened;
            synchronized (this) {
                Map<K, Sinks.One<V>> batch = pending;
                opened = batch == null;
                if (batch == null) {
                    batch = new HashMap<>();
                    pending = batch;
                }
                sink = batch.computeIfAbsent(key, k -> Sinks.one());
                if (batch.size() >= maxBatch) {
                    full = batch;
                    pending = null;
                }
            }
            if (full != null) {
                load(full);
            } else if (opened) {
                scheduler.schedule(this::flush, window.toNanos(), TimeUnit.NANOSECONDS);
            }
            return sink.asMono();
        });
    }

    private void flush() {
        Map<K, Sinks.One<V>> batch;
        synchronized (this) {
            batch = pending;
            pending = null;
        }
        if (batch != null) {
            load(batch);
        }
    }

    private void load(Map<K, Sinks.One<V>> batch) {
        Mono.defer(() -> bulk.apply(Set.copyOf(batch.keySet())))
                .defaultIfEmpty(Map.of())
                .subscribe(
                        found -> batch.forEach((key, sink) -> sink.tryEmitValue(found.getOrDefault(key, absent))),
                        error -> batch.values().forEach(sink -> sink.tryEmitError(error)));
    }
}
