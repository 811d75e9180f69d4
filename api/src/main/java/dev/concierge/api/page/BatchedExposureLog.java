package dev.concierge.api.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.concierge.personalization.experiment.Exposure;
import dev.concierge.personalization.experiment.ExposureLog;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Records experiment exposures off the request path: {@link #record} only queues (a bounded queue;
 * when full the exposure is dropped and reported in the log), and a background flush writes the queue in
 * multi-row inserts every {@code interval}. A subject's first exposure is what counts, so repeats
 * seen recently are skipped before they reach the queue, and the insert ignores conflicts.
 */
class BatchedExposureLog implements ExposureLog, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchedExposureLog.class);

    private final DatabaseClient db;
    private final int capacity;
    private final int batchSize;
    private final Duration interval;
    private final Consumer<Exposure> recorded;
    private final Queue<Exposure> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Cache<String, Boolean> recent;
    private final Sinks.Many<Mono<?>> pipeline = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable writer = pipeline.asFlux().concatMap(job -> job, 1).subscribe();
    private volatile @Nullable Disposable flushing;

    /** @param recorded told of each exposure queued (new, not deduplicated nor dropped), e.g. a metric */
    BatchedExposureLog(DatabaseClient db, int capacity, int batchSize, Duration interval, Consumer<Exposure> recorded) {
        this.db = db;
        this.recorded = recorded;
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.interval = interval;
        this.recent = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofHours(1))
                .build();
    }

    @Override
    public void record(Exposure exposure) {
        String key = exposure.experimentId()
                + '\u0000'
                + exposure.subject().kind()
                + '\u0000'
                + exposure.subject().id();
        if (recent.asMap().putIfAbsent(key, Boolean.TRUE) != null) {
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            recent.invalidate(key);
            dropped.incrementAndGet();
            return;
        }
        queue.add(exposure);
        recorded.accept(exposure);
    }

    /**
     * Writes everything queued now, in batches, and completes once it is written, after any write
     * already under way: all writes run one after another on one pipeline.
     */
    Mono<Void> flush() {
        return Mono.defer(() -> {
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                log.warn("Dropped {} experiment exposures: the queue of {} was full", lost, capacity);
            }
            Sinks.One<Boolean> written = Sinks.one();
            List<Mono<?>> jobs = new ArrayList<>();
            for (List<Exposure> batch : drain()) {
                jobs.add(write(batch));
            }
            jobs.add(Mono.fromRunnable(() -> written.tryEmitValue(true)));
            for (Mono<?> job : jobs) {
                pipeline.emitNext(job, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
            }
            return written.asMono().then();
        });
    }

    private List<List<Exposure>> drain() {
        List<List<Exposure>> batches = new ArrayList<>();
        List<Exposure> batch = new ArrayList<>(batchSize);
        Exposure next;
        while ((next = queue.poll()) != null) {
            queued.decrementAndGet();
            batch.add(next);
            if (batch.size() == batchSize) {
                batches.add(batch);
                batch = new ArrayList<>(batchSize);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /**
     * One statement per batch. Rows whose experiment, arm or customer no longer exists are left out
     * by the {@code where} clause rather than failing the batch.
     */
    private Mono<Void> write(List<Exposure> batch) {
        StringBuilder sql = new StringBuilder("""
                insert into experiment_exposures (experiment_id, subject_type, subject_id, arm_key, first_exposed_at)
                select v.experiment_id, v.subject_type, v.subject_id, v.arm_key, v.at from (values""");
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? " " : ", ")
                    .append("(:e%1$d, :t%1$d, :s%1$d, cast(:a%1$d as text), cast(:at%1$d as timestamptz))"
                            .formatted(i));
        }
        sql.append("""
                ) as v (experiment_id, subject_type, subject_id, arm_key, at)
                where exists (select 1 from experiments x where x.id = v.experiment_id)
                  and (v.arm_key is null
                       or exists (select 1 from experiment_arms a where a.experiment_id = v.experiment_id and a.key = v.arm_key))
                  and (v.subject_type = 'ANONYMOUS' or exists (select 1 from customers c where c.id = v.subject_id))
                on conflict do nothing""");
        GenericExecuteSpec spec = db.sql(sql.toString());
        for (int i = 0; i < batch.size(); i++) {
            Exposure exposure = batch.get(i);
            spec = spec.bind("e" + i, exposure.experimentId())
                    .bind("t" + i, exposure.subject().kind().name())
                    .bind("s" + i, exposure.subject().id())
                    .bind("at" + i, OffsetDateTime.ofInstant(exposure.at(), ZoneOffset.UTC));
            spec = exposure.arm() == null ? spec.bindNull("a" + i, String.class) : spec.bind("a" + i, exposure.arm());
        }
        return spec.fetch()
                .rowsUpdated()
                .onErrorResume(e -> {
                    log.warn("Could not record {} experiment exposures: {}", batch.size(), e.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void start() {
        flushing = Flux.interval(interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> flush(), 1)
                .subscribe();
    }

    /** Stops the schedule and writes what is left, before the database pool closes. */
    @Override
    public void stop() {
        Disposable running = flushing;
        flushing = null;
        if (running != null) {
            running.dispose();
        }
        flush().block(Duration.ofSeconds(10));
        writer.dispose();
    }

    @Override
    public boolean isRunning() {
        return flushing != null;
    }

    /** Stops after the web server has stopped, so that exposures of drained requests are written too. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }
}
