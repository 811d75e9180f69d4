package dev.concierge.api.demo;

import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A complete demo data set, consistent with the database schema: every reference resolves, and
 * every time lies before the start (UTC) of {@code today}.
 */
public record DemoDataset(
        LocalDate today,
        List<Store> stores,
        List<Product> products,
        List<Customer> customers,
        List<Consent> consents,
        List<Purchase> purchases,
        List<BrowsingEvent> browsingEvents,
        List<ServiceOrder> serviceOrders) {

    public DemoDataset {
        stores = List.copyOf(stores);
        products = List.copyOf(products);
        customers = List.copyOf(customers);
        consents = List.copyOf(consents);
        purchases = List.copyOf(purchases);
        browsingEvents = List.copyOf(browsingEvents);
        serviceOrders = List.copyOf(serviceOrders);
    }

    /** A store; opening hours per day, an empty list meaning closed. */
    public record Store(
            String id,
            String name,
            String addressLine,
            String city,
            String postalCode,
            String country,
            double latitude,
            double longitude,
            String phone,
            Map<DayOfWeek, List<OpeningHours>> openingHours,
            List<String> services) {

        public Store {
            openingHours = Map.copyOf(openingHours);
            services = List.copyOf(services);
        }
    }

    /** One opening interval of a day, in the store's local time. */
    public record OpeningHours(LocalTime opens, LocalTime closes) {}

    /** A catalogue product; {@code careIntervalDays} is null where no periodic care applies. */
    public record Product(
            String sku,
            String name,
            String description,
            ProductCategory category,
            BigDecimal price,
            String currency,
            List<String> imageUrls,
            Map<String, String> attributes,
            @Nullable Integer careIntervalDays,
            boolean repurchasable) {

        public Product {
            imageUrls = List.copyOf(imageUrls);
            attributes = Map.copyOf(attributes);
        }
    }

    /** A customer profile. */
    public record Customer(
            String id,
            String externalId,
            String firstName,
            String lastName,
            String email,
            String phone,
            LocalDate birthday,
            @Nullable LocalDate anniversary,
            String locale,
            LoyaltyTier loyaltyTier,
            int loyaltyPoints,
            String homeStoreId,
            Instant createdAt,
            Instant updatedAt) {}

    /** One consent ledger row. */
    public record Consent(
            String customerId, ConsentPurpose purpose, boolean granted, String source, Instant recordedAt) {}

    /** A purchase with its lines; {@code total} is the sum of the lines. */
    public record Purchase(
            String id,
            String customerId,
            String idempotencyKey,
            @Nullable String storeId,
            Channel channel,
            Instant purchasedAt,
            BigDecimal total,
            String currency,
            List<PurchaseItem> items) {

        public Purchase {
            items = List.copyOf(items);
        }
    }

    /** One purchase line, with the care and cover that came with the piece. */
    public record PurchaseItem(
            int lineNo,
            String sku,
            int quantity,
            BigDecimal unitPrice,
            String imageUrl,
            @Nullable Insurance insurance,
            @Nullable String servicingInstructions,
            @Nullable LocalDate nextServiceDue) {}

    /** Insurance cover sold with an item. */
    public record Insurance(String provider, String policy, LocalDate validUntil) {}

    /** A browsing event of a signed-in customer or of an anonymous visitor (exactly one is set). */
    public record BrowsingEvent(
            String eventId,
            @Nullable String customerId,
            @Nullable String anonymousId,
            EventType type,
            @Nullable String sku,
            @Nullable ProductCategory category,
            @Nullable String query,
            @Nullable String storeId,
            @Nullable String page,
            Channel channel,
            Instant occurredAt) {}

    /** Whether a service order repairs a piece or makes a new one. */
    public enum ServiceOrderKind {
        REPAIR,
        CUSTOM_DESIGN
    }

    /** A repair or custom-design order; {@code status} is the last entry of {@code history}. */
    public record ServiceOrder(
            String id,
            String customerId,
            ServiceOrderKind kind,
            String description,
            @Nullable String sku,
            String storeId,
            ServiceOrderStatus status,
            LocalDate expectedAt,
            Instant createdAt,
            Instant updatedAt,
            List<StatusChange> history) {

        public ServiceOrder {
            history = List.copyOf(history);
        }
    }

    /** One step of a service order's status history. */
    public record StatusChange(ServiceOrderStatus status, String note, String changedBy, Instant changedAt) {}
}
