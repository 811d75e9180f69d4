package dev.concierge.api.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * One retention run. Browsing events are partitioned by month: whole months before the cutoff's
 * month are dropped (cheap, no dead rows), then the rows of the cutoff's own month that are older
 * than the cutoff are deleted, so that nothing older than the retention period survives a run.
 * The events' idempotency ids go with them. Daily activity counts older than their own period are
 * deleted. Partitions for the next months are created, so new events never pile up in the default
 * partition. One transaction: a failed run changes nothing.
 */
public class RetentionJob {

    /** Months of partitions kept ready ahead of the current month. */
    static final int MONTHS_AHEAD = 3;

    /** What one run removed. */
    public record Result(int partitionsDropped, long eventsDeleted, long idsDeleted, long activityRowsDeleted) {}

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final RetentionProperties settings;
    private final Counter eventsDeleted;
    private final Counter activityDeleted;

    RetentionJob(
            DatabaseClient db, TransactionalOperator transactions, RetentionProperties settings, MeterRegistry meters) {
        this.db = db;
        this.transactions = transactions;
        this.settings = settings;
        this.eventsDeleted = Counter.builder("concierge.retention.deleted")
                .description("Rows removed by the retention job (dropped partitions not counted)")
                .tag("table", "browsing_events")
                .register(meters);
        this.activityDeleted = Counter.builder("concierge.retention.deleted")
                .description("Rows removed by the retention job (dropped partitions not counted)")
                .tag("table", "customer_daily_activity")
                .register(meters);
    }

    /** Applies retention as of {@code now}. */
    public Mono<Result> run(Instant now) {
        OffsetDateTime eventCutoff = now.minus(settings.browsingEvents()).atOffset(ZoneOffset.UTC);
        LocalDate activityCutoff =
                now.minus(settings.dailyActivity()).atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate thisMonth = now.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        Mono<Result> run = db.sql("select ensure_browsing_event_partitions(:from, :to)")
                .bind("from", thisMonth)
                .bind("to", thisMonth.plusMonths(MONTHS_AHEAD))
                .then()
                .then(db.sql("select drop_browsing_event_partitions_before(:cutoff) as dropped")
                        .bind("cutoff", eventCutoff.toLocalDate())
                        .map(row -> row.get("dropped", Integer.class))
                        .one())
                .flatMap(dropped -> db.sql("delete from browsing_events where occurred_at < :cutoff")
                        .bind("cutoff", eventCutoff)
                        .fetch()
                        .rowsUpdated()
                        .flatMap(events -> db.sql("delete from browsing_event_ids where received_at < :cutoff")
                                .bind("cutoff", eventCutoff)
                                .fetch()
                                .rowsUpdated()
                                .flatMap(ids -> db.sql("delete from customer_daily_activity where day < :cutoff")
                                        .bind("cutoff", activityCutoff)
                                        .fetch()
                                        .rowsUpdated()
                                        .map(activity -> new Result(dropped, events, ids, activity)))));
        return transactions.transactional(run).doOnNext(result -> {
            eventsDeleted.increment(result.eventsDeleted());
            activityDeleted.increment(result.activityRowsDeleted());
        });
    }
}
