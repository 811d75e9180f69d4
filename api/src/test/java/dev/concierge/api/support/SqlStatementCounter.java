package dev.concierge.api.support;

import static org.awaitility.Awaitility.await;

import dev.concierge.api.db.Sql;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the SQL statements the application executes through R2DBC, except the periodic
 * background checks (marked with {@link Sql#BACKGROUND}), which run on their own
 * schedule whatever a test does.
 */
public final class SqlStatementCounter implements ProxyExecutionListener {

    private final AtomicLong statements = new AtomicLong();

    @Override
    public void beforeQuery(QueryExecutionInfo execution) {
        long counted = execution.getQueries().stream()
                .filter(query -> !query.getQuery().startsWith(Sql.BACKGROUND))
                .count();
        statements.addAndGet(counted);
    }

    public long count() {
        return statements.get();
    }

    /**
     * Waits until no statement has run for {@code quiet}: the background work that writes cause
     * (such as the recommendation updates after a purchase) is done, and a count measures only what
     * the test does next.
     */
    public void awaitQuiet(Duration quiet, Duration atMost) {
        AtomicLong seen = new AtomicLong(-1);
        await().atMost(atMost).pollInterval(quiet).until(() -> {
            long now = count();
            return seen.getAndSet(now) == now;
        });
    }
}
