package dev.concierge.api.page;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code Reminder}: something the customer should do soon. */
record PageReminder(
        Kind kind,
        String text,
        LocalDate dueOn,
        boolean overdue,
        @Nullable String sku) {

    enum Kind {
        CARE_DUE,
        ORDER_READY
    }
}
