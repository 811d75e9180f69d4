package dev.concierge.api.seed;

import dev.concierge.api.seed.Distributions.Weighted;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a {@link SeedPlan} into a migrated database that already holds stores (the demo data), in
 * one transaction: products, customers with consents, purchases with their lines, browsing events,
 * then the customer aggregates derived from those rows with the same SQL the demo loader uses.
 *
 * <p>Each kind of row draws from its own random stream of the plan's seed, so the result depends on
 * the plan alone. Purchases are replayed from the same stream three times: to learn each customer's
 * spend (their loyalty tier is written with the customer, before the purchases that reference it),
 * to write the purchases, and to write their lines (one COPY at a time per connection).
 */
final class Seeder {

    private static final String[] CATEGORIES = {"RINGS", "NECKLACES", "EARRINGS", "BRACELETS", "WATCHES", "SERVICES"};
    private static final String[] SKU_CODES = {"RNG", "NCK", "EAR", "BRC", "WCH", "SVC"};
    private static final double[] CATEGORY_SHARES = {0.28, 0.22, 0.20, 0.15, 0.10, 0.05};
    private static final int WATCHES = 4;
    private static final int SERVICES = 5;
    private static final String[] STYLES = {
        "Solitaire",
        "Eternity",
        "Halo",
        "Signet",
        "Stacking",
        "Pendant",
        "Tennis",
        "Hoop",
        "Drop",
        "Bangle",
        "Cuff",
        "Chronograph",
        "Diver",
        "Dress",
        "Pilot",
        "Care"
    };
    private static final String[] METALS = {"Yellow Gold", "White Gold", "Rose Gold", "Platinum", "Silver", "Steel"};
    private static final String[] FIRST_NAMES =
            "Ava Noah Emma Liam Sophia Mason Mia James Amelia Henry Harper Daniel Grace Julian Chloe Leo Nora Omar Yara Felix"
                    .split(" ");
    private static final String[] LAST_NAMES =
            "Thompson Garcia Martinez Clark Lee Walker Hall Young King Wright Lopez Hill Scott Green Baker Carter Evans Reed"
                    .split(" ");
    private static final String[] SEARCHES = {
        "engagement rings", "diamond studs", "gold hoops", "tennis bracelet", "diver watch", "pearl necklace"
    };
    private static final String[] EVENT_TYPES = {"PAGE_VIEW", "PRODUCT_VIEW", "SEARCH", "ADD_TO_CART", "STORE_VISIT"};
    private static final double[] EVENT_SHARES = {0.40, 0.38, 0.10, 0.09, 0.03};
    private static final String[] CHANNELS = {"WEB", "APP", "WATCH", "KIOSK"};
    private static final double[] CHANNEL_SHARES = {0.60, 0.33, 0.03, 0.04};
    /** Share of browsing by signed-out visitors. */
    private static final double ANONYMOUS_SHARE = 0.15;
    /** How far back purchases and events go. */
    private static final int HISTORY_DAYS = 365;

    private static final String SOURCE = "seed";

    private final SeedPlan plan;
    private final LongSupplier nanoTime;

    Seeder(SeedPlan plan, LongSupplier nanoTime) {
        this.plan = plan;
        this.nanoTime = nanoTime;
    }

    /** What a run wrote, and how long each step took. */
    record Summary(Map<String, Long> rows, Map<String, Duration> steps, Duration total) {

        long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }

        double rowsPerSecond() {
            return totalRows() / Math.max(0.001, total.toNanos() / 1e9);
        }
    }

    /** Seeds in one transaction on {@code connection}, then analyzes the tables; throws when it cannot. */
    Summary seed(Connection connection) throws SQLException {
        long start = nanoTime.getAsLong();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Duration> steps = new LinkedHashMap<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local synchronous_commit = off");
                statement.execute("set local work_mem = '256MB'");
            }
            List<String> stores = stores(connection);
            CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
            Catalogue catalogue = new Catalogue(plan);
            Weighted days = Distributions.seasonalDays(plan.today(), HISTORY_DAYS);

            long mark = nanoTime.getAsLong();
            rows.put("products", catalogue.write(copies));
            mark = step(steps, "products", mark);

            Customers customers = new Customers(plan, stores);
            long[] spend = new long[plan.customers() + 1];
            Purchases sales = new Purchases(plan, catalogue, customers, stores, days);
            sales.draw(null, spend);
            long[] written = customers.write(copies, spend);
            rows.put("customers", written[0]);
            rows.put("consent_ledger", written[1]);
            mark = step(steps, "customers", mark);

            long[] purchases = sales.draw(copies, spend);
            rows.put("purchases", purchases[0]);
            rows.put("purchase_items", purchases[1]);
            mark = step(steps, "purchases", mark);

            rows.put("browsing_events", events(connection, copies, catalogue, customers, stores, days));
            rows.put("browsing_event_ids", update(connection, """
                    insert into browsing_event_ids (event_id, received_at)
                    select event_id, received_at from browsing_events where event_id like ?""", plan.idPattern()));
            mark = step(steps, "events", mark);

            rows.putAll(aggregates(connection));
            step(steps, "aggregates", mark);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        long mark = nanoTime.getAsLong();
        try (Statement statement = connection.createStatement()) {
            // Fresh statistics, so that the load tests meet the plans a long-lived database has.
            statement.execute("analyze products, customers, consent_ledger, purchases, purchase_items, browsing_events,"
                    + " browsing_event_ids, customer_daily_activity, customer_category_purchases,"
                    + " customer_sku_purchases, customer_daily_spend, customer_stats");
        }
        step(steps, "analyze", mark);
        return new Summary(rows, steps, Duration.ofNanos(nanoTime.getAsLong() - start));
    }

    private long step(Map<String, Duration> steps, String name, long since) {
        long now = nanoTime.getAsLong();
        steps.put(name, Duration.ofNanos(now - since));
        return now;
    }

    /** The stores to attach customers and sales to; the plan's customers must not exist yet. */
    private List<String> stores(Connection connection) throws SQLException {
        try (PreparedStatement seeded =
                connection.prepareStatement("select exists (select 1 from customers where id = ?)")) {
            seeded.setString(1, plan.customerId(1));
            try (ResultSet rs = seeded.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new IllegalStateException("The database already holds customers with prefix '" + plan.prefix()
                            + "'; seed a fresh data directory or choose another --prefix");
                }
            }
        }
        List<String> stores = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select id from stores order by id")) {
            while (rs.next()) {
                stores.add(rs.getString(1));
            }
        }
        if (stores.isEmpty()) {
            throw new IllegalStateException(
                    "The database holds no stores: seed on top of the demo data (concierge.demo-data.enabled=true)");
        }
        return stores;
    }

    private static long update(Connection connection, String sql, String pattern) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, pattern);
            return statement.executeLargeUpdate();
        }
    }

    private static Instant at(LocalDate day, SplittableRandom random) {
        // Shop hours, 09:00 to 21:00 UTC: every time lies before the start of today.
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(9 * 3600 + random.nextInt(12 * 3600));
    }

    private static Weighted weights(double[] shares) {
        return new Weighted(shares);
    }

    /** The seeded catalogue: category, price and popularity of each product. */
    static final class Catalogue {

        final SeedPlan plan;
        final int[] category;
        final long[] priceCents;
        final int[] careDays;
        final Weighted popularity;

        Catalogue(SeedPlan plan) {
            this.plan = plan;
            SplittableRandom random = new SplittableRandom(plan.seed());
            int n = plan.products();
            category = new int[n + 1];
            priceCents = new long[n + 1];
            careDays = new int[n + 1];
            Weighted categories = weights(CATEGORY_SHARES);
            for (int i = 1; i <= n; i++) {
                int c = categories.sample(random);
                category[i] = c;
                double mean = c == WATCHES ? 8.3 : c == SERVICES ? 4.5 : 6.6;
                double spread = c == WATCHES ? 0.5 : 0.8;
                long dollars = Math.max(25, Math.round(Math.exp(mean + spread * random.nextGaussian())));
                priceCents[i] = dollars * 100 - (dollars > 100 ? 500 : 0);
                careDays[i] = c == WATCHES ? 730 : c == SERVICES ? 0 : random.nextBoolean() ? 180 : 0;
            }
            popularity = Distributions.zipf(n, 1.07, random);
        }

        /** A product by popularity, 1-based. */
        int popular(SplittableRandom random) {
            return popularity.sample(random) + 1;
        }

        String sku(int product) {
            return "%s-%s-%06d".formatted(plan.skuPrefix(), SKU_CODES[category[product]], product);
        }

        String image(int product) {
            return "https://images.concierge.example/seed/" + sku(product) + ".jpg";
        }

        long write(CopyManager copies) throws SQLException {
            SplittableRandom random = new SplittableRandom(plan.seed() + 1);
            try (CopyRows rows = CopyRows.into(
                    copies,
                    "products",
                    "sku, name, description, category, price, currency, image_urls, attributes, care_interval_days,"
                            + " repurchasable")) {
                for (int i = 1; i <= plan.products(); i++) {
                    String style = STYLES[random.nextInt(STYLES.length)];
                    String metal = METALS[random.nextInt(METALS.length)];
                    String name = style + " " + CATEGORIES[category[i]].toLowerCase(Locale.ROOT) + " in " + metal;
                    rows.text(sku(i))
                            .text(name)
                            .text("A seeded " + name.toLowerCase(Locale.ROOT) + ".")
                            .text(CATEGORIES[category[i]])
                            .cents(priceCents[i])
                            .text("USD")
                            .text("{" + image(i) + "}")
                            .text("{\"metal\": \"" + metal + "\", \"style\": \"" + style + "\"}");
                    if (careDays[i] > 0) {
                        rows.number(careDays[i]);
                    } else {
                        rows.nullValue();
                    }
                    rows.bool(category[i] == SERVICES || metal.equals("Silver")).endRow();
                }
                rows.finish();
                return rows.rows();
            }
        }
    }

    /** The seeded customers: how active each is, and who buys. */
    static final class Customers {

        final SeedPlan plan;
        final List<String> stores;
        final int[] homeStore;
        /** Browsing activity: heavy and light customers. */
        final Weighted browsing;
        /** Buying: the same skew, without the prospects. */
        final Weighted buying;

        Customers(SeedPlan plan, List<String> stores) {
            this.plan = plan;
            this.stores = stores;
            SplittableRandom random = new SplittableRandom(plan.seed() + 2);
            int n = plan.customers();
            homeStore = new int[n + 1];
            double[] activity = new double[n + 1];
            double[] purchase = new double[n + 1];
            for (int i = 1; i <= n; i++) {
                homeStore[i] = random.nextInt(stores.size());
                activity[i] = Distributions.paretoWeight(random);
                purchase[i] = SeedPlan.isProspect(i) ? 0 : activity[i];
            }
            browsing = new Weighted(activity);
            buying = new Weighted(purchase);
        }

        /** Writes customers and their consent ledger; returns both row counts. */
        long[] write(CopyManager copies, long[] spendCents) throws SQLException {
            SplittableRandom random = new SplittableRandom(plan.seed() + 3);
            LocalDate today = plan.today();
            long[] joined = new long[plan.customers() + 1];
            try (CopyRows rows = CopyRows.into(
                    copies,
                    "customers",
                    "id, external_id, first_name, last_name, email, phone, birthday, anniversary, locale,"
                            + " loyalty_tier, loyalty_points, home_store_id, created_at, updated_at")) {
                for (int i = 1; i <= plan.customers(); i++) {
                    String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                    String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
                    // Customers joined before the history starts, so nothing of theirs predates them.
                    Instant created = at(today.minusDays(HISTORY_DAYS + 1 + random.nextInt(1000)), random);
                    joined[i] = created.getEpochSecond();
                    LocalDate birthday =
                            LocalDate.of(1950 + random.nextInt(55), 1, 1).plusDays(random.nextInt(365));
                    LocalDate anniversary = random.nextInt(10) < 4
                            ? LocalDate.of(1980 + random.nextInt(44), 1, 1).plusDays(random.nextInt(365))
                            : null;
                    String store = stores.get(homeStore[i]);
                    rows.text(plan.customerId(i))
                            .text(plan.prefix() + "-x-" + i)
                            .text(first)
                            .text(last)
                            .text((first + "." + last + "." + i + "@" + plan.prefix() + ".example")
                                    .toLowerCase(Locale.ROOT))
                            .text("+1 555 %07d".formatted(i % 10_000_000))
                            .date(birthday)
                            .date(anniversary)
                            .text(store.startsWith("lon-") ? "en-GB" : "en-US")
                            .text(tier(spendCents[i]))
                            .number(spendCents[i] / 1000)
                            .text(store)
                            .time(created)
                            .time(created)
                            .endRow();
                }
                rows.finish();
            }
            long consentRows;
            try (CopyRows rows =
                    CopyRows.into(copies, "consent_ledger", "customer_id, purpose, granted, source, recorded_at")) {
                SplittableRandom grants = new SplittableRandom(plan.seed() + 4);
                for (int i = 1; i <= plan.customers(); i++) {
                    Instant at = Instant.ofEpochSecond(joined[i]);
                    consent(rows, i, "PERSONALIZATION", SeedPlan.isProspect(i) || grants.nextDouble() < 0.92, at);
                    consent(rows, i, "BROWSING_TRACKING", grants.nextDouble() < 0.85, at);
                    consent(rows, i, "EMAIL", grants.nextDouble() < 0.55, at);
                    consent(rows, i, "LOCATION", grants.nextDouble() < 0.25, at);
                }
                rows.finish();
                consentRows = rows.rows();
            }
            return new long[] {plan.customers(), consentRows};
        }

        private void consent(CopyRows rows, int customer, String purpose, boolean granted, Instant at)
                throws SQLException {
            rows.text(plan.customerId(customer))
                    .text(purpose)
                    .bool(granted)
                    .text(SOURCE)
                    .time(at)
                    .endRow();
        }

        /** The tier the demo data gives for a spend. */
        static String tier(long spendCents) {
            if (spendCents >= 4_000_000) {
                return "PLATINUM";
            }
            if (spendCents >= 1_000_000) {
                return "GOLD";
            }
            return spendCents >= 200_000 ? "SILVER" : "BRONZE";
        }
    }

    /** The seeded sales, replayed from one random stream, see {@link Seeder}. */
    record Purchases(SeedPlan plan, Catalogue catalogue, Customers customers, List<String> stores, Weighted days) {

        /**
         * Draws every purchase, adding each customer's spend to {@code spendCents} when {@code copies}
         * is null, writing purchases and lines otherwise; returns both row counts.
         */
        long[] draw(@Nullable CopyManager copies, long[] spendCents) throws SQLException {
            if (copies == null) {
                replay(null, null, spendCents);
                return new long[] {0, 0};
            }
            long purchases;
            try (CopyRows rows = CopyRows.into(
                    copies,
                    "purchases",
                    "id, customer_id, idempotency_key, store_id, channel, purchased_at, total, currency, created_at")) {
                replay(rows, null, null);
                rows.finish();
                purchases = rows.rows();
            }
            // One COPY at a time on a connection: the lines are a second replay of the same draws.
            try (CopyRows rows = CopyRows.into(
                    copies,
                    "purchase_items",
                    "purchase_id, line_no, sku, quantity, unit_price, image_url, insurance_provider, insurance_policy,"
                            + " insurance_valid_until, next_service_due")) {
                replay(null, rows, null);
                rows.finish();
                return new long[] {purchases, rows.rows()};
            }
        }

        /** One pass over the draws: writes purchases, or lines, or adds up spend. */
        private void replay(@Nullable CopyRows purchases, @Nullable CopyRows items, long @Nullable [] spendCents)
                throws SQLException {
            SplittableRandom random = new SplittableRandom(plan.seed() + 5);
            int[] skus = new int[3];
            int[] quantities = new int[3];
            for (int p = 1; p <= plan.purchases(); p++) {
                int customer = customers.buying.sample(random);
                LocalDate day = plan.today().minusDays(days.sample(random) + 1);
                Instant at = at(day, random);
                double channel = random.nextDouble();
                int lines = random.nextDouble() < 0.7 ? 1 : random.nextDouble() < 0.75 ? 2 : 3;
                long total = 0;
                for (int line = 0; line < lines; line++) {
                    skus[line] = catalogue.popular(random);
                    quantities[line] = random.nextDouble() < 0.95 ? 1 : 2;
                    total += quantities[line] * catalogue.priceCents[skus[line]];
                }
                boolean insured = random.nextBoolean();
                String id = plan.prefix() + "-p-" + p;
                if (spendCents != null) {
                    spendCents[customer] += total;
                }
                if (purchases != null) {
                    // Most sales happen in the customer's home store; the rest online.
                    String store = channel < 0.55 ? stores.get(customers.homeStore[customer]) : null;
                    purchases
                            .text(id)
                            .text(plan.customerId(customer))
                            .text(plan.prefix() + "-k-" + p)
                            .text(store)
                            .text(store != null ? "STORE" : channel < 0.9 ? "WEB" : "APP")
                            .time(at)
                            .cents(total)
                            .text("USD")
                            .time(at)
                            .endRow();
                }
                if (items != null) {
                    for (int line = 0; line < lines; line++) {
                        int product = skus[line];
                        boolean watch = catalogue.category[product] == WATCHES;
                        items.text(id)
                                .number(line + 1L)
                                .text(catalogue.sku(product))
                                .number(quantities[line])
                                .cents(catalogue.priceCents[product])
                                .text(catalogue.image(product));
                        if (watch && insured) {
                            items.text("Jewelers Mutual")
                                    .text(id + "-" + (line + 1))
                                    .date(day.plusYears(2));
                        } else {
                            items.nullValue().nullValue().nullValue();
                        }
                        int care = catalogue.careDays[product];
                        items.date(care > 0 ? day.plusDays(care) : null).endRow();
                    }
                }
            }
        }
    }

    private long events(
            Connection connection,
            CopyManager copies,
            Catalogue catalogue,
            Customers customers,
            List<String> stores,
            Weighted days)
            throws SQLException {
        try (PreparedStatement ensure = connection.prepareStatement("select ensure_browsing_event_partitions(?, ?)")) {
            ensure.setObject(1, plan.today().minusDays(HISTORY_DAYS + 1));
            ensure.setObject(2, plan.today());
            ensure.execute();
        }
        SplittableRandom random = new SplittableRandom(plan.seed() + 6);
        Weighted types = weights(EVENT_SHARES);
        Weighted channels = weights(CHANNEL_SHARES);
        int anonymousVisitors = Math.max(1, plan.customers() * 3);
        try (CopyRows rows = CopyRows.into(
                copies,
                "browsing_events",
                "event_id, customer_id, anonymous_id, type, sku, category, query, store_id, page, channel, occurred_at,"
                        + " received_at")) {
            for (int e = 1; e <= plan.events(); e++) {
                boolean anonymous = random.nextDouble() < ANONYMOUS_SHARE;
                int type = types.sample(random);
                int product = catalogue.popular(random);
                Instant at = at(plan.today().minusDays(days.sample(random) + 1), random);
                rows.text(plan.prefix() + "-e-" + e);
                if (anonymous) {
                    rows.nullValue().text(plan.prefix() + "-anon-" + (1 + random.nextInt(anonymousVisitors)));
                } else {
                    rows.text(plan.customerId(customers.browsing.sample(random)))
                            .nullValue();
                }
                String category = CATEGORIES[catalogue.category[product]];
                rows.text(EVENT_TYPES[type]);
                switch (EVENT_TYPES[type]) {
                    case "PRODUCT_VIEW", "ADD_TO_CART" ->
                        rows.text(catalogue.sku(product))
                                .text(category)
                                .nullValue()
                                .nullValue()
                                .text("/products/" + catalogue.sku(product))
                                .text(CHANNELS[channels.sample(random)]);
                    case "SEARCH" ->
                        rows.nullValue()
                                .nullValue()
                                .text(SEARCHES[random.nextInt(SEARCHES.length)])
                                .nullValue()
                                .text("/search")
                                .text(CHANNELS[channels.sample(random)]);
                    case "STORE_VISIT" ->
                        rows.nullValue()
                                .nullValue()
                                .nullValue()
                                .text(stores.get(random.nextInt(stores.size())))
                                .nullValue()
                                .text("STORE");
                    default ->
                        rows.nullValue()
                                .text(category)
                                .nullValue()
                                .nullValue()
                                .text("/collections/" + category.toLowerCase(Locale.ROOT))
                                .text(CHANNELS[channels.sample(random)]);
                }
                rows.time(at).time(at).endRow();
            }
            rows.finish();
            return rows.rows();
        }
    }

    /** The aggregates of the seeded customers, by the demo loader's rules; returns rows per table. */
    private Map<String, Long> aggregates(Connection connection) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("customer_daily_activity", update(connection, """
                insert into customer_daily_activity (customer_id, day, event_type, category, event_count)
                select customer_id, (occurred_at at time zone 'UTC')::date, type, coalesce(category, ''), count(*)
                from browsing_events where customer_id like ? group by 1, 2, 3, 4""", plan.idPattern()));
        rows.put("customer_category_purchases", update(connection, """
                insert into customer_category_purchases (customer_id, category, first_purchased_at, last_purchased_at,
                                                         purchase_count, spend)
                select p.customer_id, pr.category, min(p.purchased_at), max(p.purchased_at), count(distinct p.id),
                       sum(i.quantity * i.unit_price)
                from purchases p join purchase_items i on i.purchase_id = p.id join products pr on pr.sku = i.sku
                where p.customer_id like ? group by 1, 2""", plan.idPattern()));
        rows.put("customer_sku_purchases", update(connection, """
                insert into customer_sku_purchases (customer_id, sku, last_purchased_at, purchase_count)
                select p.customer_id, i.sku, max(p.purchased_at), count(distinct p.id)
                from purchases p join purchase_items i on i.purchase_id = p.id
                where p.customer_id like ? group by 1, 2""", plan.idPattern()));
        rows.put("customer_daily_spend", update(connection, """
                insert into customer_daily_spend (customer_id, day, spend)
                select customer_id, (purchased_at at time zone 'UTC')::date, sum(total)
                from purchases where customer_id like ? group by 1, 2""", plan.idPattern()));
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into customer_stats (customer_id, purchase_count, total_spend, first_purchase_at,
                                            last_purchase_at, event_count, last_event_at)
                select c.id, coalesce(p.n, 0), coalesce(p.spend, 0), p.first_at, p.last_at, coalesce(e.n, 0), e.last_at
                from customers c
                left join (select customer_id, count(*) n, sum(total) spend, min(purchased_at) first_at,
                                  max(purchased_at) last_at
                           from purchases where customer_id like ? group by customer_id) p on p.customer_id = c.id
                left join (select customer_id, count(*) n, max(occurred_at) last_at
                           from browsing_events where customer_id like ? group by customer_id) e on e.customer_id = c.id
                where c.id like ?""")) {
            statement.setString(1, plan.idPattern());
            statement.setString(2, plan.idPattern());
            statement.setString(3, plan.idPattern());
            rows.put("customer_stats", statement.executeLargeUpdate());
        }
        return rows;
    }
}
