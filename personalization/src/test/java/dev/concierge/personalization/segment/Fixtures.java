package dev.concierge.personalization.segment;

import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.Consent;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.Consents;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.CustomerSnapshot.Activity;
import dev.concierge.personalization.customer.CustomerSnapshot.CategoryPurchases;
import dev.concierge.personalization.customer.CustomerSnapshot.DailyCount;
import dev.concierge.personalization.customer.CustomerSnapshot.DailySpend;
import dev.concierge.personalization.customer.CustomerSnapshot.OpenServiceOrder;
import dev.concierge.personalization.customer.CustomerSnapshot.Profile;
import dev.concierge.personalization.customer.CustomerSnapshot.SkuPurchases;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.GeoPoint;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import dev.concierge.personalization.customer.StoreLocation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Customers, requests and stores for segment tests: a valid default, changed as a case needs. */
final class Fixtures {

    /** The instant decisions are made for, unless a case says otherwise: noon UTC on 2026-06-15. */
    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    static final LocalDate TODAY_UTC = LocalDate.of(2026, 6, 15);

    static final StoreLocation FIFTH_AVENUE =
            new StoreLocation("nyc-fifth-avenue", "Fifth Avenue", new GeoPoint(40.7625, -73.9740));
    static final StoreLocation SOHO = new StoreLocation("nyc-soho", "SoHo", new GeoPoint(40.7233, -73.9985));
    static final StoreLocation BOND_STREET =
            new StoreLocation("london-bond-street", "Bond Street", new GeoPoint(51.5128, -0.1450));
    static final List<StoreLocation> STORES = List.of(FIFTH_AVENUE, SOHO, BOND_STREET);

    static final EvaluateSegments EVALUATE = new EvaluateSegments(STORES);

    private Fixtures() {}

    static Rule rule(String json) {
        return SegmentRules.parse(Json.parse(json), "rule");
    }

    static boolean matches(String rule, CustomerBuilder customer, RequestBuilder request) {
        return EVALUATE.matches(rule(rule), customer.build(), request.build());
    }

    static boolean matches(String rule, CustomerBuilder customer) {
        return matches(rule, customer, request());
    }

    static CustomerBuilder customer() {
        return new CustomerBuilder();
    }

    static RequestBuilder request() {
        return new RequestBuilder();
    }

    static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /**
     * A Silver member since two years, who consented to personalization only and has no activity:
     * each case adds what it needs.
     */
    static final class CustomerBuilder {

        private String firstName = "Ada";
        private @Nullable LocalDate birthday;
        private @Nullable LocalDate anniversary;
        private String locale = "en-US";
        private LoyaltyTier tier = LoyaltyTier.SILVER;
        private int points;
        private @Nullable String homeStoreId;
        private Instant memberSince = daysAgo(730);
        private final Map<String, Object> attributes = new HashMap<>();
        private final List<Consent> consents =
                new ArrayList<>(List.of(new Consent(ConsentPurpose.PERSONALIZATION, true, "test", daysAgo(700))));
        private final List<DailyCount> dailyCounts = new ArrayList<>();
        private final Map<ProductCategory, CategoryPurchases> categoryPurchases = new EnumMap<>(ProductCategory.class);
        private final Map<String, SkuPurchases> skuPurchases = new HashMap<>();
        private final List<DailySpend> dailySpend = new ArrayList<>();
        private int purchaseCount;
        private BigDecimal totalSpend = BigDecimal.ZERO;
        private @Nullable Instant lastPurchaseAt;
        private final List<OpenServiceOrder> orders = new ArrayList<>();

        CustomerBuilder firstName(String value) {
            firstName = value;
            return this;
        }

        CustomerBuilder birthday(@Nullable LocalDate value) {
            birthday = value;
            return this;
        }

        CustomerBuilder anniversary(@Nullable LocalDate value) {
            anniversary = value;
            return this;
        }

        CustomerBuilder locale(String value) {
            locale = value;
            return this;
        }

        CustomerBuilder tier(LoyaltyTier value) {
            tier = value;
            return this;
        }

        CustomerBuilder points(int value) {
            points = value;
            return this;
        }

        CustomerBuilder homeStore(@Nullable String value) {
            homeStoreId = value;
            return this;
        }

        CustomerBuilder memberSince(Instant value) {
            memberSince = value;
            return this;
        }

        CustomerBuilder attribute(String key, Object value) {
            attributes.put(key, value);
            return this;
        }

        /** A ledger row recorded after the default ones, so it decides the purpose. */
        CustomerBuilder consent(ConsentPurpose purpose, boolean granted) {
            consents.add(
                    new Consent(purpose, granted, "test", NOW.minusSeconds(3600).plusSeconds(consents.size())));
            return this;
        }

        CustomerBuilder events(LocalDate day, EventType type, @Nullable ProductCategory category, int count) {
            dailyCounts.add(new DailyCount(day, type, category, count));
            return this;
        }

        /**
         * A purchase of one sku in a category: updates the lifetime figures, the sku and category
         * aggregates and the day's spend (on the purchase's UTC day).
         */
        CustomerBuilder bought(String sku, ProductCategory category, Instant at, String amount) {
            BigDecimal price = new BigDecimal(amount);
            skuPurchases.merge(
                    sku,
                    new SkuPurchases(at, 1),
                    (a, b) -> new SkuPurchases(
                            a.lastPurchasedAt().isAfter(b.lastPurchasedAt())
                                    ? a.lastPurchasedAt()
                                    : b.lastPurchasedAt(),
                            a.purchaseCount() + 1));
            categoryPurchases.merge(
                    category,
                    new CategoryPurchases(at, at, 1, price),
                    (a, b) -> new CategoryPurchases(
                            a.firstPurchasedAt().isBefore(b.firstPurchasedAt())
                                    ? a.firstPurchasedAt()
                                    : b.firstPurchasedAt(),
                            a.lastPurchasedAt().isAfter(b.lastPurchasedAt())
                                    ? a.lastPurchasedAt()
                                    : b.lastPurchasedAt(),
                            a.purchaseCount() + 1,
                            a.spend().add(b.spend())));
            dailySpend.add(new DailySpend(LocalDate.ofInstant(at, ZoneOffset.UTC), price));
            purchaseCount++;
            totalSpend = totalSpend.add(price);
            if (lastPurchaseAt == null || at.isAfter(lastPurchaseAt)) {
                lastPurchaseAt = at;
            }
            return this;
        }

        /** Lifetime figures only, as for purchases older than the daily rows. */
        CustomerBuilder history(int purchases, String spend, @Nullable Instant lastPurchase) {
            purchaseCount = purchases;
            totalSpend = new BigDecimal(spend);
            lastPurchaseAt = lastPurchase;
            return this;
        }

        CustomerBuilder spent(LocalDate day, String amount) {
            dailySpend.add(new DailySpend(day, new BigDecimal(amount)));
            return this;
        }

        CustomerBuilder order(OpenServiceOrder.Kind kind, ServiceOrderStatus status) {
            orders.add(new OpenServiceOrder("so-" + orders.size(), kind, status, null));
            return this;
        }

        CustomerSnapshot build() {
            Profile profile = new Profile(
                    "c-1",
                    firstName,
                    birthday,
                    anniversary,
                    locale,
                    tier,
                    points,
                    homeStoreId,
                    memberSince,
                    attributes);
            Activity activity = new Activity(
                    dailyCounts,
                    categoryPurchases,
                    skuPurchases,
                    dailySpend,
                    purchaseCount,
                    totalSpend,
                    null,
                    lastPurchaseAt,
                    dailyCounts.size(),
                    null);
            return new CustomerSnapshot(profile, Consents.fromLedger(consents), activity, orders);
        }
    }

    /** A web request at {@link #NOW} in UTC, without device or location. */
    static final class RequestBuilder {

        private Channel channel = Channel.WEB;
        private ZoneId zone = ZoneOffset.UTC;
        private @Nullable String device;
        private @Nullable GeoPoint location;
        private Instant now = NOW;

        RequestBuilder channel(Channel value) {
            channel = value;
            return this;
        }

        RequestBuilder zone(ZoneId value) {
            zone = value;
            return this;
        }

        RequestBuilder device(@Nullable String value) {
            device = value;
            return this;
        }

        RequestBuilder location(@Nullable GeoPoint value) {
            location = value;
            return this;
        }

        RequestBuilder now(Instant value) {
            now = value;
            return this;
        }

        /** Noon on the given date in the request's zone. */
        RequestBuilder on(LocalDate date) {
            now = date.atTime(12, 0).atZone(zone).toInstant();
            return this;
        }

        RequestContext build() {
            return new RequestContext(channel, "en-US", zone, device, location, now);
        }
    }
}
