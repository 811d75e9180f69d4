package dev.concierge.personalization.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything segment rules and the page decision read about one customer: the profile, the
 * current consents, the behavioural aggregates and the open service orders. Built from small
 * aggregate rows (never from raw events), cached, and rebuilt when the customer's data changes.
 */
public record CustomerSnapshot(
        Profile profile, Consents consents, Activity activity, List<OpenServiceOrder> openServiceOrders) {

    public CustomerSnapshot {
        openServiceOrders = List.copyOf(openServiceOrders);
    }

    public String customerId() {
        return profile.id();
    }

    /**
     * The profile fields rules may compare. {@code attributes} holds the free-form profile
     * attributes (string, number or boolean values).
     */
    public record Profile(
            String id,
            String firstName,
            @Nullable LocalDate birthday,
            @Nullable LocalDate anniversary,
            String locale,
            LoyaltyTier tier,
            int points,
            @Nullable String homeStoreId,
            Instant memberSince,
            Map<String, Object> attributes) {

        public Profile {
            attributes = Map.copyOf(attributes);
        }
    }

    /**
     * Behavioural aggregates, maintained on ingestion and purchase. {@code dailyCounts} and
     * {@code dailySpend} cover a bounded recent period (the longest window rules may use), oldest
     * first; the rest are lifetime figures.
     */
    public record Activity(
            List<DailyCount> dailyCounts,
            Map<ProductCategory, CategoryPurchases> categoryPurchases,
            Map<String, SkuPurchases> skuPurchases,
            List<DailySpend> dailySpend,
            int purchaseCount,
            BigDecimal totalSpend,
            @Nullable Instant firstPurchaseAt,
            @Nullable Instant lastPurchaseAt,
            long eventCount,
            @Nullable Instant lastEventAt) {

        public Activity {
            dailyCounts = List.copyOf(dailyCounts);
            categoryPurchases = Map.copyOf(categoryPurchases);
            skuPurchases = Map.copyOf(skuPurchases);
            dailySpend = List.copyOf(dailySpend);
        }

        /** No events and no purchases, as for a customer who just signed up. */
        public static Activity none() {
            return new Activity(List.of(), Map.of(), Map.of(), List.of(), 0, BigDecimal.ZERO, null, null, 0, null);
        }
    }

    /** Events of one type (and category, null when the event had none) on one UTC day. */
    public record DailyCount(
            LocalDate day, EventType type, @Nullable ProductCategory category, int count) {}

    /** Purchases that contained a category, lifetime. */
    public record CategoryPurchases(
            Instant firstPurchasedAt, Instant lastPurchasedAt, int purchaseCount, BigDecimal spend) {}

    /** Purchases that contained a sku, lifetime. */
    public record SkuPurchases(Instant lastPurchasedAt, int purchaseCount) {}

    /** Money spent on one UTC day. */
    public record DailySpend(LocalDate day, BigDecimal amount) {}

    /** A repair or custom design not yet delivered. */
    public record OpenServiceOrder(
            String id,
            Kind kind,
            ServiceOrderStatus status,
            @Nullable LocalDate expectedAt) {

        public enum Kind {
            REPAIR,
            CUSTOM_DESIGN
        }
    }
}
