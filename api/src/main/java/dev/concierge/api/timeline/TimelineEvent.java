package dev.concierge.api.timeline;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code TimelineEvent}: a purchase recorded or a service order changed. */
public record TimelineEvent(
        Kind kind,
        Instant occurredAt,
        @Nullable Purchase purchase,
        @Nullable ServiceOrder serviceOrder) {

    public enum Kind {
        PURCHASE_RECORDED,
        SERVICE_ORDER_CHANGED
    }
}
