package dev.concierge.personalization.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.concierge.personalization.cache.PendingInvalidations.Entry;
import dev.concierge.personalization.cache.PendingInvalidations.Pending;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Everything the caches of one {@link TwoLevelCaches} share about L2: the key layout, the deadline
 * and circuit breaker around every call, the epoch, the invalidations to replay, and the bus.
 *
 * <h2>Keys</h2>
 *
 * <pre>
 * &lt;namespace&gt;:v1:epoch                        the epoch (no expiry)
 * &lt;namespace&gt;:v1:&lt;epoch&gt;:&lt;cache&gt;:&lt;key&gt;        a value (its cache's L2 TTL)
 * &lt;namespace&gt;:v1:gen:&lt;epoch&gt;:&lt;generation key&gt;  a generation (generationTtl after its last change)
 * </pre>
 *
 * <p>Counters (the epoch, generations) start at a random value and advance by a random step, so a
 * counter that Redis lost, evicted or expired never comes back with a value it had before: a value
 * tagged with an old generation can never be mistaken for a current one.
 *
 * <h2>The epoch</h2>
 *
 * <p>Part of every key. Every round trip to L2 reads it alongside its own command (pipelined, so
 * no extra latency); when it differs from the one assumed, the command is repeated under the new
 * epoch and every L1 is cleared. It changes only when an instance had to forget which
 * invalidations it could not write (more than {@code maxPendingInvalidations} during an outage):
 * on recovery that instance advances it, which orphans every shared entry and generation at once.
 *
 * <h2>Outages</h2>
 *
 * <p>A call that fails or misses its deadline counts towards the breaker; once it is open no calls
 * are made until a probe (a read of the epoch) succeeds, {@code openDuration} later. An
 * invalidation that could not be written is remembered (see {@link PendingInvalidations}) and
 * replayed — generation advanced, value deleted, message published — once the level answers again:
 * right after a successful probe, or, when the breaker never opened, {@code openDuration} after the
 * failure. Until its replay this instance does not use L2 for that key. When the breaker opens,
 * read-your-writes caches clear their L1: they cannot validate it, and it may be stale when the
 * level returns.
 *
 * <p>What the replay cannot close: another instance that reaches L2 again before the writer has
 * replayed may serve what the writer invalidated during the outage. That window opens when the
 * level comes back and lasts until the writer's next probe (at most {@code openDuration}); for an
 * instance that could still reach L2 while the writer could not (a partition), it lasts until the
 * writer reaches it again. A lost epoch bump is not such a case: every round trip reads the epoch.
 */
final class SharedLevel implements AutoCloseable {

    private static final System.Logger log = System.getLogger(SharedLevel.class.getName());

    /**
     * A run of nothing but timeouts opens the breaker once it has lasted this many timeouts (1 s by
     * default): see {@link CircuitBreaker}.
     */
    private static final int TIMEOUT_SPAN = 5;

    /** Where counters start: far from zero, far from overflow. */
    private static final long COUNTER_ORIGIN = 1L << 32;

    private static final long COUNTER_BOUND = 1L << 40;

    /** The largest step: about two billion advances before a counter could overflow. */
    private static final long STEP_BOUND = 1L << 32;

    private final SharedCacheLevel port;
    private final InvalidationBus bus;
    private final SharedLevelSettings settings;
    private final String prefix;
    private final String epochKey;
    private final String instance;
    private final Scheduler scheduler;
    private final CircuitBreaker breaker;
    private final PendingInvalidations pending;
    private final Map<String, CacheEngine<?, ?>> caches = new ConcurrentHashMap<>();
    private final Counters unattributed = new Counters();
    private final Sinks.Many<Boolean> availability = Sinks.many().replay().latest();
    private final Disposable.Swap probeTimer = Disposables.swap();
    private final Disposable.Swap replayTimer = Disposables.swap();
    private final AtomicBoolean replayScheduled = new AtomicBoolean();
    private final AtomicBoolean replaying = new AtomicBoolean();
    private final Disposable listening;
    private final Object epochLock = new Object();
    private volatile boolean epochKnown;
    private volatile long epoch;

    SharedLevel(
            SharedCacheLevel port,
            InvalidationBus bus,
            SharedLevelSettings settings,
            String namespace,
            String instance,
            Ticker ticker,
            Scheduler scheduler) {
        this.port = port;
        this.bus = bus;
        this.settings = settings;
        this.prefix = namespace + ":" + TwoLevelCaches.KEY_FORMAT_VERSION + ":";
        this.epochKey = prefix + "epoch";
        this.instance = instance;
        this.scheduler = scheduler;
        this.breaker = new CircuitBreaker(
                settings.failureThreshold(),
                settings.openDuration(),
                settings.timeout().multipliedBy(TIMEOUT_SPAN),
                ticker);
        this.pending = new PendingInvalidations(settings.maxPendingInvalidations());
        announce(true);
        this.listening = Flux.defer(bus::invalidations)
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, settings.openDuration())
                        .scheduler(scheduler))
                .subscribe(this::receive, error -> log.log(Level.ERROR, "Stopped listening for invalidations", error));
    }

    String instance() {
        return instance;
    }

    void register(CacheEngine<?, ?> cache) {
        if (caches.putIfAbsent(cache.name(), cache) != null) {
            throw new IllegalStateException("A cache named " + cache.name() + " already exists");
        }
    }

    boolean available() {
        return breaker.allows();
    }

    Flux<Boolean> availability() {
        return availability.asFlux().distinctUntilChanged();
    }

    /** Whether this instance must bypass L2 for the key, having failed to invalidate it there. */
    boolean blocks(String cache, String key, @Nullable String generationKey) {
        return pending.blocks(cache, key, generationKey);
    }

    // Reads and writes for the caches; every Mono errs only with Unavailable.

    /** The key's generation under the current epoch, created if absent; empty when L2 is unavailable. */
    Mono<Optional<Tag>> generation(Counters counters, String generationKey) {
        return withEpoch(counters, e -> {
                    String key = generationKey(e, generationKey);
                    return call(counters, () -> port.counter(key))
                            .switchIfEmpty(Mono.defer(() -> call(
                                    counters, () -> port.initCounter(key, randomStart(), settings.generationTtl()))));
                })
                .map(found -> {
                    Long generation = found.value();
                    return generation == null ? Optional.<Tag>empty() : Optional.of(new Tag(found.epoch(), generation));
                })
                .onErrorResume(Unavailable.class, e -> Mono.just(Optional.empty()));
    }

    /** A value under the current epoch, with that epoch; empty when L2 is unavailable. */
    Mono<Optional<Epoched<byte[]>>> lookup(Counters counters, String cache, String key) {
        return withEpoch(counters, e -> call(counters, () -> port.get(valueKey(e, cache, key))))
                .map(Optional::of)
                .onErrorResume(Unavailable.class, e -> Mono.just(Optional.empty()));
    }

    /** A value under a known epoch; empty when absent, an Unavailable error when L2 is. */
    Mono<byte[]> read(Counters counters, long epoch, String cache, String key) {
        return call(counters, () -> port.get(valueKey(epoch, cache, key)));
    }

    /** Writes a value; gives up quietly when L2 is unavailable. */
    Mono<Void> store(Counters counters, long epoch, String cache, String key, byte[] value, Duration ttl) {
        return call(counters, () -> port.put(valueKey(epoch, cache, key), value, ttl))
                .onErrorResume(Unavailable.class, e -> Mono.empty());
    }

    /**
     * Invalidates a key everywhere: L2 first (generation advanced, value deleted), then this
     * instance's L1, then the other instances' through the bus. Never fails; what could not reach
     * L2 is remembered and replayed.
     */
    Mono<Void> invalidate(
            Counters counters, String cache, String key, @Nullable String generationKey, Runnable evictLocal) {
        return Mono.defer(() -> {
            Pending invalidation = new Pending(cache, key, generationKey);
            long mark = pending.mark();
            return write(counters, invalidation)
                    .then(Mono.fromRunnable(() -> pending.satisfied(invalidation, mark)))
                    .onErrorResume(Unavailable.class, e -> {
                        remember(invalidation);
                        return Mono.empty();
                    })
                    .then(Mono.fromRunnable(evictLocal))
                    .then(publish(new Invalidation(instance, cache, key)));
        });
    }

    private Mono<Void> write(Counters counters, Pending invalidation) {
        return withEpoch(counters, e -> {
                    Mono<Void> delete =
                            call(counters, () -> port.delete(valueKey(e, invalidation.cache(), invalidation.key())));
                    String generationKey = invalidation.generationKey();
                    if (generationKey == null) {
                        return delete;
                    }
                    Mono<Long> advance = call(
                            counters,
                            () -> port.advanceCounter(
                                    generationKey(e, generationKey), randomStep(), settings.generationTtl()));
                    return Mono.when(advance, delete);
                })
                .then();
    }

    private Mono<Void> publish(Invalidation message) {
        return Mono.defer(() -> bus.publish(message))
                .timeout(settings.timeout(), scheduler)
                .onErrorResume(error -> {
                    log.log(Level.DEBUG, "Could not publish an invalidation: {0}", error.toString());
                    return Mono.empty();
                });
    }

    // The epoch.

    /** A result of a call made under an epoch. */
    record Epoched<T>(long epoch, @Nullable T value) {}

    /**
     * Runs an operation under the current epoch: in parallel with a read of the epoch when one is
     * known (repeating it when the epoch turns out to have changed), after it otherwise.
     */
    private <T> Mono<Epoched<T>> withEpoch(Counters counters, LongFunction<Mono<T>> operation) {
        return Mono.defer(() -> {
            if (!epochKnown) {
                return readEpoch(counters).flatMap(e -> run(operation, e));
            }
            long assumed = epoch;
            return Mono.zip(readEpoch(counters), run(operation, assumed))
                    .flatMap(both -> both.getT1() == assumed ? Mono.just(both.getT2()) : run(operation, both.getT1()));
        });
    }

    private static <T> Mono<Epoched<T>> run(LongFunction<Mono<T>> operation, long epoch) {
        return operation
                .apply(epoch)
                .map(value -> new Epoched<T>(epoch, value))
                .defaultIfEmpty(new Epoched<>(epoch, null));
    }

    private Mono<Long> readEpoch(Counters counters) {
        return call(counters, () -> port.counter(epochKey))
                .switchIfEmpty(Mono.defer(() -> call(counters, () -> port.initCounter(epochKey, randomStart(), null))))
                .doOnNext(this::observeEpoch);
    }

    private void observeEpoch(long current) {
        boolean changed;
        synchronized (epochLock) {
            changed = epochKnown && epoch != current;
            epoch = current;
            epochKnown = true;
        }
        if (changed) {
            log.log(Level.INFO, "The shared cache epoch changed; clearing every L1");
            caches.values().forEach(CacheEngine::clearLocal);
        }
    }

    // The breaker.

    /** One call to L2, with a deadline, through the breaker; errs with Unavailable only. */
    private <T> Mono<T> call(Counters counters, Supplier<Mono<T>> operation) {
        return Mono.defer(() -> {
            if (!breaker.allows()) {
                return Mono.error(Unavailable.INSTANCE);
            }
            return Mono.defer(operation)
                    .timeout(settings.timeout(), scheduler)
                    .doOnSuccess(ignored -> breaker.recordSuccess())
                    .onErrorMap(error -> {
                        counters.l2Errors.increment();
                        failed(error);
                        return Unavailable.INSTANCE;
                    });
        });
    }

    private void failed(Throwable error) {
        log.log(Level.DEBUG, "A shared cache call failed: {0}", error.toString());
        if (breaker.recordFailure(error instanceof TimeoutException)) {
            log.log(
                    Level.WARNING,
                    "The shared cache level is unavailable ({0}); serving from L1 and the source, probing again in {1}",
                    error.toString(),
                    settings.openDuration());
            announce(false);
            caches.values().forEach(CacheEngine::sharedLevelLost);
            scheduleProbe(settings.openDuration().toNanos());
        }
    }

    private void scheduleProbe(long delayNanos) {
        probeTimer.update(scheduler.schedule(this::probe, delayNanos, TimeUnit.NANOSECONDS));
    }

    private void probe() {
        long wait = breaker.nanosUntilProbe();
        if (wait > 0) {
            scheduleProbe(wait);
            return;
        }
        if (!breaker.tryProbe()) {
            return;
        }
        Mono.defer(() -> port.counter(epochKey))
                .switchIfEmpty(Mono.defer(() -> port.initCounter(epochKey, randomStart(), null)))
                .timeout(settings.timeout(), scheduler)
                .subscribe(
                        current -> {
                            observeEpoch(current);
                            breaker.probeSucceeded();
                            log.log(Level.INFO, "The shared cache level is available again");
                            announce(true);
                            replay();
                        },
                        error -> {
                            log.log(Level.DEBUG, "The shared cache probe failed: {0}", error.toString());
                            breaker.probeFailed();
                            scheduleProbe(settings.openDuration().toNanos());
                        });
    }

    private synchronized void announce(boolean available) {
        availability.tryEmitNext(available);
    }

    // Replay.

    private void remember(Pending invalidation) {
        pending.add(invalidation);
        scheduleReplay();
    }

    /** With the breaker closed, replays later; an open breaker's successful probe replays at once. */
    private void scheduleReplay() {
        if (breaker.allows() && replayScheduled.compareAndSet(false, true)) {
            replayTimer.update(scheduler.schedule(
                    () -> {
                        replayScheduled.set(false);
                        replay();
                    },
                    settings.openDuration().toNanos(),
                    TimeUnit.NANOSECONDS));
        }
    }

    /** Writes what could not be written; with the breaker closed, one replay at a time. */
    private void replay() {
        if (pending.isEmpty() || !breaker.allows() || !replaying.compareAndSet(false, true)) {
            return;
        }
        Mono.defer(this::bumpEpochIfSuspect)
                .thenMany(Flux.defer(() -> Flux.fromIterable(pending.snapshot())))
                .concatMap(this::replay)
                .then()
                .doFinally(signal -> {
                    replaying.set(false);
                    if (!pending.isEmpty()) {
                        scheduleReplay();
                    }
                })
                .subscribe(null, error -> log.log(Level.DEBUG, "Replay stopped: {0}", error.toString()));
    }

    private Mono<Void> replay(Entry entry) {
        Pending invalidation = entry.pending();
        CacheEngine<?, ?> cache = caches.get(invalidation.cache());
        Counters counters = cache == null ? unattributed : cache.counters;
        return write(counters, invalidation)
                .then(publish(new Invalidation(instance, invalidation.cache(), invalidation.key())))
                .then(Mono.fromRunnable(() -> pending.done(entry)))
                .then()
                .onErrorResume(Unavailable.class, e -> Mono.empty());
    }

    private Mono<Void> bumpEpochIfSuspect() {
        if (!pending.beginBump()) {
            return Mono.empty();
        }
        return call(unattributed, () -> port.advanceCounter(epochKey, randomStep(), null))
                .doOnNext(current -> {
                    log.log(
                            Level.WARNING,
                            "Too many invalidations were lost in the outage; moved to a new cache epoch");
                    observeEpoch(current);
                })
                .doOnSuccess(current -> pending.endBump(current != null))
                .doOnError(error -> pending.endBump(false))
                .then(publish(Invalidation.everything(instance)));
    }

    // Messages from other instances.

    private void receive(Invalidation message) {
        if (instance.equals(message.sender())) {
            return; // done when it was sent
        }
        try {
            String cacheName = message.cache();
            if (cacheName == null) {
                caches.values().forEach(CacheEngine::clearLocal);
                return;
            }
            CacheEngine<?, ?> cache = caches.get(cacheName);
            String key = message.key();
            if (cache == null) {
                return;
            }
            if (key == null) {
                cache.clearLocal();
            } else {
                cache.evictLocal(key);
            }
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not apply an invalidation", e);
        }
    }

    // Keys and counters.

    private String valueKey(long epoch, String cache, String key) {
        return prefix + epoch + ":" + cache + ":" + key;
    }

    private String generationKey(long epoch, String generationKey) {
        return prefix + "gen:" + epoch + ":" + generationKey;
    }

    private static long randomStart() {
        return ThreadLocalRandom.current().nextLong(COUNTER_ORIGIN, COUNTER_BOUND);
    }

    private static long randomStep() {
        return ThreadLocalRandom.current().nextLong(1, STEP_BOUND);
    }

    @Override
    public void close() {
        listening.dispose();
        probeTimer.dispose();
        replayTimer.dispose();
    }
}
