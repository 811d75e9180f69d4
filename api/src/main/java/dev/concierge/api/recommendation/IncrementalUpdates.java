package dev.concierge.api.recommendation;

import dev.concierge.api.timeline.Purchase;
import dev.concierge.api.timeline.PurchaseListener;
import dev.concierge.personalization.recommendation.Interaction;
import dev.concierge.personalization.recommendation.ItemSimilarityTrainer;
import dev.concierge.personalization.recommendation.Neighbour;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * Keeps the model current between rebuilds. After a purchase has committed, the neighbours of each
 * of its skus are recomputed from the interactions of the users who touched the sku (within the
 * history window) and the stored norms of the other items, written over the sku's rows, and the
 * sku's cached list is invalidated on every instance.
 *
 * <p>Off the purchase's path: {@link #recorded} only queues the purchase (a bounded queue; when it
 * is full the update is skipped and counted) and returns at once; one worker updates purchases one
 * after another. The purchase response therefore does not wait for the update, and a failing update
 * is logged and counted, never reported to the point of sale. A sku touched by more than {@code
 * maxUsers} users, or whose users have more than {@code maxInteractions} interactions, is left for
 * the next full rebuild: one more purchase barely moves a popular item's neighbours.
 */
class IncrementalUpdates implements PurchaseListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IncrementalUpdates.class);

    private final ModelStore store;
    private final InteractionRepository interactions;
    private final ItemSimilarityTrainer trainer;
    private final StoredNeighbours neighbours;
    private final TransactionalOperator transactions;
    private final RecommendationProperties properties;
    private final Clock clock;
    private final Counter updated;
    private final Counter tooPopular;
    private final Counter dropped;
    private final Counter failed;
    private volatile Sinks.@Nullable Many<String> queue;
    private volatile @Nullable Disposable worker;

    IncrementalUpdates(
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
        this.clock = clock;
        this.updated = counter(meters, "updated");
        this.tooPopular = counter(meters, "too_popular");
        this.dropped = counter(meters, "dropped");
        this.failed = counter(meters, "failed");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("concierge.recommendations.incremental")
                .description("Skus whose neighbours were (or were not) updated after a purchase, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public Mono<Void> recorded(Purchase purchase) {
        return Mono.fromRunnable(() -> {
            Sinks.@Nullable Many<String> pending = queue;
            if (pending == null) {
                return;
            }
            Sinks.EmitResult result;
            // One producer at a time: the queue is single-producer, and the sink refuses concurrent emitters.
            synchronized (this) {
                result = pending.tryEmitNext(purchase.id());
            }
            if (result.isFailure()) {
                dropped.increment();
            }
        });
    }

    /** Recomputes the neighbours of every sku of the purchase; never fails. */
    Mono<Void> update(String purchaseId) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(properties.historyDays()));
        return store.skusOf(purchaseId)
                .concatMap(sku -> update(sku, since, now).onErrorResume(e -> {
                    failed.increment();
                    log.warn(
                            "Could not update the neighbours of {} after purchase {}: {}",
                            sku,
                            purchaseId,
                            e.toString());
                    return Mono.empty();
                }))
                .then()
                .onErrorResume(e -> {
                    failed.increment();
                    log.warn("Could not read purchase {} to update recommendations: {}", purchaseId, e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> update(String sku, Instant since, Instant now) {
        RecommendationProperties.Incremental limits = properties.incremental();
        return interactions
                .usersOf(sku, since, limits.maxUsers() + 1)
                .collectList()
                .filter(users -> within(users.size(), limits.maxUsers()))
                .flatMap(users -> interactions
                        .ofUsers(users, since, limits.maxInteractions() + 1)
                        .collectList())
                .filter(touched -> within(touched.size(), limits.maxInteractions()))
                .flatMap(touched -> recompute(sku, touched, now))
                .flatMap(list -> store.replace(sku, list, now)
                        .as(transactions::transactional)
                        .then(neighbours.itemsChanged(List.of(sku)))
                        .then(Mono.fromRunnable(updated::increment)));
    }

    private boolean within(int size, int limit) {
        if (size > limit) {
            tooPopular.increment();
            return false;
        }
        return true;
    }

    private Mono<List<Neighbour>> recompute(String sku, List<Interaction> touched, Instant now) {
        Set<String> items = new HashSet<>();
        for (Interaction interaction : touched) {
            items.add(interaction.item());
        }
        return store.norms(items)
                .flatMap(norms -> Mono.fromCallable(() -> {
                            Map<String, List<Neighbour>> lists =
                                    trainer.recompute(Set.of(sku), touched.iterator(), norms, now);
                            return lists.getOrDefault(sku, List.of());
                        })
                        .subscribeOn(Schedulers.parallel()));
    }

    @Override
    public void start() {
        if (properties.incremental().enabled()) {
            Sinks.Many<String> pending = Sinks.many()
                    .unicast()
                    .onBackpressureBuffer(
                            Queues.<String>get(properties.incremental().queue()).get());
            worker = pending.asFlux().concatMap(this::update, 1).subscribe();
            queue = pending;
        }
    }

    /** Drops the updates still queued: the next rebuild makes up for them. */
    @Override
    public void stop() {
        Disposable current = worker;
        queue = null;
        worker = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }
}
