package dev.concierge.personalization.recommendation;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.RequestContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Recommends popular products. For a customer it leaves out what they already own (unless the
 * product is repurchasable) and lifts the categories they browsed or bought recently, so the list
 * follows their interests; for everyone else it is the popularity ranking. A stand-in until the
 * item-to-item engine replaces it behind the same port.
 */
public final class PopularityRecommender implements Recommender {

    /** The weight of a customer's own interest in a category relative to the product's popularity. */
    static final double INTEREST_BOOST = 1.0;

    /** Days of browsing that count as a customer's recent interest. */
    static final int INTEREST_DAYS = 90;

    private final ProductPopularity popularity;

    public PopularityRecommender(ProductPopularity popularity) {
        this.popularity = popularity;
    }

    @Override
    public Mono<Recommendations> recommend(@Nullable CustomerSnapshot customer, RequestContext context, int limit) {
        return popularity.popularity().map(table -> rank(table, customer, context, limit));
    }

    static Recommendations rank(
            Popularity table, @Nullable CustomerSnapshot customer, RequestContext context, int limit) {
        Map<ProductCategory, Double> interest = customer == null ? Map.of() : interest(customer, context);
        double top =
                table.entries().isEmpty() ? 1 : Math.max(table.entries().get(0).score(), 1e-9);
        List<Recommendations.Item> ranked = new ArrayList<>();
        for (Popularity.Entry entry : table.entries()) {
            if (customer != null
                    && !entry.repurchasable()
                    && customer.activity().skuPurchases().containsKey(entry.sku())) {
                continue;
            }
            double affinity = interest.getOrDefault(entry.category(), 0.0);
            double score = entry.score() / top + INTEREST_BOOST * affinity;
            String reason = affinity > 0
                    ? "Because you like " + label(entry.category())
                    : "Popular in " + label(entry.category());
            ranked.add(new Recommendations.Item(entry.sku(), score, reason));
        }
        ranked.sort((a, b) -> Double.compare(b.score(), a.score()));
        return new Recommendations(ranked.subList(0, Math.min(limit, ranked.size())), "popularity", table.computedAt());
    }

    /** Each category's share of the customer's recent browsing and purchases, 0..1. */
    private static Map<ProductCategory, Double> interest(CustomerSnapshot customer, RequestContext context) {
        Map<ProductCategory, Double> counts = new EnumMap<>(ProductCategory.class);
        LocalDate since = context.now().atZone(ZoneOffset.UTC).toLocalDate().minusDays(INTEREST_DAYS - 1L);
        double total = 0;
        for (CustomerSnapshot.DailyCount count : customer.activity().dailyCounts()) {
            if (count.category() != null && !count.day().isBefore(since)) {
                counts.merge(count.category(), (double) count.count(), Double::sum);
                total += count.count();
            }
        }
        Instant recent = context.now().minus(Duration.ofDays(INTEREST_DAYS));
        for (Map.Entry<ProductCategory, CustomerSnapshot.CategoryPurchases> bought :
                customer.activity().categoryPurchases().entrySet()) {
            if (bought.getValue().lastPurchasedAt().isAfter(recent)) {
                counts.merge(bought.getKey(), 3.0, Double::sum);
                total += 3;
            }
        }
        if (total > 0) {
            for (Map.Entry<ProductCategory, Double> entry : counts.entrySet()) {
                entry.setValue(entry.getValue() / total);
            }
        }
        return counts;
    }

    private static String label(ProductCategory category) {
        String name = category.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
