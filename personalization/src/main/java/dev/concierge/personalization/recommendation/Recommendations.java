package dev.concierge.personalization.recommendation;

import java.time.Instant;
import java.util.List;

/**
 * A ranked list of recommended products, with the strategy that produced it and the freshness of
 * the model behind it.
 */
public record Recommendations(List<Item> items, String strategy, Instant computedAt) {

    public Recommendations {
        items = List.copyOf(items);
    }

    /** One recommended product, its score (comparable within one list) and why, for people. */
    public record Item(String sku, double score, String reason) {}
}
