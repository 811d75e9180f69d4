package dev.concierge.api.demo;

import dev.concierge.api.demo.DemoDataset.BrowsingEvent;
import dev.concierge.api.demo.DemoDataset.Consent;
import dev.concierge.api.demo.DemoDataset.Customer;
import dev.concierge.api.demo.DemoDataset.Insurance;
import dev.concierge.api.demo.DemoDataset.OpeningHours;
import dev.concierge.api.demo.DemoDataset.Product;
import dev.concierge.api.demo.DemoDataset.Purchase;
import dev.concierge.api.demo.DemoDataset.PurchaseItem;
import dev.concierge.api.demo.DemoDataset.ServiceOrder;
import dev.concierge.api.demo.DemoDataset.ServiceOrderKind;
import dev.concierge.api.demo.DemoDataset.StatusChange;
import dev.concierge.api.demo.DemoDataset.Store;
import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.PurchaseRules;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Generates the demo data set of a jewelry and watch retailer: stores with real coordinates, a
 * catalogue of 200+ products, 60 customers ({@code demo-1} … {@code demo-60}) with consent
 * histories, purchases, browsing events and service orders.
 *
 * <p>The result depends only on the seed and the day: the same seed and the same {@code today} give
 * an equal data set. Every time lies before the start of {@code today} in UTC, so nothing is in the
 * future for a server whose clock has reached that day. A few customers are shaped for demos:
 *
 * <ul>
 *   <li>{@code demo-1}: GOLD, birthday in three days, a watch among 6 purchases, a repair in progress,
 *       every consent granted;
 *   <li>{@code demo-2}: PLATINUM big spender with a custom design ready for pickup;
 *   <li>{@code demo-3}: revoked browsing tracking and location after granting them;
 *   <li>{@code demo-4}: signed up yesterday, BRONZE, no purchases;
 *   <li>{@code demo-5}: lapsed (last purchase over 200 days ago) with a watch overdue for service.
 * </ul>
 */
public final class DemoDataGenerator {

    /** The seed of the data set the application loads. */
    public static final long DEFAULT_SEED = 20_240_917L;

    /** How many customers the data set holds. */
    public static final int CUSTOMER_COUNT = 60;

    /** How far back browsing events go. */
    public static final int BROWSING_DAYS = 120;

    private final long seed;

    public DemoDataGenerator(long seed) {
        this.seed = seed;
    }

    public DemoDataGenerator() {
        this(DEFAULT_SEED);
    }

    /** The data set as of {@code today}. */
    public DemoDataset generate(LocalDate today) {
        return new Run(new Random(seed), today).build();
    }

    /** The data set as of the clock's current day in UTC. */
    public DemoDataset generate(Clock clock) {
        return generate(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private static final String IMAGE_BASE = "https://images.concierge.example/products/";
    private static final String CURRENCY = "USD";

    private record Metal(String name, double factor, int careDays) {}

    private record Stone(String name, int extra) {}

    private record Style(String name, int base, boolean repurchasable) {}

    private record WatchModel(String name, int base, String movement, int caseMm, String waterResistance) {}

    private record Service(String sku, String name, String description, String price, boolean repurchasable) {}

    private static final List<Metal> METALS = List.of(
            new Metal("18k Yellow Gold", 1.0, 180),
            new Metal("18k White Gold", 1.05, 180),
            new Metal("18k Rose Gold", 1.0, 180),
            new Metal("Platinum", 1.35, 180),
            new Metal("Sterling Silver", 0.22, 120));

    private static final List<Stone> STONES = List.of(
            new Stone("Diamond", 2400),
            new Stone("Sapphire", 1300),
            new Stone("Emerald", 1500),
            new Stone("Ruby", 1400),
            new Stone("Pearl", 400),
            new Stone("", 0));

    private static final Map<ProductCategory, List<Style>> STYLES = new EnumMap<>(Map.of(
            ProductCategory.RINGS,
            List.of(
                    new Style("Solitaire Engagement Ring", 2200, false),
                    new Style("Eternity Band", 1500, false),
                    new Style("Halo Ring", 1900, false),
                    new Style("Signet Ring", 900, false),
                    new Style("Stacking Ring", 350, true),
                    new Style("Cocktail Ring", 1600, false),
                    new Style("Three-Stone Ring", 2000, false),
                    new Style("Wedding Band", 800, false)),
            ProductCategory.NECKLACES,
            List.of(
                    new Style("Pendant Necklace", 700, false),
                    new Style("Tennis Necklace", 3200, false),
                    new Style("Station Necklace", 900, false),
                    new Style("Lariat Necklace", 850, false),
                    new Style("Locket Necklace", 650, false),
                    new Style("Choker", 1100, false),
                    new Style("Layering Chain", 300, true)),
            ProductCategory.EARRINGS,
            List.of(
                    new Style("Stud Earrings", 600, true),
                    new Style("Hoop Earrings", 550, false),
                    new Style("Drop Earrings", 900, false),
                    new Style("Huggie Earrings", 420, true),
                    new Style("Chandelier Earrings", 1400, false),
                    new Style("Climber Earrings", 480, false)),
            ProductCategory.BRACELETS,
            List.of(
                    new Style("Tennis Bracelet", 2800, false),
                    new Style("Bangle", 900, false),
                    new Style("Cuff Bracelet", 1100, false),
                    new Style("Charm Bracelet", 500, true),
                    new Style("Link Bracelet", 1200, false),
                    new Style("Beaded Bracelet", 260, true))));

    private static final Map<ProductCategory, Integer> JEWELRY_COUNTS = new EnumMap<>(Map.of(
            ProductCategory.RINGS, 50,
            ProductCategory.NECKLACES, 45,
            ProductCategory.EARRINGS, 40,
            ProductCategory.BRACELETS, 35));

    private static final Map<ProductCategory, String> SKU_PREFIX = new EnumMap<>(Map.of(
            ProductCategory.RINGS, "RNG",
            ProductCategory.NECKLACES, "NCK",
            ProductCategory.EARRINGS, "EAR",
            ProductCategory.BRACELETS, "BRC",
            ProductCategory.WATCHES, "WCH"));

    private static final List<String> COLLECTIONS = List.of("Aurora", "Heritage", "Riviera", "Nocturne", "Celeste");

    private static final List<String> WATCH_LINES = List.of("Meridian", "Atlas", "Solstice", "Vanguard", "Harbor");

    private static final List<WatchModel> WATCH_MODELS = List.of(
            new WatchModel("Automatic 38", 3200, "Automatic", 38, "100m"),
            new WatchModel("Chronograph 42", 5600, "Automatic", 42, "100m"),
            new WatchModel("Diver 300", 4400, "Automatic", 41, "300m"),
            new WatchModel("GMT 40", 5200, "Automatic", 40, "100m"),
            new WatchModel("Moonphase 39", 7800, "Automatic", 39, "50m"),
            new WatchModel("Dress 36", 2600, "Quartz", 36, "30m"),
            new WatchModel("Pilot 41", 3900, "Automatic", 41, "100m"),
            new WatchModel("Skeleton 40", 9200, "Manual", 40, "30m"));

    private static final List<Metal> WATCH_CASES = List.of(
            new Metal("Steel", 1.0, 730),
            new Metal("Titanium", 1.2, 730),
            new Metal("Two-Tone", 1.5, 730),
            new Metal("18k Rose Gold", 3.6, 730));

    private static final int WATCH_COUNT = 40;

    private static final List<Service> SERVICES = List.of(
            new Service(
                    "SVC-CLEANING",
                    "Professional Jewelry Cleaning",
                    "Ultrasonic clean, steam and polish.",
                    "25.00",
                    true),
            new Service(
                    "SVC-WATCH-SERVICE",
                    "Full Watch Service",
                    "Movement overhaul, new gaskets, pressure test.",
                    "650.00",
                    true),
            new Service("SVC-BATTERY", "Watch Battery Replacement", "New battery and gasket check.", "35.00", true),
            new Service("SVC-RESIZING", "Ring Resizing", "Up or down by up to two sizes.", "95.00", false),
            new Service("SVC-ENGRAVING", "Engraving", "Hand-finished engraving, up to 20 characters.", "60.00", false),
            new Service("SVC-APPRAISAL", "Insurance Appraisal", "Written appraisal for insurance.", "150.00", true),
            new Service("SVC-POLISH", "Refinish and Polish", "Restores the original finish of metal.", "120.00", true),
            new Service("SVC-RESTRING", "Pearl Restringing", "Silk restringing with hand-knotting.", "85.00", true),
            new Service("SVC-CLASP", "Clasp Repair", "Repair or replace a worn clasp.", "75.00", false),
            new Service("SVC-DESIGN-CONSULT", "Custom Design Consultation", "An hour with a designer.", "0.00", false),
            new Service("SVC-STRAP", "Leather Strap Replacement", "Genuine leather strap, fitted.", "180.00", true),
            new Service("SVC-PRESSURE-TEST", "Water Resistance Test", "Pressure test and seal check.", "45.00", true));

    private static final List<String> FIRST_NAMES =
            List.of(("Ava Noah Emma Liam Sophia Mason Isabella Ethan Mia James Charlotte Benjamin "
                            + "Amelia Henry Harper Daniel Evelyn Samuel Abigail David Grace Julian Chloe "
                            + "Gabriel Zoe Mateo Nora Leo Hannah Isaac Aria Elijah Layla Hugo Ines Kenji Amara "
                            + "Rafael Freya Omar Sienna Arjun Clara Theo Maya Felix Leila Oscar Yara Caleb")
                    .split(" "));

    private static final List<String> LAST_NAMES =
            List.of(("Thompson Garcia Martinez Robinson Clark Rodriguez Lewis Lee Walker Hall Allen "
                            + "Young Hernandez King Wright Lopez Hill Scott Green Adams Baker Nelson Carter "
                            + "Mitchell Perez Roberts Turner Phillips Campbell Parker Evans Edwards Collins "
                            + "Stewart Sanchez Morris Rogers Reed Cook Morgan Bell Murphy Bailey Rivera Cooper "
                            + "Richardson Cox Howard Ward Torres")
                    .split(" "));

    private static final List<String> INSURERS = List.of("Jewelers Mutual", "Chubb", "Lloyd's Underwriters");

    private static final Map<ProductCategory, List<String>> SEARCHES = new EnumMap<>(Map.of(
            ProductCategory.RINGS, List.of("engagement rings", "sapphire ring", "platinum band", "stacking rings"),
            ProductCategory.NECKLACES, List.of("pearl necklace", "diamond pendant", "gold chain", "tennis necklace"),
            ProductCategory.EARRINGS, List.of("diamond studs", "gold hoops", "drop earrings", "huggies"),
            ProductCategory.BRACELETS, List.of("tennis bracelet", "charm bracelet", "gold bangle", "cuff"),
            ProductCategory.WATCHES, List.of("automatic watch", "diver watch", "chronograph", "rose gold watch")));

    private static final Map<ProductCategory, List<String>> REPAIRS = new EnumMap<>(Map.of(
            ProductCategory.RINGS,
            List.of(
                    "Resize ring half a size up",
                    "Re-tip worn prongs and tighten the centre stone",
                    "Replace missing accent stone"),
            ProductCategory.NECKLACES,
            List.of("Solder broken chain link", "Replace broken clasp", "Shorten chain by 5 cm"),
            ProductCategory.EARRINGS,
            List.of("Replace bent earring post", "Tighten loose stone setting"),
            ProductCategory.BRACELETS,
            List.of("Replace broken clasp", "Solder broken link", "Tighten loose stones"),
            ProductCategory.WATCHES,
            List.of(
                    "Replace scratched watch crystal",
                    "Watch running slow: regulate and service",
                    "Replace worn crown and stem")));

    /** Repairs of pieces bought elsewhere. */
    private static final List<String> OUTSIDE_REPAIRS = List.of(
            "Restring a family pearl necklace with hand-knotting",
            "Repair a vintage brooch pin",
            "Resize an heirloom ring");

    private static final List<String> DESIGNS = List.of(
            "Custom engagement ring: 1.5 ct oval sapphire, platinum halo",
            "Matching wedding bands engraved with the wedding date",
            "Pendant redesigned from a grandmother's brooch",
            "Bespoke cufflinks in 18k yellow gold",
            "Signet ring engraved with a family crest",
            "Anniversary eternity band with 21 diamonds");

    /** One generation: all state of a run, consumed in a fixed order so that the seed decides everything. */
    private static final class Run {

        private final Random random;
        private final LocalDate today;
        private final Instant dayStart;

        private final List<Store> stores = new ArrayList<>();
        private final List<Product> products = new ArrayList<>();
        private final Map<ProductCategory, List<Product>> byCategory = new EnumMap<>(ProductCategory.class);
        private final Map<String, Product> bySku = new LinkedHashMap<>();
        private final List<Consent> consents = new ArrayList<>();
        private final List<Purchase> purchases = new ArrayList<>();
        private final List<ServiceOrder> serviceOrders = new ArrayList<>();
        private final Set<String> emails = new HashSet<>();
        private int purchaseSeq;
        private int policySeq;

        Run(Random random, LocalDate today) {
            this.random = random;
            this.today = today;
            this.dayStart = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        DemoDataset build() {
            stores();
            products();
            List<Profile> profiles = profiles();
            for (Profile profile : profiles) {
                consentsOf(profile);
            }
            for (Profile profile : profiles) {
                purchasesOf(profile);
            }
            serviceOrders(profiles);
            List<BrowsingEvent> events = browsingEvents(profiles);
            List<Customer> customers = new ArrayList<>();
            for (Profile profile : profiles) {
                customers.add(profile.toCustomer());
            }
            return new DemoDataset(today, stores, products, customers, consents, purchases, events, serviceOrders);
        }

        // ---- stores ----

        private void stores() {
            Map<DayOfWeek, List<OpeningHours>> us = hours("10:00", "19:00", "12:00", "17:00");
            Map<DayOfWeek, List<OpeningHours>> london = hours("10:00", "18:30", "12:00", "18:00");
            List<String> all =
                    List.of("JEWELRY_CLEANING", "WATCH_SERVICE", "RESIZING", "ENGRAVING", "APPRAISAL", "CUSTOM_DESIGN");
            stores.add(new Store(
                    "nyc-fifth-avenue",
                    "Concierge Fifth Avenue",
                    "727 Fifth Avenue",
                    "New York",
                    "10022",
                    "US",
                    40.7624,
                    -73.9738,
                    "+1 212 555 0100",
                    us,
                    all));
            stores.add(new Store(
                    "sf-union-square",
                    "Concierge Union Square",
                    "200 Post Street",
                    "San Francisco",
                    "94108",
                    "US",
                    37.7884,
                    -122.4058,
                    "+1 415 555 0100",
                    us,
                    all));
            stores.add(new Store(
                    "chi-michigan-avenue",
                    "Concierge Michigan Avenue",
                    "730 N Michigan Avenue",
                    "Chicago",
                    "60611",
                    "US",
                    41.8958,
                    -87.6244,
                    "+1 312 555 0100",
                    us,
                    List.of("JEWELRY_CLEANING", "WATCH_SERVICE", "RESIZING", "ENGRAVING")));
            stores.add(new Store(
                    "la-rodeo-drive",
                    "Concierge Rodeo Drive",
                    "320 N Rodeo Drive",
                    "Beverly Hills",
                    "90210",
                    "US",
                    34.0696,
                    -118.4033,
                    "+1 310 555 0100",
                    us,
                    List.of("JEWELRY_CLEANING", "RESIZING", "ENGRAVING", "CUSTOM_DESIGN")));
            stores.add(new Store(
                    "lon-bond-street",
                    "Concierge New Bond Street",
                    "160 New Bond Street",
                    "London",
                    "W1S 2UE",
                    "GB",
                    51.5129,
                    -0.1448,
                    "+44 20 7946 0100",
                    london,
                    all));
        }

        private static Map<DayOfWeek, List<OpeningHours>> hours(
                String opens, String closes, String sundayOpens, String sundayCloses) {
            Map<DayOfWeek, List<OpeningHours>> hours = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                hours.put(
                        day,
                        day == DayOfWeek.SUNDAY
                                ? List.of(new OpeningHours(LocalTime.parse(sundayOpens), LocalTime.parse(sundayCloses)))
                                : List.of(new OpeningHours(LocalTime.parse(opens), LocalTime.parse(closes))));
            }
            return hours;
        }

        // ---- products ----

        private void products() {
            for (Map.Entry<ProductCategory, Integer> entry : JEWELRY_COUNTS.entrySet()) {
                jewelry(entry.getKey(), entry.getValue());
            }
            watches();
            for (Service service : SERVICES) {
                add(new Product(
                        service.sku(),
                        service.name(),
                        service.description(),
                        ProductCategory.SERVICES,
                        new BigDecimal(service.price()),
                        CURRENCY,
                        List.of(IMAGE_BASE + service.sku() + ".jpg"),
                        Map.of("kind", "service"),
                        null,
                        service.repurchasable()));
            }
        }

        private void jewelry(ProductCategory category, int count) {
            List<int[]> combinations = new ArrayList<>();
            List<Style> styles = STYLES.get(category);
            for (int s = 0; s < styles.size(); s++) {
                for (int m = 0; m < METALS.size(); m++) {
                    for (int t = 0; t < STONES.size(); t++) {
                        combinations.add(new int[] {s, m, t});
                    }
                }
            }
            Collections.shuffle(combinations, random);
            List<int[]> chosen = new ArrayList<>(combinations.subList(0, count));
            chosen.sort(Comparator.<int[]>comparingInt(c -> c[0])
                    .thenComparingInt(c -> c[1])
                    .thenComparingInt(c -> c[2]));
            int n = 0;
            for (int[] c : chosen) {
                Style style = styles.get(c[0]);
                Metal metal = METALS.get(c[1]);
                Stone stone = STONES.get(c[2]);
                String sku = String.format(Locale.ROOT, "%s-%04d", SKU_PREFIX.get(category), ++n);
                String name = (stone.name().isEmpty() ? "" : stone.name() + " ") + style.name() + " in " + metal.name();
                String description = "A " + style.name().toLowerCase(Locale.ROOT) + " in " + metal.name()
                        + (stone.name().isEmpty()
                                ? ", polished by hand."
                                : ", set with " + stone.name().toLowerCase(Locale.ROOT)
                                        + (stone.name().equals("Pearl") ? "s." : "."));
                BigDecimal price = price((style.base() + stone.extra()) * metal.factor());
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("style", style.name());
                attributes.put("metal", metal.name());
                if (!stone.name().isEmpty()) {
                    attributes.put("stone", stone.name());
                }
                attributes.put("collection", pick(COLLECTIONS));
                int careDays = stone.name().equals("Pearl") ? 365 : metal.careDays();
                add(new Product(
                        sku,
                        name,
                        description,
                        category,
                        price,
                        CURRENCY,
                        images(sku),
                        attributes,
                        careDays,
                        style.repurchasable() || metal.name().equals("Sterling Silver")));
            }
        }

        private void watches() {
            List<int[]> combinations = new ArrayList<>();
            for (int l = 0; l < WATCH_LINES.size(); l++) {
                for (int m = 0; m < WATCH_MODELS.size(); m++) {
                    for (int c = 0; c < WATCH_CASES.size(); c++) {
                        combinations.add(new int[] {l, m, c});
                    }
                }
            }
            Collections.shuffle(combinations, random);
            List<int[]> chosen = new ArrayList<>(combinations.subList(0, WATCH_COUNT));
            chosen.sort(Comparator.<int[]>comparingInt(c -> c[0])
                    .thenComparingInt(c -> c[1])
                    .thenComparingInt(c -> c[2]));
            int n = 0;
            for (int[] c : chosen) {
                String line = WATCH_LINES.get(c[0]);
                WatchModel model = WATCH_MODELS.get(c[1]);
                Metal caseMetal = WATCH_CASES.get(c[2]);
                String sku = String.format(Locale.ROOT, "%s-%04d", SKU_PREFIX.get(ProductCategory.WATCHES), ++n);
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("line", line);
                attributes.put("model", model.name());
                attributes.put("movement", model.movement());
                attributes.put("caseMaterial", caseMetal.name());
                attributes.put("caseSizeMm", Integer.toString(model.caseMm()));
                attributes.put("waterResistance", model.waterResistance());
                add(new Product(
                        sku,
                        line + " " + model.name() + ", " + caseMetal.name(),
                        "A " + model.caseMm() + " mm " + model.movement().toLowerCase(Locale.ROOT) + " watch in "
                                + caseMetal.name().toLowerCase(Locale.ROOT) + ", water resistant to "
                                + model.waterResistance() + ".",
                        ProductCategory.WATCHES,
                        price(model.base() * caseMetal.factor()),
                        CURRENCY,
                        images(sku),
                        attributes,
                        caseMetal.careDays(),
                        false));
            }
        }

        private void add(Product product) {
            products.add(product);
            bySku.put(product.sku(), product);
            byCategory
                    .computeIfAbsent(product.category(), c -> new ArrayList<>())
                    .add(product);
        }

        private static List<String> images(String sku) {
            return List.of(IMAGE_BASE + sku + ".jpg", IMAGE_BASE + sku + "-2.jpg");
        }

        /** A shop price near {@code amount}: x95 below 1,000, x,x50 − 5 above. */
        private BigDecimal price(double amount) {
            double jittered = amount * (0.9 + 0.2 * random.nextDouble());
            long rounded = jittered < 1000
                    ? Math.max(45, Math.round(jittered / 10.0) * 10 - 5)
                    : Math.round(jittered / 50.0) * 50 - 5;
            return BigDecimal.valueOf(rounded).setScale(2, RoundingMode.UNNECESSARY);
        }

        // ---- customers ----

        /** A customer while the generator builds them; tier and points come from their purchases. */
        private final class Profile {
            final int index;
            final String id;
            final String firstName;
            final String lastName;
            final LocalDate birthday;
            final @Nullable LocalDate anniversary;
            final String locale;
            final String homeStoreId;
            final Instant createdAt;
            final List<ProductCategory> favourites;
            final List<Consent> ledger = new ArrayList<>();
            final List<Purchase> bought = new ArrayList<>();

            @Nullable
            LoyaltyTier fixedTier;

            int sessions;

            Profile(
                    int index,
                    String firstName,
                    String lastName,
                    LocalDate birthday,
                    @Nullable LocalDate anniversary,
                    String homeStoreId,
                    Instant createdAt,
                    List<ProductCategory> favourites) {
                this.index = index;
                this.id = "demo-" + index;
                this.firstName = firstName;
                this.lastName = lastName;
                this.birthday = birthday;
                this.anniversary = anniversary;
                this.homeStoreId = homeStoreId;
                this.locale = homeStoreId.startsWith("lon-") ? "en-GB" : "en-US";
                this.createdAt = createdAt;
                this.favourites = favourites;
            }

            boolean granted(ConsentPurpose purpose, Instant at) {
                boolean granted = false;
                for (Consent row : ledger) {
                    if (row.purpose() == purpose && !row.recordedAt().isAfter(at)) {
                        granted = row.granted();
                    }
                }
                return granted;
            }

            BigDecimal spend() {
                return bought.stream().map(Purchase::total).reduce(BigDecimal.ZERO, BigDecimal::add);
            }

            Customer toCustomer() {
                BigDecimal spend = spend();
                LoyaltyTier tier = fixedTier != null ? fixedTier : tierFor(spend);
                int earned = spend.divide(BigDecimal.TEN, 0, RoundingMode.DOWN).intValue();
                int redeemed = earned == 0 ? 0 : random.nextInt(earned / 3 + 1);
                String emailBase =
                        (firstName + "." + lastName).toLowerCase(Locale.ROOT).replace("'", "");
                String email = emailBase + "@example.com";
                if (!emails.add(email)) {
                    email = emailBase + index + "@example.com";
                    emails.add(email);
                }
                String phone = locale.equals("en-GB")
                        ? String.format(Locale.ROOT, "+44 20 7946 0%03d", 200 + index)
                        : String.format(Locale.ROOT, "+1 %s 555 01%02d", areaCode(), index % 100);
                Instant updatedAt = createdAt;
                for (Consent row : ledger) {
                    if (row.recordedAt().isAfter(updatedAt)) {
                        updatedAt = row.recordedAt();
                    }
                }
                return new Customer(
                        id,
                        String.format(Locale.ROOT, "crm-%06d", 100_000 + index * 37),
                        firstName,
                        lastName,
                        email,
                        phone,
                        birthday,
                        anniversary,
                        locale,
                        tier,
                        earned - redeemed,
                        homeStoreId,
                        createdAt,
                        updatedAt);
            }

            private String areaCode() {
                return switch (homeStoreId) {
                    case "sf-union-square" -> "415";
                    case "chi-michigan-avenue" -> "312";
                    case "la-rodeo-drive" -> "310";
                    default -> "212";
                };
            }
        }

        private static LoyaltyTier tierFor(BigDecimal spend) {
            if (spend.compareTo(new BigDecimal("40000")) >= 0) {
                return LoyaltyTier.PLATINUM;
            }
            if (spend.compareTo(new BigDecimal("10000")) >= 0) {
                return LoyaltyTier.GOLD;
            }
            if (spend.compareTo(new BigDecimal("2000")) >= 0) {
                return LoyaltyTier.SILVER;
            }
            return LoyaltyTier.BRONZE;
        }

        private List<Profile> profiles() {
            List<Profile> profiles = new ArrayList<>();
            LocalDate inThreeDays = today.plusDays(3);
            Profile one = new Profile(
                    1,
                    "Olivia",
                    "Bennett",
                    inThreeDays.withYear(1988),
                    today.plusDays(41).withYear(2014),
                    "nyc-fifth-avenue",
                    daysAgo(1400, 11 * 3600),
                    List.of(ProductCategory.WATCHES, ProductCategory.RINGS));
            one.fixedTier = LoyaltyTier.GOLD;
            one.sessions = 30;
            profiles.add(one);
            Profile two = new Profile(
                    2,
                    "Alexander",
                    "Whitmore",
                    LocalDate.of(1971, 11, 2),
                    LocalDate.of(1999, 9, 18),
                    "nyc-fifth-avenue",
                    daysAgo(2000, 15 * 3600),
                    List.of(ProductCategory.WATCHES, ProductCategory.BRACELETS));
            two.fixedTier = LoyaltyTier.PLATINUM;
            two.sessions = 20;
            profiles.add(two);
            Profile three = new Profile(
                    3,
                    "Priya",
                    "Raman",
                    LocalDate.of(1992, 4, 14),
                    null,
                    "sf-union-square",
                    daysAgo(900, 17 * 3600),
                    List.of(ProductCategory.EARRINGS, ProductCategory.NECKLACES));
            three.sessions = 18;
            profiles.add(three);
            Profile four = new Profile(
                    4,
                    "Lucas",
                    "Moreau",
                    LocalDate.of(1996, 7, 30),
                    null,
                    "chi-michigan-avenue",
                    daysAgo(1, 18 * 3600),
                    List.of(ProductCategory.RINGS, ProductCategory.WATCHES));
            four.fixedTier = LoyaltyTier.BRONZE;
            four.sessions = 1;
            profiles.add(four);
            Profile five = new Profile(
                    5,
                    "Margaret",
                    "Chen",
                    LocalDate.of(1964, 2, 9),
                    LocalDate.of(1990, 5, 26),
                    "chi-michigan-avenue",
                    daysAgo(1300, 13 * 3600),
                    List.of(ProductCategory.WATCHES, ProductCategory.NECKLACES));
            five.fixedTier = LoyaltyTier.SILVER;
            five.sessions = 3;
            profiles.add(five);

            List<ProductCategory> jewelry = List.of(
                    ProductCategory.RINGS,
                    ProductCategory.NECKLACES,
                    ProductCategory.EARRINGS,
                    ProductCategory.BRACELETS,
                    ProductCategory.WATCHES);
            for (int i = 6; i <= CUSTOMER_COUNT; i++) {
                String first = pick(FIRST_NAMES);
                String last = pick(LAST_NAMES);
                LocalDate birthday = LocalDate.of(1955, 1, 1).plusDays(random.nextInt(17_000));
                LocalDate anniversary = random.nextInt(100) < 45
                        ? birthday.plusYears(24 + random.nextInt(12)).plusDays(random.nextInt(365))
                        : null;
                while (anniversary != null && !anniversary.isBefore(today)) {
                    anniversary = anniversary.minusYears(10);
                }
                String home =
                        stores.get(weighted(new int[] {35, 20, 15, 15, 15})).id();
                Instant created = daysAgo(30 + random.nextInt(1800), random.nextInt(86_400));
                ProductCategory favourite = pick(jewelry);
                ProductCategory second = pick(jewelry);
                List<ProductCategory> favourites =
                        favourite == second ? List.of(favourite) : List.of(favourite, second);
                Profile profile = new Profile(i, first, last, birthday, anniversary, home, created, favourites);
                profile.sessions = random.nextInt(100) < 15 ? 0 : 1 + random.nextInt(22);
                profiles.add(profile);
            }
            return profiles;
        }

        // ---- consents ----

        private void consentsOf(Profile profile) {
            Instant signup = profile.createdAt;
            switch (profile.index) {
                case 1 -> {
                    for (ConsentPurpose purpose : ConsentPurpose.values()) {
                        if (purpose != ConsentPurpose.PUSH) {
                            record(profile, purpose, true, "signup-store", signup);
                        }
                    }
                    record(profile, ConsentPurpose.PUSH, true, "app-settings", daysAgo(700, 20 * 3600));
                }
                case 2 -> {
                    record(profile, ConsentPurpose.PERSONALIZATION, true, "signup-store", signup);
                    record(profile, ConsentPurpose.BROWSING_TRACKING, true, "signup-store", signup);
                    record(profile, ConsentPurpose.EMAIL, true, "signup-store", signup);
                    record(profile, ConsentPurpose.SMS, true, "signup-store", signup);
                    record(profile, ConsentPurpose.LOCATION, true, "app-settings", daysAgo(1500, 9 * 3600));
                    record(profile, ConsentPurpose.SMS, false, "preference-center", daysAgo(400, 10 * 3600));
                }
                case 3 -> {
                    record(profile, ConsentPurpose.PERSONALIZATION, true, "signup-web", signup);
                    record(profile, ConsentPurpose.BROWSING_TRACKING, true, "signup-web", signup);
                    record(profile, ConsentPurpose.EMAIL, true, "signup-web", signup);
                    record(profile, ConsentPurpose.LOCATION, true, "app-settings", daysAgo(600, 8 * 3600));
                    record(
                            profile,
                            ConsentPurpose.BROWSING_TRACKING,
                            false,
                            "preference-center",
                            daysAgo(60, 21 * 3600));
                    record(profile, ConsentPurpose.LOCATION, false, "app-settings", daysAgo(45, 7 * 3600));
                }
                case 4 -> {
                    record(profile, ConsentPurpose.PERSONALIZATION, true, "signup-web", signup);
                    record(profile, ConsentPurpose.BROWSING_TRACKING, true, "signup-web", signup);
                    record(profile, ConsentPurpose.EMAIL, true, "signup-web", signup);
                }
                case 5 -> {
                    record(profile, ConsentPurpose.PERSONALIZATION, true, "signup-store", signup);
                    record(profile, ConsentPurpose.BROWSING_TRACKING, true, "signup-store", signup);
                    record(profile, ConsentPurpose.EMAIL, true, "signup-store", signup);
                    record(profile, ConsentPurpose.SMS, true, "signup-store", signup);
                }
                default -> randomConsents(profile);
            }
        }

        private void randomConsents(Profile profile) {
            String source = pick(List.of("signup-web", "signup-app", "signup-store"));
            int[] grantPercent = {92, 75, 50, 85, 30, 40};
            ConsentPurpose[] purposes = ConsentPurpose.values();
            for (int p = 0; p < purposes.length; p++) {
                if (random.nextInt(100) < grantPercent[p]) {
                    record(profile, purposes[p], true, source, profile.createdAt);
                }
            }
            long ageDays = Duration.between(profile.createdAt, dayStart).toDays();
            int changes = ageDays < 10 ? 0 : random.nextInt(4);
            List<Instant> times = new ArrayList<>();
            for (int c = 0; c < changes; c++) {
                times.add(profile.createdAt.plusSeconds(3600 + (long) (random.nextDouble() * (ageDays - 1) * 86_400L)));
            }
            Collections.sort(times);
            for (Instant at : times) {
                ConsentPurpose purpose = purposes[random.nextInt(purposes.length)];
                boolean current = profile.granted(purpose, at);
                record(profile, purpose, !current, pick(List.of("preference-center", "app-settings")), truncate(at));
            }
        }

        private void record(Profile profile, ConsentPurpose purpose, boolean granted, String source, Instant at) {
            Consent row = new Consent(profile.id, purpose, granted, source, at);
            profile.ledger.add(row);
            consents.add(row);
        }

        // ---- purchases ----

        private void purchasesOf(Profile profile) {
            switch (profile.index) {
                case 1 -> {
                    buy(
                            profile,
                            1300,
                            Channel.STORE,
                            "nyc-fifth-avenue",
                            find(ProductCategory.RINGS, p -> p.name().contains("Solitaire")));
                    buy(
                            profile,
                            900,
                            Channel.STORE,
                            "nyc-fifth-avenue",
                            find(
                                    ProductCategory.WATCHES,
                                    p -> p.attributes().get("movement").equals("Automatic")
                                            && p.price().compareTo(new BigDecimal("4000")) > 0
                                            && p.price().compareTo(new BigDecimal("9000")) < 0));
                    buy(
                            profile,
                            540,
                            Channel.WEB,
                            null,
                            find(ProductCategory.EARRINGS, p -> p.name().contains("Diamond Stud")));
                    buy(
                            profile,
                            300,
                            Channel.APP,
                            null,
                            find(ProductCategory.NECKLACES, p -> p.name().contains("Pendant")));
                    buy(
                            profile,
                            120,
                            Channel.STORE,
                            "nyc-fifth-avenue",
                            find(ProductCategory.BRACELETS, p -> !p.name().contains("Silver")));
                    buy(profile, 35, Channel.STORE, "nyc-fifth-avenue", bySku.get("SVC-CLEANING"));
                }
                case 2 -> {
                    int[] daysAgo = {1900, 1650, 1400, 1250, 1100, 900, 720, 500, 330, 180, 110, 75};
                    Predicate<Product> fine = p -> p.price().compareTo(new BigDecimal("5000")) >= 0;
                    for (int d = 0; d < daysAgo.length; d++) {
                        Product jewel = find(
                                pick(List.of(
                                        ProductCategory.RINGS, ProductCategory.BRACELETS, ProductCategory.NECKLACES)),
                                fine);
                        if (d % 3 == 0) {
                            buy(
                                    profile,
                                    daysAgo[d],
                                    Channel.STORE,
                                    "nyc-fifth-avenue",
                                    find(ProductCategory.WATCHES, fine),
                                    jewel);
                        } else {
                            buy(profile, daysAgo[d], Channel.STORE, "nyc-fifth-avenue", jewel);
                        }
                    }
                }
                case 3 -> {
                    buy(profile, 700, Channel.STORE, "sf-union-square", find(ProductCategory.EARRINGS, p -> true));
                    buy(profile, 410, Channel.WEB, null, find(ProductCategory.NECKLACES, p -> true));
                    buy(profile, 95, Channel.APP, null, find(ProductCategory.EARRINGS, p -> true));
                }
                case 4 -> {
                    // Brand new: nothing bought yet.
                }
                case 5 -> {
                    buy(
                            profile,
                            820,
                            Channel.STORE,
                            "chi-michigan-avenue",
                            find(
                                    ProductCategory.WATCHES,
                                    p -> p.attributes().get("movement").equals("Automatic")));
                    buy(
                            profile,
                            600,
                            Channel.STORE,
                            "chi-michigan-avenue",
                            find(ProductCategory.NECKLACES, p -> p.name().startsWith("Pearl")));
                    buy(profile, 260, Channel.WEB, null, find(ProductCategory.EARRINGS, p -> true));
                }
                default -> randomPurchases(profile);
            }
        }

        private void randomPurchases(Profile profile) {
            long ageDays = Duration.between(profile.createdAt, dayStart).toDays();
            int count = random.nextInt(100) < 15 ? 0 : 1 + random.nextInt(7);
            List<Long> daysAgo = new ArrayList<>();
            for (int i = 0; i < count && ageDays > 1; i++) {
                daysAgo.add(1 + (long) random.nextInt((int) Math.max(1, ageDays - 1)));
            }
            daysAgo.sort(Comparator.reverseOrder());
            for (long ago : daysAgo) {
                int roll = random.nextInt(100);
                Channel channel =
                        roll < 50 ? Channel.STORE : roll < 60 ? Channel.KIOSK : roll < 85 ? Channel.WEB : Channel.APP;
                String store = channel == Channel.STORE || channel == Channel.KIOSK
                        ? (random.nextInt(100) < 80
                                ? profile.homeStoreId
                                : pick(stores).id())
                        : null;
                int lines = weighted(new int[] {70, 22, 8}) + 1;
                List<Product> chosen = new ArrayList<>();
                for (int l = 0; l < lines; l++) {
                    Product product = random.nextInt(100) < 12
                            ? pick(byCategory.get(ProductCategory.SERVICES))
                            : pick(byCategory.get(
                                    random.nextInt(100) < 70
                                            ? pick(profile.favourites)
                                            : pick(List.of(
                                                    ProductCategory.RINGS,
                                                    ProductCategory.NECKLACES,
                                                    ProductCategory.EARRINGS,
                                                    ProductCategory.BRACELETS,
                                                    ProductCategory.WATCHES))));
                    if (chosen.stream().noneMatch(p -> p.sku().equals(product.sku()))) {
                        chosen.add(product);
                    }
                }
                buy(profile, ago, channel, store, chosen.toArray(Product[]::new));
            }
        }

        /** A product of the category that matches, or any of the category if the catalogue has none. */
        private Product find(ProductCategory category, Predicate<Product> filter) {
            List<Product> matching =
                    byCategory.get(category).stream().filter(filter).toList();
            return pick(matching.isEmpty() ? byCategory.get(category) : matching);
        }

        private void buy(Profile profile, long daysAgo, Channel channel, @Nullable String storeId, Product... lines) {
            Instant at = daysAgo(daysAgo, storeHoursSecond());
            if (at.isBefore(profile.createdAt)) {
                at = profile.createdAt.plusSeconds(600);
            }
            LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
            List<PurchaseItem> items = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int l = 0; l < lines.length; l++) {
                Product product = lines[l];
                int quantity = product.repurchasable()
                                && product.category() != ProductCategory.SERVICES
                                && random.nextInt(100) < 15
                        ? 2
                        : 1;
                items.add(new PurchaseItem(
                        l + 1,
                        product.sku(),
                        quantity,
                        product.price(),
                        product.imageUrls().get(0),
                        insurance(product, date),
                        instructions(product),
                        PurchaseRules.nextServiceDue(date, product.careIntervalDays())));
                total = total.add(product.price().multiply(BigDecimal.valueOf(quantity)));
            }
            purchaseSeq++;
            Purchase purchase = new Purchase(
                    String.format(Locale.ROOT, "p-%05d", purchaseSeq),
                    profile.id,
                    String.format(Locale.ROOT, "demo-purchase-%05d", purchaseSeq),
                    storeId,
                    channel,
                    at,
                    total,
                    CURRENCY,
                    items);
            purchases.add(purchase);
            profile.bought.add(purchase);
        }

        private @Nullable Insurance insurance(Product product, LocalDate purchased) {
            boolean covered = product.category() == ProductCategory.WATCHES
                    || (product.category() != ProductCategory.SERVICES
                            && product.price().compareTo(new BigDecimal("2500")) >= 0);
            if (!covered) {
                return null;
            }
            String provider = pick(INSURERS);
            String prefix = provider.substring(0, 2).toUpperCase(Locale.ROOT);
            policySeq++;
            String policy = String.format(
                    Locale.ROOT, "%s-%d-%06d", prefix, purchased.getYear(), 104_729L * policySeq % 1_000_000);
            return new Insurance(
                    provider, policy, purchased.plusYears(product.category() == ProductCategory.WATCHES ? 3 : 2));
        }

        private static @Nullable String instructions(Product product) {
            if (product.category() == ProductCategory.SERVICES) {
                return null;
            }
            if (product.category() == ProductCategory.WATCHES) {
                return product.attributes().get("movement").equals("Quartz")
                        ? "Battery and gasket check every 2 years; pressure test before swimming."
                        : "Full service every 2 years: movement, gaskets and pressure test. Keep away from magnets.";
            }
            if ("Pearl".equals(product.attributes().get("stone"))) {
                return "Wipe with a soft dry cloth after wearing; no perfume or steam. Restring every 12 months.";
            }
            if ("Sterling Silver".equals(product.attributes().get("metal"))) {
                return "Polish with the silver cloth; store in the anti-tarnish pouch. Professional polish every 4 months.";
            }
            return "Professional clean and stone check every 6 months. Remove for sport, swimming and housework.";
        }

        // ---- service orders ----

        private void serviceOrders(List<Profile> profiles) {
            Profile one = profiles.get(0);
            String watch = one.bought.get(1).items().get(0).sku();
            serviceOrder(
                    one,
                    ServiceOrderKind.REPAIR,
                    "Watch running slow: regulate and service",
                    watch,
                    "nyc-fifth-avenue",
                    ServiceOrderStatus.IN_PROGRESS,
                    6,
                    14,
                    false);
            Profile two = profiles.get(1);
            serviceOrder(
                    two,
                    ServiceOrderKind.CUSTOM_DESIGN,
                    "Anniversary eternity band with 21 diamonds, platinum",
                    null,
                    "nyc-fifth-avenue",
                    ServiceOrderStatus.READY_FOR_PICKUP,
                    45,
                    46,
                    true);
            Profile five = profiles.get(4);
            serviceOrder(
                    five,
                    ServiceOrderKind.REPAIR,
                    "Replace broken clasp",
                    five.bought.get(1).items().get(0).sku(),
                    "chi-michigan-avenue",
                    ServiceOrderStatus.DELIVERED,
                    560,
                    10,
                    false);

            List<Profile> eligible = profiles.stream().filter(p -> p.index > 5).toList();
            ServiceOrderStatus[] statuses = ServiceOrderStatus.values();
            for (int i = 0; i < 20; i++) {
                ServiceOrderStatus status = statuses[i % statuses.length];
                ServiceOrderKind kind =
                        (i / statuses.length) % 2 == 0 ? ServiceOrderKind.REPAIR : ServiceOrderKind.CUSTOM_DESIGN;
                Profile profile = pick(eligible);
                int duration = kind == ServiceOrderKind.REPAIR ? 10 + random.nextInt(8) : 35 + random.nextInt(20);
                int ago = switch (status) {
                    case RECEIVED -> 1 + random.nextInt(2);
                    case IN_PROGRESS -> 3 + random.nextInt(Math.max(1, duration / 3));
                    case QUALITY_CHECK -> duration / 2 + random.nextInt(Math.max(1, duration / 3));
                    case READY_FOR_PICKUP -> duration - 2 + random.nextInt(5);
                    case DELIVERED -> duration + 20 + random.nextInt(300);
                };
                long ageDays = Duration.between(profile.createdAt, dayStart).toDays();
                ago = (int) Math.min(ago, Math.max(1, ageDays - 1));
                String sku = null;
                String description;
                if (kind == ServiceOrderKind.REPAIR) {
                    List<Product> owned = profile.bought.stream()
                            .flatMap(p -> p.items().stream())
                            .map(item -> bySku.get(item.sku()))
                            .filter(p -> p.category() != ProductCategory.SERVICES)
                            .toList();
                    if (owned.isEmpty()) {
                        description = pick(OUTSIDE_REPAIRS);
                    } else {
                        Product piece = pick(owned);
                        sku = piece.sku();
                        description = pick(REPAIRS.get(piece.category()));
                    }
                } else {
                    description = pick(DESIGNS);
                }
                serviceOrder(
                        profile,
                        kind,
                        description,
                        sku,
                        profile.homeStoreId,
                        status,
                        ago,
                        duration,
                        status.ordinal() >= ServiceOrderStatus.READY_FOR_PICKUP.ordinal() && i % 2 == 1);
            }
        }

        private void serviceOrder(
                Profile profile,
                ServiceOrderKind kind,
                String description,
                @Nullable String sku,
                String storeId,
                ServiceOrderStatus status,
                int createdDaysAgo,
                int durationDays,
                boolean rework) {
            List<ServiceOrderStatus> steps = new ArrayList<>();
            for (ServiceOrderStatus s : ServiceOrderStatus.values()) {
                steps.add(s);
                if (rework && s == ServiceOrderStatus.QUALITY_CHECK) {
                    steps.add(ServiceOrderStatus.IN_PROGRESS);
                    steps.add(ServiceOrderStatus.QUALITY_CHECK);
                }
                if (s == status) {
                    break;
                }
            }
            Instant created = daysAgo(createdDaysAgo, storeHoursSecond());
            if (created.isBefore(profile.createdAt)) {
                created = profile.createdAt.plusSeconds(900);
            }
            LocalDate expected = LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(durationDays);
            // Steps are spread over the order's elapsed time, ending before today; delivered orders
            // end a few days after the expected date at the latest.
            Instant end = status == ServiceOrderStatus.DELIVERED
                    ? min(
                            expected.plusDays(random.nextInt(4))
                                    .atStartOfDay(ZoneOffset.UTC)
                                    .toInstant()
                                    .plusSeconds(15 * 3600),
                            dayStart.minusSeconds(3600))
                    : dayStart.minusSeconds(3600 + random.nextInt(6 * 3600));
            end = created.isAfter(end) ? created : end;
            long span = Math.max(steps.size(), Duration.between(created, end).getSeconds());
            List<StatusChange> history = new ArrayList<>();
            String store = stores.stream()
                    .filter(s -> s.id().equals(storeId))
                    .findFirst()
                    .orElseThrow()
                    .name();
            String staff = "staff:" + storeId;
            for (int s = 0; s < steps.size(); s++) {
                Instant at = s == 0 ? created : created.plusSeconds(span * s / steps.size() + random.nextInt(3600));
                at = truncate(min(at, end));
                ServiceOrderStatus step = steps.get(s);
                boolean back = s > 0
                        && step == ServiceOrderStatus.IN_PROGRESS
                        && steps.get(s - 1) == ServiceOrderStatus.QUALITY_CHECK;
                String note = switch (step) {
                    case RECEIVED -> "Received at " + store;
                    case IN_PROGRESS -> back ? "Back to the bench: finish not yet even" : "At the workshop bench";
                    case QUALITY_CHECK -> "Quality check";
                    case READY_FOR_PICKUP -> "Ready for pickup at " + store;
                    case DELIVERED -> "Collected by the customer";
                };
                if (!history.isEmpty()
                        && at.isBefore(history.get(history.size() - 1).changedAt())) {
                    at = history.get(history.size() - 1).changedAt();
                }
                history.add(new StatusChange(step, note, staff, at));
            }
            Instant updated = history.get(history.size() - 1).changedAt();
            serviceOrders.add(new ServiceOrder(
                    String.format(Locale.ROOT, "so-%04d", serviceOrders.size() + 1),
                    profile.id,
                    kind,
                    description,
                    sku,
                    storeId,
                    status,
                    expected,
                    created,
                    updated,
                    history));
        }

        // ---- browsing events ----

        private record Draft(
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

        private List<BrowsingEvent> browsingEvents(List<Profile> profiles) {
            Instant windowStart = dayStart.minus(BROWSING_DAYS, ChronoUnit.DAYS);
            List<Draft> drafts = new ArrayList<>();
            for (Profile profile : profiles) {
                Instant from = profile.createdAt.isAfter(windowStart) ? profile.createdAt : windowStart;
                List<Instant> starts = new ArrayList<>();
                for (int s = 0; s < profile.sessions; s++) {
                    long seconds = Duration.between(from, dayStart).getSeconds() - 3600L;
                    starts.add(truncate(from.plusSeconds(60 + (long) (random.nextDouble() * Math.max(60, seconds)))));
                }
                Collections.sort(starts);
                for (Instant start : starts) {
                    session(profile.id, null, profile.homeStoreId, profile.favourites, start).stream()
                            .filter(d -> profile.granted(ConsentPurpose.BROWSING_TRACKING, d.occurredAt()))
                            .forEach(drafts::add);
                }
            }
            for (int a = 0; a < 30; a++) {
                String anonymousId = String.format(Locale.ROOT, "anon-%012x", random.nextLong() & 0xffff_ffff_ffffL);
                int sessions = 1 + random.nextInt(4);
                List<ProductCategory> favourites = List.of(pick(List.of(
                        ProductCategory.RINGS,
                        ProductCategory.NECKLACES,
                        ProductCategory.EARRINGS,
                        ProductCategory.BRACELETS,
                        ProductCategory.WATCHES)));
                for (int s = 0; s < sessions; s++) {
                    Instant start = truncate(
                            windowStart.plusSeconds((long) (random.nextDouble() * (BROWSING_DAYS - 1) * 86_400L)));
                    drafts.addAll(session(null, anonymousId, pick(stores).id(), favourites, start));
                }
            }
            drafts.sort(Comparator.comparing(Draft::occurredAt));
            List<BrowsingEvent> events = new ArrayList<>(drafts.size());
            for (int i = 0; i < drafts.size(); i++) {
                Draft d = drafts.get(i);
                events.add(new BrowsingEvent(
                        String.format(Locale.ROOT, "demo-ev-%06d", i + 1),
                        d.customerId(),
                        d.anonymousId(),
                        d.type(),
                        d.sku(),
                        d.category(),
                        d.query(),
                        d.storeId(),
                        d.page(),
                        d.channel(),
                        d.occurredAt()));
            }
            return events;
        }

        /** One visit: a channel, a landing page, then product views, searches and the odd add to cart. */
        private List<Draft> session(
                @Nullable String customerId,
                @Nullable String anonymousId,
                String nearStoreId,
                List<ProductCategory> favourites,
                Instant start) {
            List<Draft> session = new ArrayList<>();
            if (customerId != null && random.nextInt(100) < 6) {
                session.add(new Draft(
                        customerId,
                        null,
                        EventType.STORE_VISIT,
                        null,
                        null,
                        null,
                        nearStoreId,
                        null,
                        Channel.STORE,
                        start));
                return session;
            }
            int roll = random.nextInt(100);
            Channel channel = customerId == null
                    ? (roll < 55 ? Channel.WEB : roll < 80 ? Channel.APP : Channel.KIOSK)
                    : (roll < 45 ? Channel.WEB : roll < 75 ? Channel.APP : roll < 87 ? Channel.WATCH : Channel.KIOSK);
            String storeId = channel == Channel.KIOSK ? nearStoreId : null;
            ProductCategory focus = random.nextInt(100) < 75
                    ? pick(favourites)
                    : pick(List.of(
                            ProductCategory.RINGS,
                            ProductCategory.NECKLACES,
                            ProductCategory.EARRINGS,
                            ProductCategory.BRACELETS,
                            ProductCategory.WATCHES));
            String collection = "/collections/" + focus.name().toLowerCase(Locale.ROOT);
            Instant at = start;
            boolean home = random.nextBoolean();
            session.add(new Draft(
                    customerId,
                    anonymousId,
                    EventType.PAGE_VIEW,
                    null,
                    home ? null : focus,
                    null,
                    storeId,
                    home ? "/" : collection,
                    channel,
                    at));
            int steps = channel == Channel.WATCH ? 1 + random.nextInt(2) : 2 + random.nextInt(6);
            for (int s = 0; s < steps; s++) {
                at = at.plusSeconds(20 + random.nextInt(220));
                if (!at.isBefore(dayStart)) {
                    break;
                }
                int kind = random.nextInt(100);
                if (kind < 15 && channel != Channel.WATCH) {
                    session.add(new Draft(
                            customerId,
                            anonymousId,
                            EventType.SEARCH,
                            null,
                            null,
                            pick(SEARCHES.get(focus)),
                            storeId,
                            "/search",
                            channel,
                            at));
                } else if (kind < 25
                        && !session.isEmpty()
                        && session.get(session.size() - 1).type() == EventType.PRODUCT_VIEW) {
                    Draft viewed = session.get(session.size() - 1);
                    session.add(new Draft(
                            customerId,
                            anonymousId,
                            EventType.ADD_TO_CART,
                            viewed.sku(),
                            viewed.category(),
                            null,
                            storeId,
                            viewed.page(),
                            channel,
                            at));
                } else {
                    Product product = pick(byCategory.get(focus));
                    session.add(new Draft(
                            customerId,
                            anonymousId,
                            EventType.PRODUCT_VIEW,
                            product.sku(),
                            focus,
                            null,
                            storeId,
                            "/products/" + product.sku(),
                            channel,
                            at));
                }
            }
            return session;
        }

        // ---- helpers ----

        private Instant daysAgo(long days, int secondOfDay) {
            return dayStart.minus(days, ChronoUnit.DAYS).plusSeconds(secondOfDay);
        }

        private int storeHoursSecond() {
            return 14 * 3600 + random.nextInt(9 * 3600);
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private int weighted(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int roll = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private static Instant min(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }

        private static Instant truncate(Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS);
        }
    }
}
