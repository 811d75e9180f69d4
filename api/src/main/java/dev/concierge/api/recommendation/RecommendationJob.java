package dev.concierge.api.recommendation;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import dev.concierge.personalization.recommendation.Interaction;
import dev.concierge.personalization.recommendation.ItemSimilarityTrainer;
import dev.concierge.personalization.recommendation.SimilarityModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds the item-to-item model from scratch, in one transaction: take the rebuild lock (a
 * transaction-level advisory lock, so one instance rebuilds at a time and a crash cannot keep it),
 * stream the interactions of the last {@code historyDays} through a cursor into the trainer (which
 * runs on a bounded-elastic thread and pulls through a bounded buffer, so memory holds the model,
 * not the rows), replace every neighbour row and norm, record the run, commit; then move every
 * instance's cache to the new model. Readers see the old model until the commit.
 *
 * <p>A rebuild belongs to the job, not to whoever asked for it: a caller that goes away does not
 * cancel it. One runs per instance at a time; another request meanwhile, here or on another
 * instance, is a {@code CONFLICT}.
 */
class RecommendationJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecommendationJob.class);

    /** Interactions buffered between the database cursor and the trainer. */
    static final int TRAINER_BUFFER = 10_000;

    private final ModelStore store;
    private final InteractionRepository interactions;
    private final ItemSimilarityTrainer trainer;
    private final StoredNeighbours neighbours;
    private final TransactionalOperator transactions;
    private final RecommendationProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicReference<@Nullable Running> running = new AtomicReference<>();
    private volatile boolean started;

    /** The rebuild under way on this instance. */
    private record Running(ModelRun.Trigger trigger, Instant since, Sinks.One<ModelRun> result, Disposable.Swap task) {}

    RecommendationJob(
            ModelStore store,
            InteractionRepository interactions,
            ItemSimilarityTrainer trainer,
            StoredNeighbours neighbours,
            TransactionalOperator transactions,
            RecommendationProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.store = store;
        this.interactions = interactions;
        this.trainer = trainer;
        this.neighbours = neighbours;
        this.transactions = transactions;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Rebuilds now; the recorded run once the new model is served, or {@code CONFLICT}. */
    Mono<ModelRun> rebuild(ModelRun.Trigger trigger, @Nullable String requestedBy) {
        return start(trigger, requestedBy, false);
    }

    /** Rebuilds when item_similarity is empty; empty when it was not (or another instance is at it). */
    Mono<ModelRun> rebuildIfEmpty(ModelRun.Trigger trigger) {
        return start(trigger, null, true);
    }

    private Mono<ModelRun> start(ModelRun.Trigger trigger, @Nullable String requestedBy, boolean onlyIfEmpty) {
        return Mono.defer(() -> {
            if (!started) {
                return Mono.error(new ConciergeException(
                        ErrorCode.UNAVAILABLE, "The recommendation job is not running (starting or stopping)", null));
            }
            Running mine = new Running(trigger, clock.instant(), Sinks.one(), Disposables.swap());
            Running other = running.compareAndExchange(null, mine);
            if (other != null) {
                return Mono.error(ConciergeException.conflict(
                        "A recommendation rebuild (" + other.trigger() + ") has been running on this instance since "
                                + other.since() + "; try again when it is done"));
            }
            mine.task()
                    .update(execute(trigger, requestedBy, onlyIfEmpty)
                            .doFinally(signal -> running.compareAndSet(mine, null))
                            .subscribe(
                                    run -> mine.result().tryEmitValue(run),
                                    error -> mine.result().tryEmitError(error),
                                    () -> mine.result().tryEmitEmpty()));
            return mine.result().asMono();
        });
    }

    private Mono<ModelRun> execute(ModelRun.Trigger trigger, @Nullable String requestedBy, boolean onlyIfEmpty) {
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        Mono<ModelRun> work = store.lockForRebuild(properties.job().timeout())
                .flatMap(
                        locked -> locked
                                ? (onlyIfEmpty ? store.empty() : Mono.just(true))
                                : onlyIfEmpty
                                        ? Mono.just(false)
                                        : Mono.error(
                                                ConciergeException.conflict(
                                                        "A recommendation rebuild is running on another instance; try again when it is done")))
                .filter(proceed -> proceed)
                .flatMap(proceed -> train(startedAt))
                .flatMap(model -> store.replace(model)
                        .flatMap(rows -> store.record(
                                trigger,
                                requestedBy,
                                startedAt,
                                model,
                                rows,
                                Duration.ofNanos(System.nanoTime() - startNanos).toMillis())));
        return work.as(transactions::transactional)
                .timeout(properties.job().timeout())
                .flatMap(run -> neighbours.modelChanged().thenReturn(run))
                .doOnNext(run -> log.info(
                        "Recommendation model {} built ({}): {} interactions of {} users over {} items, {} neighbour rows, {} ms",
                        run.id(),
                        run.trigger(),
                        run.interactions(),
                        run.users(),
                        run.items(),
                        run.neighbours(),
                        run.durationMs()))
                .doOnEach(signal -> {
                    if (signal.isOnNext() || signal.isOnError()) {
                        Timer.builder("concierge.recommendations.rebuild")
                                .description("Full rebuilds of the recommendation model")
                                .tag("trigger", trigger.name())
                                .tag("outcome", signal.isOnNext() ? "built" : outcome(signal.getThrowable()))
                                .register(meters)
                                .record(Duration.ofNanos(System.nanoTime() - startNanos));
                    }
                });
    }

    private static String outcome(@Nullable Throwable error) {
        return error instanceof ConciergeException e && e.code() == ErrorCode.CONFLICT ? "conflict" : "failed";
    }

    /**
     * Streams the interactions into the trainer on a bounded-elastic thread, inside the caller's
     * transaction (the cursor needs it; the subscription carries the transaction's context).
     */
    private Mono<SimilarityModel> train(Instant now) {
        Flux<Interaction> source = interactions.since(now.minus(Duration.ofDays(properties.historyDays())));
        return Mono.deferContextual(context -> Mono.fromCallable(() -> {
                    try (Stream<Interaction> stream =
                            source.contextWrite(context).toStream(TRAINER_BUFFER)) {
                        return trainer.train(stream.iterator(), now);
                    } catch (RuntimeException e) {
                        if (Thread.interrupted()) {
                            // Cancelled (shutdown, timeout): the rollback follows; nothing to report.
                            return null;
                        }
                        throw e;
                    }
                })
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /** Whether a rebuild is under way on this instance. */
    boolean rebuilding() {
        return running.get() != null;
    }

    @Override
    public void start() {
        started = true;
    }

    /** Abandons a rebuild under way (it rolls back); its caller gets {@code UNAVAILABLE}. */
    @Override
    public void stop() {
        started = false;
        Running current = running.getAndSet(null);
        if (current != null) {
            current.task().dispose();
            current.result()
                    .tryEmitError(new ConciergeException(
                            ErrorCode.UNAVAILABLE, "The instance is stopping; the rebuild was abandoned", null));
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Stops after the web server, before the database pool closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }
}
