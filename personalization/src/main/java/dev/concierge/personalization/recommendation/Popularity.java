package dev.concierge.personalization.recommendation;

import dev.concierge.personalization.customer.ProductCategory;
import java.time.Instant;
import java.util.List;

/**
 * How popular products are: recent purchase and view counts folded into a score, best first,
 * and when that was computed.
 */
public record Popularity(List<Entry> entries, Instant computedAt) {

    public Popularity {
        entries = List.copyOf(entries);
    }

    /**
     * A product's popularity score, its name and category (for reasons and diversity), and whether
     * the same customer may sensibly buy it again.
     */
    public record Entry(String sku, String name, ProductCategory category, double score, boolean repurchasable) {}
}
