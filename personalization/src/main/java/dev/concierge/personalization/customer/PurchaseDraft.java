package dev.concierge.personalization.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A purchase as the point of sale sends it, before validation.
 *
 * @param idempotencyKey the point of sale's key: a retry with the same key returns the first result
 * @param purchasedAt when it happened; null means now
 */
public record PurchaseDraft(
        String idempotencyKey,
        String customerId,
        @Nullable String storeId,
        Channel channel,
        @Nullable Instant purchasedAt,
        String currency,
        List<Line> items) {

    /** One line of the purchase; a null unit price means the catalogue price. */
    public record Line(
            String sku,
            int quantity,
            @Nullable BigDecimal unitPrice,
            @Nullable Insurance insurance,
            @Nullable String servicingInstructions) {}

    /** Insurance cover sold with an item. */
    public record Insurance(
            String provider, String policyNumber, @Nullable LocalDate validUntil) {}
}
