package dev.concierge.personalization.recommendation;

import dev.concierge.personalization.customer.CustomerSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The items a customer's recommendations start from, each with a strength: the kind of interaction
 * (a purchase counts fully, a view less) times a decay with its age, so that last week's purchase
 * leads and one from three years ago barely counts. Today only purchases are added; browsing seeds
 * are one more {@link #add} call with {@link Kind#VIEW}.
 */
final class Seeds {

    /** The age at which a seed counts half. */
    static final Duration HALF_LIFE = Duration.ofDays(90);

    /** What the customer did with a seed item: its weight and the verb of the reason. */
    enum Kind {
        PURCHASE(1.0, "bought"),
        VIEW(0.3, "viewed");

        final double weight;
        final String verb;

        Kind(double weight, String verb) {
            this.weight = weight;
            this.verb = verb;
        }
    }

    /** A seed item, what the customer did with it and when, and its strength. */
    record Seed(String sku, Kind kind, Instant at, double weight) {}

    private static final Comparator<Seed> STRONGEST_FIRST = Comparator.comparingDouble(Seed::weight)
            .reversed()
            .thenComparing(Seed::at, Comparator.reverseOrder())
            .thenComparing(Seed::sku);

    private final Instant now;
    private final Map<String, Seed> bySku = new HashMap<>();

    Seeds(Instant now) {
        this.now = now;
    }

    /** Every sku the customer bought, as of its last purchase. */
    static Seeds purchases(CustomerSnapshot customer, Instant now) {
        Seeds seeds = new Seeds(now);
        for (Map.Entry<String, CustomerSnapshot.SkuPurchases> bought :
                customer.activity().skuPurchases().entrySet()) {
            seeds.add(bought.getKey(), Kind.PURCHASE, bought.getValue().lastPurchasedAt());
        }
        return seeds;
    }

    /** Adds a seed; of two for the same sku the stronger stays. */
    Seeds add(String sku, Kind kind, Instant at) {
        double ageDays = Math.max(0, Duration.between(at, now).toSeconds()) / 86_400.0;
        double weight = kind.weight * Math.pow(0.5, ageDays / (HALF_LIFE.toSeconds() / 86_400.0));
        Seed seed = new Seed(sku, kind, at, weight);
        bySku.merge(sku, seed, (current, added) -> STRONGEST_FIRST.compare(added, current) < 0 ? added : current);
        return this;
    }

    /** The {@code count} strongest seeds, strongest first (ties: the most recent, then by sku). */
    List<Seed> strongest(int count) {
        List<Seed> all = new ArrayList<>(bySku.values());
        all.sort(STRONGEST_FIRST);
        return all.size() <= count ? all : List.copyOf(all.subList(0, count));
    }
}
