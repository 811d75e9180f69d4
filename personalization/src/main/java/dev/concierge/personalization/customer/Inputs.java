package dev.concierge.personalization.customer;

import dev.concierge.personalization.ConciergeException;
import org.jspecify.annotations.Nullable;

/** Checks on single input values, reporting the input path in a {@code BAD_USER_INPUT} error. */
final class Inputs {

    /** Identifiers (event ids, customer ids, skus, idempotency keys) are at most this long. */
    static final int MAX_ID_LENGTH = 128;

    private Inputs() {}

    /** A non-blank identifier of at most {@link #MAX_ID_LENGTH} characters. */
    static void requireId(String path, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw ConciergeException.badInput(path, "must not be blank");
        }
        limit(path, value, MAX_ID_LENGTH);
    }

    /** Non-blank text of at most {@code max} characters. */
    static void requireText(String path, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw ConciergeException.badInput(path, "must not be blank");
        }
        limit(path, value, max);
    }

    /** Absent, or at most {@code max} characters. */
    static void limit(String path, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw ConciergeException.badInput(
                    path, "is " + value.length() + " characters long; at most " + max + " are allowed");
        }
    }
}
