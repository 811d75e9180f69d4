package dev.concierge.api.catalog;

import dev.concierge.api.graphql.Money;
import dev.concierge.personalization.customer.ProductCategory;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A catalogue product as stored. */
public record Product(
        String sku,
        String name,
        @Nullable String description,
        ProductCategory category,
        BigDecimal listPrice,
        String currency,
        List<String> imageUrls,
        @Nullable Integer careIntervalDays,
        boolean repurchasable) {

    public Money price() {
        return Money.of(listPrice, currency);
    }

    public @Nullable String mainImageUrl() {
        return imageUrls.isEmpty() ? null : imageUrls.get(0);
    }
}
