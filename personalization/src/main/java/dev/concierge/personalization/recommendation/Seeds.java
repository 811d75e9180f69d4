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
 * (a purchase counts fully; an add-to-cart and a view less, with the trainer's default signal
 * weights) times a decay with its age, so that last week's purchase leads and one from three years
 * ago barely counts.
 */
final class Seeds {

    /** The age at which a seed counts half. */
    static final Duration HALF_LIFE = Duration.ofDays(90);

    /**
     * What the customer did with a seed item: its weight relative to a purchase (the trainer's
     * {@link TrainingSettings#DEFAULTS} signal weights) and the reason it gives, a format for the
     * seed's name.
     */
    enum Kind {
        PURCHASE(Interaction.Signal.PURCHASE, "Because you bought %s"),
        ADD_TO_CART(Interaction.Signal.ADD_TO_CART, "Because you added %s to your bag"),
        VIEW(Interaction.Signal.VIEW, "Because you viewed %s");

        final double weight;
        private final String reason;

        Kind(Interaction.Signal signal, String reason) {
            TrainingSettings weights = TrainingSettings.DEFAULTS;
            this.weight = weights.weight(signal) / weights.purchaseWeight();
            this.reason = reason;
        }

        static Kind of(Interaction.Signal signal) {
            return switch (signal) {
                case PURCHASE -> PURCHASE;
                case ADD_TO_CART -> ADD_TO_CART;
                case VIEW -> VIEW;
            };
        }

        /** The reason of a product recommended because of a seed with this name. */
        String reason(String seedName) {
            return reason.formatted(seedName);
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

    /** Adds the customer's recent interactions (views, add-to-carts, purchases) as seeds of their kind. */
    Seeds addAll(List<Interaction> interactions) {
        for (Interaction interaction : interactions) {
            add(interaction.item(), Kind.of(interaction.signal()), interaction.at());
        }
        return this;
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
