package dev.concierge.api.seed;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one {@code COPY … from stdin} in PostgreSQL's text format, sent in large chunks: the
 * fastest way in, since the server parses no SQL per row and the client sends no round trip per
 * row.
 */
final class CopyRows implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private boolean firstField = true;
    private long rows;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code COPY table (columns) from stdin}. */
    static CopyRows into(CopyManager copies, String table, String columns) throws SQLException {
        return new CopyRows(copies.copyIn("copy " + table + " (" + columns + ") from stdin"));
    }

    CopyRows text(@Nullable String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    CopyRows number(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    /** A numeric(…, 2) from a whole number of cents. */
    CopyRows cents(long cents) {
        separate();
        buffer.append(cents / 100).append('.');
        long fraction = cents % 100;
        if (fraction < 10) {
            buffer.append('0');
        }
        buffer.append(fraction);
        return this;
    }

    CopyRows bool(boolean value) {
        separate();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    CopyRows time(Instant instant) {
        separate();
        buffer.append(instant);
        return this;
    }

    CopyRows date(@Nullable LocalDate date) {
        return text(date == null ? null : date.toString());
    }

    CopyRows nullValue() {
        return text(null);
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        firstField = true;
        rows++;
        if (buffer.length() >= CHUNK) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void separate() {
        if (!firstField) {
            buffer.append('\t');
        }
        firstField = false;
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Sends what is left and ends the COPY; the rows are in once this returns. */
    void finish() throws SQLException {
        flush();
        copy.endCopy();
    }

    /** Cancels a COPY that did not {@link #finish()}, after a failure: nothing of it is kept. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
