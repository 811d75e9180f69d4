package dev.concierge.api.support;

import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the SQL statements the application executes through R2DBC. */
public final class SqlStatementCounter implements ProxyExecutionListener {

    private final AtomicLong statements = new AtomicLong();

    @Override
    public void beforeQuery(QueryExecutionInfo execution) {
        statements.addAndGet(execution.getQueries().size());
    }

    public long count() {
        return statements.get();
    }
}
