package dev.concierge.api.observability;

import dev.concierge.api.db.Sql;
import dev.concierge.personalization.recommendation.ItemNeighbours;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Gauges whose values need PostgreSQL or the caches, refreshed in the background so that a scrape
 * never waits for them. In Prometheus:
 *
 * <pre>
 * concierge_dependency_degraded{dependency="postgresql"}   1 when the last check (select 1, every
 *                                                          5 s, 2 s timeout) failed
 * concierge_outbox_lag_seconds                 age of the oldest PENDING reminder that is due; 0 when none
 *                                              (every 15 s)
 * concierge_recommendation_model_age_seconds   now - the newest model's computed_at, from the cached
 *                                              model entry (refreshed every 15 s); NaN while there is no model
 * </pre>
 */
final class BackgroundGauges implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BackgroundGauges.class);

    static final Duration DATABASE_CHECK_INTERVAL = Duration.ofSeconds(5);
    static final Duration DATABASE_CHECK_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REFRESH_INTERVAL = Duration.ofSeconds(15);

    private final DatabaseClient db;
    private final @Nullable ItemNeighbours model;
    private final Clock clock;
    private volatile boolean databaseDown;
    private volatile double outboxLagSeconds;
    private final AtomicReference<@Nullable Instant> modelComputedAt = new AtomicReference<>();
    private volatile @Nullable Disposable running;

    BackgroundGauges(DatabaseClient db, @Nullable ItemNeighbours model, Clock clock, MeterRegistry registry) {
        this.db = db;
        this.model = model;
        this.clock = clock;
        Gauge.builder("concierge.dependency.degraded", this, g -> g.databaseDown ? 1 : 0)
                .tag("dependency", "postgresql")
                .description("1 while the dependency is unavailable and the application runs without it")
                .register(registry);
        Gauge.builder("concierge.outbox.lag", this, g -> g.outboxLagSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest due reminder not yet delivered")
                .register(registry);
        Gauge.builder("concierge.recommendation.model.age", this, BackgroundGauges::modelAgeSeconds)
                .baseUnit("seconds")
                .description("Time since the newest recommendation model was computed")
                .register(registry);
    }

    /** False while the last database check failed (true before the first check has finished). */
    boolean databaseAvailable() {
        return !databaseDown;
    }

    /** One database check: true when PostgreSQL answered in time. */
    Mono<Boolean> checkDatabase() {
        return db.sql(Sql.BACKGROUND + "select 1 as ok")
                .map(row -> true)
                .first()
                .timeout(DATABASE_CHECK_TIMEOUT)
                .defaultIfEmpty(false)
                .onErrorResume(e -> {
                    if (!databaseDown) {
                        log.warn("PostgreSQL check failed: {}", e.toString());
                    }
                    return Mono.just(false);
                })
                .doOnNext(up -> databaseDown = !up);
    }

    /** Refreshes the outbox lag and the model's age; a failure keeps the previous values. */
    Mono<Void> refresh() {
        Mono<Void> lag = db.sql(Sql.BACKGROUND + """
                        select coalesce(extract(epoch from (now() - min(scheduled_at))), 0) as lag
                        from reminders where status = 'PENDING' and scheduled_at <= now()""")
                .map(row -> {
                    Number value = row.get("lag", Number.class);
                    return value == null ? 0.0 : Math.max(0.0, value.doubleValue());
                })
                .first()
                .timeout(DATABASE_CHECK_TIMEOUT)
                .doOnNext(seconds -> outboxLagSeconds = seconds)
                .onErrorResume(e -> Mono.empty())
                .then();
        Mono<Void> age = model == null
                ? Mono.empty()
                : model.computedAt()
                        .timeout(DATABASE_CHECK_TIMEOUT)
                        .doOnNext(modelComputedAt::set)
                        .onErrorResume(e -> Mono.empty())
                        .then();
        return lag.then(age);
    }

    private double modelAgeSeconds() {
        Instant computedAt = modelComputedAt.get();
        if (computedAt == null) {
            return Double.NaN;
        }
        return Math.max(0, Duration.between(computedAt, clock.instant()).toMillis() / 1000.0);
    }

    @Override
    public void start() {
        running = Disposables.composite(
                Flux.interval(Duration.ZERO, DATABASE_CHECK_INTERVAL, Schedulers.parallel())
                        .onBackpressureDrop()
                        .concatMap(tick -> checkDatabase(), 1)
                        .subscribe(),
                Flux.interval(Duration.ZERO, REFRESH_INTERVAL, Schedulers.parallel())
                        .onBackpressureDrop()
                        .concatMap(tick -> refresh(), 1)
                        .subscribe());
    }

    @Override
    public void stop() {
        Disposable current = running;
        running = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
