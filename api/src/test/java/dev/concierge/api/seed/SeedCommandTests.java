package dev.concierge.api.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.embedded.EmbeddedServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed command end to end, into a fresh embedded PostgreSQL of its own (the shared test
 * database stays free of a skewed catalogue that would change other tests' trending products).
 */
class SeedCommandTests {

    private static final int CUSTOMERS = 400;
    private static final int PRODUCTS = 120;
    private static final int EVENTS = 20_000;

    @TempDir
    static Path dataDirectory;

    private static EmbeddedServers servers;
    private static Run seeded;

    /** What one run of the command printed and returned. */
    record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = SeedCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void seedTinyDataset() {
        servers = EmbeddedServers.acquire(dataDirectory, true, false);
        seeded = run(
                "--customers",
                "" + CUSTOMERS,
                "--products",
                "" + PRODUCTS,
                "--events=" + EVENTS,
                "--data-directory",
                dataDirectory.toString());
    }

    @AfterAll
    static void stopServers() {
        servers.release();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + servers.postgresPort() + "/postgres", "postgres", "");
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void seed_writesThePlannedRowsAndReportsTheRate() throws SQLException {
        assertThat(seeded.exitCode()).as(seeded.err()).isZero();
        assertThat(seeded.out()).containsPattern("Seeded [0-9,]+ rows in [0-9.]+ s: [0-9,]+ rows/s");
        assertThat(count("select count(*) from customers where id like 'seed-%'"))
                .isEqualTo(CUSTOMERS);
        assertThat(count("select count(*) from products where sku like 'SEED-%'"))
                .isEqualTo(PRODUCTS);
        assertThat(count("select count(*) from browsing_events where event_id like 'seed-e-%'"))
                .isEqualTo(EVENTS);
        assertThat(count("select count(*) from browsing_event_ids where event_id like 'seed-e-%'"))
                .isEqualTo(EVENTS);
        assertThat(count("select count(*) from purchases where id like 'seed-p-%'"))
                .isEqualTo(EVENTS / 8);
        assertThat(count("select count(*) from consent_ledger where customer_id like 'seed-%'"))
                .isEqualTo(4L * CUSTOMERS);
        // Seeded on top of the demo data, which the page layouts and segments come from.
        assertThat(count("select count(*) from customers where id like 'demo-%'"))
                .isEqualTo(60);
        // Nothing lands in the default partition: the monthly partitions were made first.
        assertThat(count("select count(*) from browsing_events_default")).isZero();
    }

    static Stream<Arguments> consistencyChecks() {
        return Stream.of(
                Arguments.of(
                        "event SKUs are catalogue products",
                        "select count(*) from browsing_events e where e.event_id like 'seed-e-%' and e.sku is not null"
                                + " and not exists (select 1 from products p where p.sku = e.sku)"),
                Arguments.of(
                        "event customers exist",
                        "select count(*) from browsing_events e where e.event_id like 'seed-e-%'"
                                + " and e.customer_id is not null"
                                + " and not exists (select 1 from customers c where c.id = e.customer_id)"),
                Arguments.of(
                        "a purchase's total is the sum of its lines",
                        "select count(*) from purchases p where p.id like 'seed-p-%' and p.total <>"
                                + " (select sum(i.quantity * i.unit_price) from purchase_items i where i.purchase_id = p.id)"),
                Arguments.of(
                        "every purchase has a line",
                        "select count(*) from purchases p where p.id like 'seed-p-%'"
                                + " and not exists (select 1 from purchase_items i where i.purchase_id = p.id)"),
                Arguments.of(
                        "nothing happens before the customer joined or after today began",
                        "select count(*) from purchases p join customers c on c.id = p.customer_id"
                                + " where p.id like 'seed-p-%' and (p.purchased_at < c.created_at"
                                + " or p.purchased_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC')"),
                Arguments.of(
                        "the loyalty tier follows the spend, as in the demo data",
                        "select count(*) from customers c join customer_stats s on s.customer_id = c.id"
                                + " where c.id like 'seed-%' and c.loyalty_tier <> case"
                                + " when s.total_spend >= 40000 then 'PLATINUM' when s.total_spend >= 10000 then 'GOLD'"
                                + " when s.total_spend >= 2000 then 'SILVER' else 'BRONZE' end"),
                Arguments.of(
                        "prospects never bought and consented to personalization",
                        "select count(*) from customers c where c.id like 'seed-%'"
                                + " and substr(c.id, 6)::int % 20 = 0 and (exists (select 1 from purchases p"
                                + " where p.customer_id = c.id) or not exists (select 1 from consent_ledger l"
                                + " where l.customer_id = c.id and l.purpose = 'PERSONALIZATION' and l.granted))"),
                Arguments.of(
                        "customer_daily_activity agrees with the events",
                        symmetricDifference(
                                "select customer_id, day, event_type, category, event_count from customer_daily_activity"
                                        + " where customer_id like 'seed-%'",
                                "select customer_id, (occurred_at at time zone 'UTC')::date, type, coalesce(category, ''),"
                                        + " count(*)::int from browsing_events where customer_id like 'seed-%'"
                                        + " group by 1, 2, 3, 4")),
                Arguments.of(
                        "customer_category_purchases agrees with the purchases",
                        symmetricDifference(
                                "select customer_id, category, first_purchased_at, last_purchased_at, purchase_count, spend"
                                        + " from customer_category_purchases where customer_id like 'seed-%'",
                                "select p.customer_id, pr.category, min(p.purchased_at), max(p.purchased_at),"
                                        + " count(distinct p.id)::int, sum(i.quantity * i.unit_price) from purchases p"
                                        + " join purchase_items i on i.purchase_id = p.id join products pr on pr.sku = i.sku"
                                        + " where p.customer_id like 'seed-%' group by 1, 2")),
                Arguments.of(
                        "customer_sku_purchases agrees with the purchases",
                        symmetricDifference(
                                "select customer_id, sku, last_purchased_at, purchase_count from customer_sku_purchases"
                                        + " where customer_id like 'seed-%'",
                                "select p.customer_id, i.sku, max(p.purchased_at), count(distinct p.id)::int"
                                        + " from purchases p join purchase_items i on i.purchase_id = p.id"
                                        + " where p.customer_id like 'seed-%' group by 1, 2")),
                Arguments.of(
                        "customer_daily_spend agrees with the purchases",
                        symmetricDifference(
                                "select customer_id, day, spend from customer_daily_spend where customer_id like 'seed-%'",
                                "select customer_id, (purchased_at at time zone 'UTC')::date, sum(total) from purchases"
                                        + " where customer_id like 'seed-%' group by 1, 2")),
                Arguments.of(
                        "customer_stats agrees with purchases and events, one row per customer",
                        symmetricDifference(
                                "select customer_id, purchase_count, total_spend, event_count from customer_stats"
                                        + " where customer_id like 'seed-%'",
                                "select c.id, (select count(*) from purchases p where p.customer_id = c.id)::int,"
                                        + " (select coalesce(sum(total), 0) from purchases p where p.customer_id = c.id),"
                                        + " (select count(*) from browsing_events e where e.customer_id = c.id)"
                                        + " from customers c where c.id like 'seed-%'")));
    }

    private static String symmetricDifference(String stored, String derived) {
        return "select count(*) from ((" + stored + " except all " + derived + ") union all (" + derived
                + " except all " + stored + ")) difference";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyChecks")
    void seed_isConsistent(String rule, String violations) throws SQLException {
        assertThat(seeded.exitCode()).as(seeded.err()).isZero();
        assertThat(count(violations)).as(rule).isZero();
    }

    @Test
    void seed_isSkewedLikeRetail() throws SQLException {
        // Popular products: the top 10% of the catalogue sells at least 40% of the lines.
        long lines = count("select count(*) from purchase_items where purchase_id like 'seed-p-%'");
        long topProducts = count("select coalesce(sum(n), 0) from (select count(*) n from purchase_items"
                + " where purchase_id like 'seed-p-%' group by sku order by n desc limit " + PRODUCTS / 10 + ") top");
        assertThat((double) topProducts / lines).isGreaterThan(0.4);
        // Heavy and light customers: the top 20% browse at least half of the signed-in events.
        long signedIn = count("select count(*) from browsing_events where customer_id like 'seed-%'");
        long topCustomers = count("select coalesce(sum(n), 0) from (select count(*) n from browsing_events"
                + " where customer_id like 'seed-%' group by customer_id order by n desc limit " + CUSTOMERS / 5
                + ") top");
        assertThat((double) topCustomers / signedIn).isGreaterThan(0.5);
        // Seasonality: a day of December's gift season sells at least twice a January day.
        long december = count("select count(*) from purchases where id like 'seed-p-%'"
                + " and extract(month from purchased_at at time zone 'UTC') = 12"
                + " and extract(day from purchased_at at time zone 'UTC') <= 24");
        long january = count("select count(*) from purchases where id like 'seed-p-%'"
                + " and extract(month from purchased_at at time zone 'UTC') = 1");
        assertThat(december / 24.0).isGreaterThan(2 * january / 31.0);
        // Anonymous visitors browse too.
        assertThat(count("select count(*) from browsing_events where anonymous_id like 'seed-anon-%'"))
                .isBetween((long) (EVENTS * 0.1), (long) (EVENTS * 0.2));
    }

    @Test
    void seed_sameprefixAgain_failsWithoutWritingAndExitsOne() throws SQLException {
        long before = count("select count(*) from customers");

        Run again = run("--size", "small", "--data-directory", dataDirectory.toString());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already holds customers with prefix 'seed'");
        assertThat(count("select count(*) from customers")).isEqualTo(before);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(new String[] {}, "Give --size, or all of --customers, --products and --events."),
                Arguments.of(new String[] {"--customers", "100", "--products", "10"}, "Give --size"),
                Arguments.of(new String[] {"--size", "huge"}, "--size must be small, medium or large, got huge"),
                Arguments.of(
                        new String[] {"--size", "small", "--customers", "ten"}, "--customers must be a whole number"),
                Arguments.of(new String[] {"--size", "small", "--customers", "5"}, "--customers must be between 20"),
                Arguments.of(new String[] {"--size", "small", "--events", "-1"}, "--events must be between 0"),
                Arguments.of(new String[] {"--size", "small", "--prefix", "Bad-1"}, "--prefix must be"),
                Arguments.of(new String[] {"--size", "small", "--seed", "x"}, "--seed must be a whole number"),
                Arguments.of(new String[] {"--size", "small", "--colour", "red"}, "Unknown option --colour."),
                Arguments.of(new String[] {"small"}, "Unexpected argument 'small'."),
                Arguments.of(new String[] {"--size"}, "Unexpected argument '--size'."));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void seed_badArguments_printUsageAndExitTwo(String[] args, String message) {
        Run run = run(args);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message).contains("Usage: java -jar concierge.jar seed");
        assertThat(run.out()).isEmpty();
    }
}
