package dev.concierge.api.timeline;

import dev.concierge.personalization.customer.ServiceOrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A repair or custom-design order as stored. */
public record ServiceOrder(
        String id,
        String customerId,
        Kind kind,
        String description,
        @Nullable String sku,
        String storeId,
        ServiceOrderStatus status,
        @Nullable LocalDate expectedDate,
        Instant createdAt,
        Instant updatedAt) {

    public enum Kind {
        REPAIR,
        CUSTOM_DESIGN
    }

    /** One entry of the status history. */
    public record StatusChange(
            String serviceOrderId,
            ServiceOrderStatus status,
            Instant changedAt,
            @Nullable String note) {}
}
