package dev.concierge.api.graphql;

import dev.concierge.personalization.ConciergeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Opaque Relay cursors for keyset pagination over (time, id), newest first. A cursor is the
 * position of an item; clients must not build them.
 */
public final class Cursors {

    private static final String VERSION = "v1";

    private Cursors() {}

    /** A position in a newest-first list. */
    public record Position(Instant at, String id) {}

    public static String encode(Instant at, String id) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        String raw = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes {@code after}; null stays null; anything not made by {@link #encode} is bad input. */
    public static @Nullable Position decode(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty()) {
                throw invalid();
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new Position(at, parts[2]);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid();
        }
    }

    /** Checks a page size against the configured maximum. */
    public static int pageSize(@Nullable Integer first, int defaultSize, int max) {
        int size = first == null ? defaultSize : first;
        if (size < 1 || size > max) {
            throw ConciergeException.badInput("first", "must be between 1 and " + max + ", got " + size);
        }
        return size;
    }

    private static ConciergeException invalid() {
        return ConciergeException.badInput("after", "is not a cursor returned by this API");
    }
}
