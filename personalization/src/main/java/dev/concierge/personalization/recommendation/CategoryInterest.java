package dev.concierge.personalization.recommendation;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.RequestContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** A customer's recent interest in each category, from their browsing and purchase aggregates. */
final class CategoryInterest {

    /** Days of browsing and purchases that count as a customer's recent interest. */
    static final int INTEREST_DAYS = 90;

    /** What a recent purchase in a category counts for, in browsing events. */
    static final double PURCHASE_EVENTS = 3.0;

    private CategoryInterest() {}

    /** Each category's share of the customer's recent browsing and purchases, 0..1; absent when none. */
    static Map<ProductCategory, Double> of(CustomerSnapshot customer, RequestContext context) {
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
                counts.merge(bought.getKey(), PURCHASE_EVENTS, Double::sum);
                total += PURCHASE_EVENTS;
            }
        }
        if (total > 0) {
            for (Map.Entry<ProductCategory, Double> entry : counts.entrySet()) {
                entry.setValue(entry.getValue() / total);
            }
        }
        return counts;
    }

    /** The category as people read it: {@code RINGS} is "Rings". */
    static String label(ProductCategory category) {
        String name = category.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
