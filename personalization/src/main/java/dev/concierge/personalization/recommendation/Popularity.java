package dev.concierge.personalization.recommendation;

import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.ProductCategory;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How popular products are: recent purchase and view counts folded into a score, best first, and
 * when that was computed; and, per channel, the products that had activity on it, best first.
 * There is no per-locale ranking: the catalogue is the same for every locale.
 *
 * @param entries every sellable product, best first
 * @param trendingByChannel per channel, the skus of the products with activity there (purchases
 *     and browsing on that channel, scored as the overall ranking), best first; a channel without
 *     activity has no entry
 * @param computedAt when the table was computed
 */
public record Popularity(List<Entry> entries, Map<Channel, List<String>> trendingByChannel, Instant computedAt) {

    public Popularity {
        entries = List.copyOf(entries);
        Map<Channel, List<String>> copy = new EnumMap<>(Channel.class);
        trendingByChannel.forEach((channel, skus) -> copy.put(channel, List.copyOf(skus)));
        trendingByChannel = Map.copyOf(copy);
    }

    /** A table without per-channel rankings. */
    public Popularity(List<Entry> entries, Instant computedAt) {
        this(entries, Map.of(), computedAt);
    }

    /**
     * A product's popularity score, its name and category (for reasons and diversity), and whether
     * the same customer may sensibly buy it again.
     */
    public record Entry(String sku, String name, ProductCategory category, double score, boolean repurchasable) {}
}
