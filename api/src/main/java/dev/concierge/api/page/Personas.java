package dev.concierge.api.page;

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
import dev.concierge.personalization.customer.ServiceOrderStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The synthetic customers editors preview pages as: made up here, never copied from a real person.
 * Each is built relative to the instant of the decision (a birthday in three days stays three days
 * away, last week's sign-up stays recent), so that the same persona matches the same segments
 * whenever, and for whichever {@code at}, a preview is asked for. Which segments that is, the
 * active segments' rules decide: nothing here names a segment.
 */
final class Personas {

    /** Subjects of personas carry this prefix, so that their experiment buckets are theirs alone. */
    static final String SUBJECT_PREFIX = "persona:";

    /** Times Square: about 1.4 km from the demo's Fifth Avenue store. */
    private static final GeoPoint TIMES_SQUARE = new GeoPoint(40.758, -73.9855);

    private static final List<Persona> ALL = List.of(
            new Persona(
                    "gold-birthday",
                    "Grace, Gold member with a birthday in 3 days",
                    "Gold tier for years, bought a necklace and earrings this spring (about 2,400 in the"
                            + " year), birthday in three days; on the web.",
                    Channel.WEB,
                    null,
                    Personas::goldBirthday),
            new Persona(
                    "new-this-week",
                    "Noah, joined last week",
                    "Signed up five days ago and has browsed rings and earrings, but not bought anything"
                            + " yet; on the web.",
                    Channel.WEB,
                    null,
                    Personas::newThisWeek),
            new Persona(
                    "lapsed-watch-lover",
                    "Liam, lapsed customer looking at watches",
                    "Last bought (earrings) eight months ago; looked at watches four times in the last two"
                            + " weeks and has never bought one; on the web.",
                    Channel.WEB,
                    null,
                    Personas::lapsedWatchLover),
            new Persona(
                    "app-ring-buyer",
                    "Mia, ring buyer on the app",
                    "Silver tier, bought an eternity ring two months ago; shopping on the mobile app now.",
                    Channel.APP,
                    null,
                    Personas::appRingBuyer),
            new Persona(
                    "big-spender-pickup",
                    "Ethan, Platinum big spender with a repair to pick up",
                    "Platinum tier, spent about 7,800 in the year (watches and bracelets), a watch repair"
                            + " ready for pickup, wedding anniversary in three weeks; on the web.",
                    Channel.WEB,
                    null,
                    Personas::bigSpenderPickup),
            new Persona(
                    "nearby-visitor",
                    "Ava, near a store with location shared",
                    "Bronze tier, one bracelet bought last year; shares her location and is in Times"
                            + " Square, about 1.4 km from the Fifth Avenue store; on the web.",
                    Channel.WEB,
                    TIMES_SQUARE,
                    Personas::nearbyVisitor),
            new Persona(
                    "no-consent",
                    "Sophia, Gold member without personalization consent",
                    "Gold tier with a birthday in two days, but she has not granted PERSONALIZATION"
                            + " consent: she gets the default page.",
                    Channel.WEB,
                    null,
                    Personas::noConsent));

    private Personas() {}

    static List<Persona> all() {
        return ALL;
    }

    static Optional<Persona> find(String id) {
        for (Persona persona : ALL) {
            if (persona.id().equals(id)) {
                return Optional.of(persona);
            }
        }
        return Optional.empty();
    }

    /**
     * A synthetic customer.
     *
     * @param channel the surface they are on unless the preview's context says otherwise
     * @param location where they are unless the preview's context says otherwise (used only with
     *     their LOCATION consent, as for everyone)
     */
    record Persona(
            String id,
            String name,
            String description,
            Channel channel,
            @Nullable GeoPoint location,
            Builder builder) {

        /** The subject the persona is bucketed as in experiments. */
        String subjectId() {
            return SUBJECT_PREFIX + id;
        }

        /** The persona as of {@code now}. */
        CustomerSnapshot snapshot(Instant now) {
            return builder.build(new Clocked(subjectId(), now));
        }
    }

    /** Builds a persona's snapshot from the instant it is decided at. */
    @FunctionalInterface
    interface Builder {
        CustomerSnapshot build(Clocked at);
    }

    /** Dates and instants relative to the decision instant, for one persona's subject id. */
    record Clocked(String subjectId, Instant now) {

        Instant daysAgo(int days) {
            return now.minus(Duration.ofDays(days));
        }

        /** The UTC day {@code days} ago: the daily aggregates are by UTC day. */
        LocalDate dayAgo(int days) {
            return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days);
        }

        /** The date {@code days} from today, {@code yearsAgo} years back (a birthday, an anniversary). */
        LocalDate occasion(int days, int yearsAgo) {
            return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(days).minusYears(yearsAgo);
        }

        Profile profile(String firstName, LoyaltyTier tier, int points, Instant memberSince) {
            return profile(firstName, tier, points, memberSince, null, null);
        }

        Profile profile(
                String firstName,
                LoyaltyTier tier,
                int points,
                Instant memberSince,
                @Nullable LocalDate birthday,
                @Nullable LocalDate anniversary) {
            return new Profile(
                    subjectId, firstName, birthday, anniversary, "en-US", tier, points, null, memberSince, Map.of());
        }

        Consents consents(ConsentPurpose... granted) {
            List<Consent> ledger = new ArrayList<>(granted.length);
            for (ConsentPurpose purpose : granted) {
                ledger.add(new Consent(purpose, true, "persona", daysAgo(400)));
            }
            return Consents.fromLedger(ledger);
        }
    }

    private static CustomerSnapshot goldBirthday(Clocked at) {
        Instant necklace = at.daysAgo(75);
        Instant earrings = at.daysAgo(40);
        Activity activity = new Activity(
                List.of(
                        new DailyCount(at.dayAgo(6), EventType.PRODUCT_VIEW, ProductCategory.NECKLACES, 2),
                        new DailyCount(at.dayAgo(1), EventType.PAGE_VIEW, null, 3)),
                Map.of(
                        ProductCategory.NECKLACES, new CategoryPurchases(necklace, necklace, 1, money(1600)),
                        ProductCategory.EARRINGS, new CategoryPurchases(earrings, earrings, 1, money(800))),
                Map.of("NCK-0001", new SkuPurchases(necklace, 1), "EAR-0001", new SkuPurchases(earrings, 1)),
                List.of(new DailySpend(at.dayAgo(75), money(1600)), new DailySpend(at.dayAgo(40), money(800))),
                7,
                money(9200),
                at.daysAgo(2200),
                earrings,
                140,
                at.daysAgo(1));
        return new CustomerSnapshot(
                at.profile("Grace", LoyaltyTier.GOLD, 4200, at.daysAgo(2300), at.occasion(3, 41), null),
                at.consents(ConsentPurpose.PERSONALIZATION, ConsentPurpose.BROWSING_TRACKING, ConsentPurpose.EMAIL),
                activity,
                List.of());
    }

    private static CustomerSnapshot newThisWeek(Clocked at) {
        Activity activity = new Activity(
                List.of(
                        new DailyCount(at.dayAgo(4), EventType.PRODUCT_VIEW, ProductCategory.RINGS, 2),
                        new DailyCount(at.dayAgo(2), EventType.PRODUCT_VIEW, ProductCategory.EARRINGS, 1)),
                Map.of(),
                Map.of(),
                List.of(),
                0,
                BigDecimal.ZERO,
                null,
                null,
                3,
                at.daysAgo(2));
        return new CustomerSnapshot(
                at.profile("Noah", LoyaltyTier.BRONZE, 0, at.daysAgo(5)),
                at.consents(ConsentPurpose.PERSONALIZATION, ConsentPurpose.BROWSING_TRACKING),
                activity,
                List.of());
    }

    private static CustomerSnapshot lapsedWatchLover(Clocked at) {
        Instant earrings = at.daysAgo(240);
        Activity activity = new Activity(
                List.of(
                        new DailyCount(at.dayAgo(12), EventType.PRODUCT_VIEW, ProductCategory.WATCHES, 1),
                        new DailyCount(at.dayAgo(6), EventType.PRODUCT_VIEW, ProductCategory.WATCHES, 2),
                        new DailyCount(at.dayAgo(2), EventType.PRODUCT_VIEW, ProductCategory.WATCHES, 1)),
                Map.of(ProductCategory.EARRINGS, new CategoryPurchases(at.daysAgo(900), earrings, 2, money(640))),
                Map.of("EAR-0002", new SkuPurchases(earrings, 1)),
                List.of(new DailySpend(at.dayAgo(240), money(320))),
                2,
                money(640),
                at.daysAgo(900),
                earrings,
                25,
                at.daysAgo(2));
        return new CustomerSnapshot(
                at.profile("Liam", LoyaltyTier.SILVER, 640, at.daysAgo(1000)),
                at.consents(ConsentPurpose.PERSONALIZATION, ConsentPurpose.BROWSING_TRACKING),
                activity,
                List.of());
    }

    private static CustomerSnapshot appRingBuyer(Clocked at) {
        Activity activity = onePurchase(at, ProductCategory.RINGS, "RNG-0002", 60, 1100, 1, 30);
        return new CustomerSnapshot(
                at.profile("Mia", LoyaltyTier.SILVER, 1100, at.daysAgo(400)),
                at.consents(ConsentPurpose.PERSONALIZATION, ConsentPurpose.BROWSING_TRACKING, ConsentPurpose.PUSH),
                activity,
                List.of());
    }

    private static CustomerSnapshot bigSpenderPickup(Clocked at) {
        Instant watch = at.daysAgo(50);
        Instant bracelet = at.daysAgo(150);
        Activity activity = new Activity(
                List.of(new DailyCount(at.dayAgo(3), EventType.PRODUCT_VIEW, ProductCategory.BRACELETS, 2)),
                Map.of(
                        ProductCategory.WATCHES, new CategoryPurchases(at.daysAgo(1500), watch, 3, money(9500)),
                        ProductCategory.BRACELETS, new CategoryPurchases(bracelet, bracelet, 1, money(3000))),
                Map.of("WCH-0001", new SkuPurchases(watch, 1), "BRC-0001", new SkuPurchases(bracelet, 1)),
                List.of(new DailySpend(at.dayAgo(150), money(3000)), new DailySpend(at.dayAgo(50), money(4800))),
                12,
                money(21500),
                at.daysAgo(1500),
                watch,
                310,
                at.daysAgo(3));
        OpenServiceOrder repair = new OpenServiceOrder(
                "persona-repair-1", OpenServiceOrder.Kind.REPAIR, ServiceOrderStatus.READY_FOR_PICKUP, at.dayAgo(1));
        return new CustomerSnapshot(
                at.profile("Ethan", LoyaltyTier.PLATINUM, 21500, at.daysAgo(1600), null, at.occasion(21, 12)),
                at.consents(ConsentPurpose.PERSONALIZATION, ConsentPurpose.BROWSING_TRACKING, ConsentPurpose.EMAIL),
                activity,
                List.of(repair));
    }

    private static CustomerSnapshot nearbyVisitor(Clocked at) {
        Activity activity = onePurchase(at, ProductCategory.BRACELETS, "BRC-0002", 120, 450, 2, 12);
        return new CustomerSnapshot(
                at.profile("Ava", LoyaltyTier.BRONZE, 450, at.daysAgo(200)),
                at.consents(ConsentPurpose.PERSONALIZATION, ConsentPurpose.LOCATION, ConsentPurpose.BROWSING_TRACKING),
                activity,
                List.of());
    }

    /**
     * A customer with a single purchase, {@code daysAgo} days ago, who viewed {@code pagesToday}
     * pages today and has {@code events} events in all.
     */
    private static Activity onePurchase(
            Clocked at, ProductCategory category, String sku, int daysAgo, int amount, int pagesToday, long events) {
        Instant bought = at.daysAgo(daysAgo);
        return new Activity(
                List.of(new DailyCount(at.dayAgo(0), EventType.PAGE_VIEW, null, pagesToday)),
                Map.of(category, new CategoryPurchases(bought, bought, 1, money(amount))),
                Map.of(sku, new SkuPurchases(bought, 1)),
                List.of(new DailySpend(at.dayAgo(daysAgo), money(amount))),
                1,
                money(amount),
                bought,
                bought,
                events,
                at.daysAgo(0));
    }

    private static CustomerSnapshot noConsent(Clocked at) {
        Instant ring = at.daysAgo(30);
        Activity activity = new Activity(
                List.of(),
                Map.of(ProductCategory.RINGS, new CategoryPurchases(at.daysAgo(700), ring, 4, money(5200))),
                Map.of("RNG-0001", new SkuPurchases(ring, 1)),
                List.of(new DailySpend(at.dayAgo(30), money(2100))),
                4,
                money(5200),
                at.daysAgo(700),
                ring,
                0,
                null);
        return new CustomerSnapshot(
                at.profile("Sophia", LoyaltyTier.GOLD, 5200, at.daysAgo(800), at.occasion(2, 35), null),
                at.consents(ConsentPurpose.EMAIL),
                activity,
                List.of());
    }

    private static BigDecimal money(long amount) {
        return BigDecimal.valueOf(amount);
    }
}
