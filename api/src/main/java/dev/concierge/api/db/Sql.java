package dev.concierge.api.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Small helpers for R2DBC statements. */
public final class Sql {

    /**
     * Marks the statements of periodic background checks, so that they can be told apart (in logs,
     * {@code pg_stat_statements}, and by tests that count the statements a request makes).
     */
    public static final String BACKGROUND = "/* concierge:background */ ";

    private Sql() {}

    /** Binds {@code value}, or a typed null. */
    public static GenericExecuteSpec bind(GenericExecuteSpec spec, String name, @Nullable Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** Timestamps go to PostgreSQL as UTC offsets. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
