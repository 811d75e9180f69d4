package dev.concierge.personalization.recommendation;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.RequestContext;
import java.util.ArrayList;
import java.util.List;
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
        Map<ProductCategory, Double> interest = customer == null ? Map.of() : CategoryInterest.of(customer, context);
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
                    ? "Because you like " + CategoryInterest.label(entry.category())
                    : "Popular in " + CategoryInterest.label(entry.category());
            ranked.add(new Recommendations.Item(entry.sku(), score, reason));
        }
        ranked.sort((a, b) -> Double.compare(b.score(), a.score()));
        return new Recommendations(ranked.subList(0, Math.min(limit, ranked.size())), "popularity", table.computedAt());
    }
}
