package dev.concierge.personalization.bench;

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
import dev.concierge.personalization.decision.ContentType;
import dev.concierge.personalization.decision.ContentVariant;
import dev.concierge.personalization.decision.PageContent;
import dev.concierge.personalization.decision.Schedule;
import dev.concierge.personalization.experiment.Experiment;
import dev.concierge.personalization.segment.Segment;
import dev.concierge.personalization.segment.SegmentRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The inputs of one home-page request as the adapters load them: 30 segments parsed from JSON-shaped
 * rule trees (every predicate kind, nested {@code all} / {@code any} / {@code not}), five stores, a
 * signed-in customer's snapshot with a year of activity, a page of 12 slots with 3 variants each,
 * and two running experiments. Deterministic: fixed instant and fixed random seeds.
 */
final class HomePageWorkload {

    /** A Monday morning in New York. */
    static final Instant NOW = Instant.parse("2026-06-15T14:30:00Z");

    static final String PAGE = "home";
    /** Bucketed into an arm (not the holdout) of both experiments, so the arms' variants are decided on. */
    static final String CUSTOMER_ID = "c-100235";
    /** Bucketed into an arm of the offers experiment. */
    static final String ANONYMOUS_ID = "anon-7f3c9a2e-51d4-4b8e-9d0a-3c6f2b1e8a47";

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** Midtown Manhattan, a few hundred metres from the Fifth Avenue store. */
    static final GeoPoint HERE = new GeoPoint(40.7614, -73.9776);

    private static final int ACTIVE_DAYS = 150;
    private static final int SPEND_DAYS = 100;

    private HomePageWorkload() {}

    static List<StoreLocation> stores() {
        return List.of(
                new StoreLocation("nyc-fifth-avenue", "Fifth Avenue", new GeoPoint(40.7624, -73.9738)),
                new StoreLocation("nyc-soho", "SoHo", new GeoPoint(40.7233, -74.0030)),
                new StoreLocation("boston-newbury", "Newbury Street", new GeoPoint(42.3503, -71.0810)),
                new StoreLocation("chicago-michigan-avenue", "Michigan Avenue", new GeoPoint(41.8950, -87.6247)),
                new StoreLocation("sf-union-square", "Union Square", new GeoPoint(37.7880, -122.4075)));
    }

    /** The signed-in customer's request: the app on a phone, near the flagship store. */
    static RequestContext customerContext() {
        return new RequestContext(Channel.APP, "en-US", ZONE, "mobile", HERE, NOW);
    }

    /** A signed-out visitor on the web: no device class, no location. */
    static RequestContext anonymousContext() {
        return new RequestContext(Channel.WEB, "en-US", ZONE, null, null, NOW);
    }

    // --- segments ------------------------------------------------------------------------------

    /** 30 active segments, each rule parsed from the tree Jackson would read from its JSON. */
    static List<Segment> segments() {
        List<Segment> segments = new ArrayList<>(30);
        add(segments, "seg-gold-plus", "Gold and Platinum members", node("loyaltyTier", params("atLeast", "GOLD")));
        add(segments, "seg-platinum", "Platinum members", node("loyaltyTier", params("in", list("PLATINUM"))));
        add(
                segments,
                "seg-birthday-week",
                "Birthday this week",
                node("birthdayWithin", params("days", 7, "pastDays", 1)));
        add(segments, "seg-anniversary-month", "Anniversary this month", node("anniversaryWithin", params("days", 30)));
        add(
                segments,
                "seg-recent-ring-buyer",
                "Bought a ring in the last 90 days",
                node("purchased", params("category", "RINGS", "withinDays", 90)));
        add(segments, "seg-watch-owner", "Watch owners", node("purchased", params("category", "WATCHES")));
        add(
                segments,
                "seg-bought-rng-0003",
                "Bought the solitaire ring this year",
                node("purchased", params("sku", "RNG-0003", "withinDays", 365)));
        add(
                segments,
                "seg-watch-intent",
                "Looking at watches",
                node(
                        "all",
                        list(
                                node("loyaltyTier", params("atLeast", "GOLD")),
                                node("browsed", params("category", "WATCHES", "atLeast", 3, "withinDays", 30)),
                                node("not", node("purchased", params("category", "WATCHES", "withinDays", 90))))));
        add(
                segments,
                "seg-necklace-intent",
                "Necklaces in the cart or viewed lately",
                node(
                        "browsed",
                        params(
                                "category",
                                "NECKLACES",
                                "atLeast",
                                5,
                                "withinDays",
                                14,
                                "eventTypes",
                                list("PRODUCT_VIEW", "ADD_TO_CART"))));
        add(
                segments,
                "seg-earring-browsers",
                "Earring browsers",
                node("browsed", params("category", "EARRINGS", "atLeast", 10, "withinDays", 90)));
        add(
                segments,
                "seg-big-spender-year",
                "Spent 5,000 or more this year",
                node("spend", params("op", "gte", "amount", 5000, "withinDays", 365)));
        add(
                segments,
                "seg-lifetime-vip",
                "Lifetime spend of 50,000 or more",
                node("spend", params("op", "gte", "amount", "50000.00")));
        add(
                segments,
                "seg-quiet-quarter",
                "Spent under 200 this quarter",
                node("spend", params("op", "lt", "amount", 200.0, "withinDays", 90)));
        add(
                segments,
                "seg-pickup-ready",
                "Service order ready for pickup",
                node("openServiceOrder", params("status", list("READY_FOR_PICKUP"))));
        add(
                segments,
                "seg-open-custom-design",
                "Custom design in progress",
                node("openServiceOrder", params("kind", "CUSTOM_DESIGN")));
        add(segments, "seg-app-users", "App and watch users", node("channel", params("in", list("APP", "WATCH"))));
        add(segments, "seg-mobile", "On a phone or tablet", node("device", params("in", list("mobile", "tablet"))));
        add(
                segments,
                "seg-near-flagship",
                "Near the Fifth Avenue store",
                node("nearStore", params("withinKm", 2, "store", "nyc-fifth-avenue")));
        add(segments, "seg-near-any-store", "Near a store", node("nearStore", params("withinKm", 25.0)));
        add(segments, "seg-new-customers", "Joined this month", node("newCustomer", params("joinedWithinDays", 30)));
        add(
                segments,
                "seg-lapsed",
                "Lapsed: no purchase for six months",
                node("lastPurchase", params("olderThanDays", 180)));
        add(segments, "seg-returning", "Returning customers", node("returningCustomer", params("minPurchases", 3)));
        add(
                segments,
                "seg-points-rich",
                "10,000 points or more",
                node("attribute", params("name", "loyaltyPoints", "op", "gte", "value", 10000)));
        add(
                segments,
                "seg-long-time-members",
                "Members since before 2021",
                node("attribute", params("name", "memberSince", "op", "lt", "value", "2021-01-01")));
        add(
                segments,
                "seg-yellow-gold",
                "Prefers yellow gold",
                node("attribute", params("name", "attributes.preferredMetal", "op", "eq", "value", "yellow-gold")));
        add(
                segments,
                "seg-french",
                "French speakers",
                node("attribute", params("name", "locale", "op", "startsWith", "value", "fr")));
        add(
                segments,
                "seg-gifting-season",
                "A gift occasion is coming",
                node(
                        "any",
                        list(
                                node("birthdayWithin", params("days", 30)),
                                node("anniversaryWithin", params("days", 30)),
                                node("browsed", params("category", "SERVICES", "atLeast", 1, "withinDays", 7)))));
        add(
                segments,
                "seg-winback",
                "Silver and Gold to win back",
                node(
                        "all",
                        list(
                                node("loyaltyTier", params("in", list("SILVER", "GOLD"))),
                                node("lastPurchase", params("olderThanDays", 90)),
                                node("not", node("openServiceOrder", params())))));
        add(
                segments,
                "seg-high-value-local",
                "High-value customers near a store",
                node(
                        "all",
                        list(
                                node("loyaltyTier", params("atLeast", "GOLD")),
                                node(
                                        "any",
                                        list(
                                                node("nearStore", params("withinKm", 10)),
                                                node("channel", params("in", list("STORE", "KIOSK"))))),
                                node("spend", params("op", "gte", "amount", 1000, "withinDays", 180)),
                                node(
                                        "not",
                                        node(
                                                "any",
                                                list(
                                                        node("device", params("in", list("watch"))),
                                                        node(
                                                                "attribute",
                                                                params(
                                                                        "name",
                                                                        "attributes.optOutOffers",
                                                                        "op",
                                                                        "exists"))))))));
        add(
                segments,
                "seg-bridal",
                "Shopping for an engagement ring",
                node(
                        "all",
                        list(
                                node("browsed", params("category", "RINGS", "atLeast", 8, "withinDays", 60)),
                                node(
                                        "any",
                                        list(
                                                node(
                                                        "attribute",
                                                        params(
                                                                "name",
                                                                "attributes.engaged",
                                                                "op",
                                                                "eq",
                                                                "value",
                                                                true)),
                                                node(
                                                        "not",
                                                        node(
                                                                "purchased",
                                                                params("category", "RINGS", "withinDays", 365))))))));
        return List.copyOf(segments);
    }

    private static void add(List<Segment> segments, String id, String name, Object tree) {
        segments.add(new Segment(id, name, SegmentRules.parse(tree, "segments[" + segments.size() + "].rule")));
    }

    /** A one-key JSON object, as every rule node is. */
    private static Map<String, Object> node(String key, Object value) {
        Map<String, Object> node = new LinkedHashMap<>(2);
        node.put(key, value);
        return node;
    }

    /** A JSON object of parameters, in the order given. */
    private static Map<String, Object> params(Object... keysAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return params;
    }

    private static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    // --- the customer --------------------------------------------------------------------------

    /**
     * A Gold member for seven years with a year of daily activity (300 rows over 150 active days),
     * 100 days with purchases in the last year, 20 skus in 5 categories, a repair ready for pickup,
     * and every consent granted.
     */
    static CustomerSnapshot customer() {
        Instant memberSince = Instant.parse("2019-03-12T15:04:00Z");
        Profile profile = new Profile(
                CUSTOMER_ID,
                "Maya",
                LocalDate.of(1990, 6, 19),
                LocalDate.of(2016, 9, 10),
                "en-US",
                LoyaltyTier.GOLD,
                8_450,
                "nyc-fifth-avenue",
                memberSince,
                Map.of("preferredMetal", "yellow-gold", "engaged", false, "newsletterOpens", 14));
        List<Consent> ledger = new ArrayList<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            ledger.add(new Consent(purpose, true, "app", Instant.parse("2024-02-01T09:12:00Z")));
        }
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

        List<DailyCount> counts = dailyCounts(today);
        List<DailySpend> spend = dailySpend(today);
        BigDecimal yearSpend = BigDecimal.ZERO;
        for (DailySpend row : spend) {
            yearSpend = yearSpend.add(row.amount());
        }
        long events = 4_210;
        for (DailyCount row : counts) {
            events += row.count();
        }
        Instant lastPurchase = spend.get(spend.size() - 1).day().atTime(17, 12).toInstant(ZoneOffset.UTC);

        Map<ProductCategory, CategoryPurchases> categories = new EnumMap<>(ProductCategory.class);
        categories.put(ProductCategory.RINGS, category("2019-04-02T16:20:00Z", daysAgo(40), 41, "24310.00"));
        categories.put(ProductCategory.NECKLACES, category("2019-11-23T18:02:00Z", daysAgo(11), 33, "17650.50"));
        categories.put(ProductCategory.EARRINGS, category("2020-02-14T12:45:00Z", daysAgo(6), 28, "9985.00"));
        categories.put(ProductCategory.BRACELETS, category("2021-05-08T14:10:00Z", daysAgo(15), 22, "12450.00"));
        categories.put(ProductCategory.WATCHES, category("2023-11-20T17:30:00Z", daysAgo(210), 4, "31900.00"));

        Activity activity = new Activity(
                counts,
                categories,
                skuPurchases(),
                spend,
                138,
                yearSpend.add(new BigDecimal("14250.00")),
                Instant.parse("2019-04-02T16:20:00Z"),
                lastPurchase,
                events,
                NOW.minus(Duration.ofHours(2)));
        List<OpenServiceOrder> orders = List.of(new OpenServiceOrder(
                "so-5521", OpenServiceOrder.Kind.REPAIR, ServiceOrderStatus.READY_FOR_PICKUP, today.plusDays(3)));
        return new CustomerSnapshot(profile, Consents.fromLedger(ledger), activity, orders);
    }

    /** Two rows per active day, oldest first: page views, and one typed event in a category. */
    private static List<DailyCount> dailyCounts(LocalDate today) {
        Random random = new Random(20260615);
        EventType[] typed = {
            EventType.PRODUCT_VIEW,
            EventType.PRODUCT_VIEW,
            EventType.PRODUCT_VIEW,
            EventType.SEARCH,
            EventType.ADD_TO_CART
        };
        ProductCategory[] browsed = {
            ProductCategory.RINGS,
            ProductCategory.RINGS,
            ProductCategory.NECKLACES,
            ProductCategory.NECKLACES,
            ProductCategory.EARRINGS,
            ProductCategory.BRACELETS,
            ProductCategory.WATCHES,
            ProductCategory.WATCHES
        };
        List<DailyCount> rows = new ArrayList<>(2 * ACTIVE_DAYS);
        for (int ago : distinctDaysAgo(random, ACTIVE_DAYS)) {
            LocalDate day = today.minusDays(ago);
            rows.add(new DailyCount(day, EventType.PAGE_VIEW, null, 1 + random.nextInt(8)));
            rows.add(new DailyCount(
                    day,
                    typed[random.nextInt(typed.length)],
                    browsed[random.nextInt(browsed.length)],
                    1 + random.nextInt(5)));
        }
        return rows;
    }

    /** 100 days with purchases in the last year, oldest first. */
    private static List<DailySpend> dailySpend(LocalDate today) {
        Random random = new Random(1_000_003);
        List<DailySpend> rows = new ArrayList<>(SPEND_DAYS);
        for (int ago : distinctDaysAgo(random, SPEND_DAYS)) {
            long cents = 3_500 + random.nextInt(176_500);
            rows.add(new DailySpend(today.minusDays(ago), BigDecimal.valueOf(cents, 2)));
        }
        return rows;
    }

    /** {@code count} distinct days in the last 365 (0 is today), oldest first. */
    private static List<Integer> distinctDaysAgo(Random random, int count) {
        List<Integer> days = new ArrayList<>(365);
        for (int ago = 0; ago < 365; ago++) {
            days.add(ago);
        }
        Collections.shuffle(days, random);
        List<Integer> chosen = new ArrayList<>(days.subList(0, count));
        chosen.sort(Collections.reverseOrder());
        return chosen;
    }

    private static Map<String, SkuPurchases> skuPurchases() {
        Random random = new Random(42);
        String[] skus = {
            "RNG-0001",
            "RNG-0002",
            "RNG-0003",
            "RNG-0004",
            "RNG-0005",
            "NCK-0101",
            "NCK-0102",
            "NCK-0103",
            "NCK-0104",
            "EAR-0201",
            "EAR-0202",
            "EAR-0203",
            "EAR-0204",
            "BRC-0301",
            "BRC-0302",
            "BRC-0303",
            "BRC-0304",
            "WCH-0401",
            "WCH-0402",
            "WCH-0403"
        };
        Map<String, SkuPurchases> purchases = new HashMap<>();
        for (String sku : skus) {
            purchases.put(sku, new SkuPurchases(daysAgo(1 + random.nextInt(1_000)), 1 + random.nextInt(3)));
        }
        purchases.put("RNG-0003", new SkuPurchases(daysAgo(40), 1));
        return purchases;
    }

    private static CategoryPurchases category(String first, Instant last, int count, String spend) {
        return new CategoryPurchases(Instant.parse(first), last, count, new BigDecimal(spend));
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days)).minus(Duration.ofMinutes(95));
    }

    // --- the page ------------------------------------------------------------------------------

    static final String HERO_EXPERIMENT = "exp-hero-2026q2";
    static final String OFFERS_EXPERIMENT = "exp-offers-layout";

    /**
     * Two running experiments with a holdout. The hero's arms show to Gold and Platinum members; the
     * offers layout test shows to everyone, so signed-out visitors are bucketed too.
     */
    static List<Experiment> experiments() {
        return List.of(
                new Experiment(
                        HERO_EXPERIMENT,
                        PAGE,
                        "hero",
                        Experiment.Status.RUNNING,
                        0.10,
                        List.of(new Experiment.Arm("control", 1), new Experiment.Arm("treatment", 1))),
                new Experiment(
                        OFFERS_EXPERIMENT,
                        PAGE,
                        "offers-1",
                        Experiment.Status.RUNNING,
                        0.05,
                        List.of(new Experiment.Arm("grid", 1), new Experiment.Arm("carousel", 1))));
    }

    /**
     * 12 slots of 3 variants: a default for everyone and two targeted at segments, with priorities,
     * some with a locale, some scheduled (running, over, not yet started).
     */
    static PageContent page() {
        Schedule running = new Schedule(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(60)));
        Schedule thisWeek = new Schedule(NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(10)));
        Schedule notYet = new Schedule(NOW.plus(Duration.ofDays(7)), null);
        Schedule over = new Schedule(null, NOW.minus(Duration.ofDays(1)));
        return new PageContent(
                PAGE,
                List.of(
                        slot(
                                "hero",
                                v("hero-summer", ContentType.HERO, 0),
                                v("hero-gold-control", ContentType.HERO, 10)
                                        .audience("seg-gold-plus", "seg-platinum")
                                        .arm(HERO_EXPERIMENT, "control"),
                                v("hero-gold-treatment", ContentType.HERO, 10)
                                        .audience("seg-gold-plus", "seg-platinum")
                                        .arm(HERO_EXPERIMENT, "treatment")),
                        slot(
                                "announcement",
                                v("free-shipping", ContentType.BANNER, 0),
                                v("pickup-ready", ContentType.BANNER, 30).audience("seg-pickup-ready"),
                                v("birthday-treat", ContentType.BANNER, 20)
                                        .audience("seg-birthday-week")
                                        .schedule(running)),
                        slot(
                                "offers-1",
                                v("offers-default", ContentType.OFFER, 0),
                                v("offers-grid", ContentType.OFFER, 5).arm(OFFERS_EXPERIMENT, "grid"),
                                v("offers-carousel", ContentType.CAROUSEL, 5).arm(OFFERS_EXPERIMENT, "carousel")),
                        slot(
                                "offers-2",
                                v("offer-engraving", ContentType.OFFER, 0),
                                v("offer-double-points", ContentType.OFFER, 15)
                                        .audience("seg-returning", "seg-big-spender-year"),
                                v("offer-winback-20", ContentType.OFFER, 25).audience("seg-winback", "seg-lapsed")),
                        slot(
                                "new-arrivals",
                                v("arrivals-all", ContentType.CAROUSEL, 0),
                                v("arrivals-watches", ContentType.CAROUSEL, 10)
                                        .audience("seg-watch-intent", "seg-watch-owner")
                                        .locale("en"),
                                v("arrivals-necklaces", ContentType.CAROUSEL, 10)
                                        .audience("seg-necklace-intent")
                                        .locale("en-US")),
                        slot(
                                "editorial",
                                v("editorial-care-guide", ContentType.ARTICLE, 0),
                                v("editorial-bridal", ContentType.ARTICLE, 10).audience("seg-bridal"),
                                v("editorial-fr", ContentType.ARTICLE, 10)
                                        .audience("seg-french")
                                        .locale("fr-FR")),
                        slot(
                                "watches",
                                v("watches-collection", ContentType.CAROUSEL, 0),
                                v("watches-service", ContentType.BANNER, 10).audience("seg-watch-owner"),
                                v("watches-trade-in", ContentType.OFFER, 20)
                                        .audience("seg-watch-intent", "seg-lifetime-vip")
                                        .schedule(notYet)),
                        slot(
                                "bridal",
                                v("bridal-finder", ContentType.BANNER, 0),
                                v("bridal-appointment", ContentType.BANNER, 10).audience("seg-bridal"),
                                v("bridal-anniversary", ContentType.BANNER, 10).audience("seg-anniversary-month")),
                        slot(
                                "services",
                                v("services-overview", ContentType.BANNER, 0),
                                v("repair-status", ContentType.BANNER, 20)
                                        .audience("seg-pickup-ready", "seg-open-custom-design"),
                                v("custom-design-cta", ContentType.BANNER, 10)
                                        .audience("seg-yellow-gold", "seg-long-time-members")),
                        slot(
                                "store-events",
                                v("events-online", ContentType.BANNER, 0),
                                v("event-fifth-avenue", ContentType.BANNER, 20)
                                        .audience("seg-near-flagship")
                                        .schedule(thisWeek),
                                v("event-nearby", ContentType.BANNER, 10)
                                        .audience("seg-near-any-store", "seg-high-value-local")),
                        slot(
                                "gifting",
                                v("gift-guide", ContentType.ARTICLE, 0),
                                v("gift-birthday", ContentType.OFFER, 20)
                                        .audience("seg-gifting-season", "seg-birthday-week", "seg-anniversary-month"),
                                v("gift-earrings", ContentType.OFFER, 10)
                                        .audience("seg-earring-browsers")
                                        .locale("en-US")
                                        .schedule(over)),
                        slot(
                                "footer",
                                v("newsletter", ContentType.BANNER, 0).locale("en"),
                                v("app-rewards", ContentType.BANNER, 5).audience("seg-app-users", "seg-mobile"),
                                v("points-boost", ContentType.BANNER, 8)
                                        .audience("seg-points-rich", "seg-gold-plus", "seg-quiet-quarter")
                                        .locale("en-US"))));
    }

    private static PageContent.Slot slot(String name, Variant... variants) {
        List<ContentVariant> built = new ArrayList<>(variants.length);
        for (Variant variant : variants) {
            built.add(variant.build());
        }
        return new PageContent.Slot(name, built);
    }

    private static Variant v(String key, ContentType type, int priority) {
        return new Variant(key, type, priority);
    }

    /** A variant being described; everything but key, type and priority is optional. */
    private static final class Variant {
        private final String key;
        private final ContentType type;
        private final int priority;
        private Set<String> audience = Set.of();
        private @Nullable String locale;
        private Schedule schedule = Schedule.ALWAYS;
        private @Nullable String experimentId;
        private @Nullable String arm;

        Variant(String key, ContentType type, int priority) {
            this.key = key;
            this.type = type;
            this.priority = priority;
        }

        Variant audience(String... segmentIds) {
            this.audience = Set.of(segmentIds);
            return this;
        }

        Variant locale(String locale) {
            this.locale = locale;
            return this;
        }

        Variant schedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        Variant arm(String experimentId, String arm) {
            this.experimentId = experimentId;
            this.arm = arm;
            return this;
        }

        ContentVariant build() {
            return new ContentVariant(
                    "entry-" + key,
                    1 + Math.floorMod(key.hashCode(), 3),
                    key,
                    type,
                    audience,
                    priority,
                    locale,
                    schedule,
                    experimentId,
                    arm,
                    Map.of(
                            "title", key,
                            "body", "Copy for " + key,
                            "imageUrl", "https://cdn.example.com/content/" + key + ".jpg",
                            "ctaLabel", "Discover",
                            "ctaUrl", "/collections/" + key));
        }
    }
}
