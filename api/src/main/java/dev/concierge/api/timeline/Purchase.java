package dev.concierge.api.timeline;

import dev.concierge.api.graphql.Money;
import dev.concierge.personalization.customer.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A purchase as stored; its items are loaded in batches. */
public record Purchase(
        String id,
        @Nullable String customerId,
        String idempotencyKey,
        @Nullable String storeId,
        Channel channel,
        Instant purchasedAt,
        BigDecimal totalAmount,
        String currency) {

    public Money total() {
        return Money.of(totalAmount, currency);
    }
}
