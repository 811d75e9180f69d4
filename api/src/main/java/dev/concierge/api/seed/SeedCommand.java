package dev.concierge.api.seed;

import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.db.DatabaseSetup;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar concierge.jar seed --size small}: loads synthetic data at scale into the
 * configured PostgreSQL (the embedded one by default), after the same migrations and demo data the
 * server would apply, then prints what it wrote and how fast.
 */
public final class SeedCommand {

    static final String USAGE =
            """
            Usage: java -jar concierge.jar seed (--size small|medium|large | --customers N --products N --events N)
                                                [--purchases N] [--prefix P] [--seed S] [--data-directory DIR] [--name.of.setting=VALUE ...]
              --size            small (10k customers, 2k products, 100k events), medium (100k, 10k, 1M), large (1M, 20k, 10M);
                                explicit counts override the size's
              --purchases       purchases to draw (default: one per eight events)
              --prefix          the prefix of every seeded id (default seed): customers seed-1 ... seed-N
              --seed            the random seed (default 1); the same plan writes the same data
              --data-directory  the embedded data directory the server uses (default concierge-data)
              --a.b=c           any other setting, as for the server (e.g. --concierge.database.host=db for an external PostgreSQL)
            Every %dth customer (seed-%d, seed-%d, ...) consented to personalization and never bought.
            """.formatted(SeedPlan.PROSPECT_EVERY, SeedPlan.PROSPECT_EVERY, 2 * SeedPlan.PROSPECT_EVERY);

    private SeedCommand() {}

    /** Runs the command; returns the process exit code: 0 seeded, 1 failed, 2 bad arguments. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            int equals = argument.indexOf('=');
            String name =
                    argument.startsWith("--") ? argument.substring(2, equals < 0 ? argument.length() : equals) : "";
            if (name.contains(".") && equals > 0) {
                settings.add(argument);
                continue;
            }
            if (name.isEmpty() || (equals < 0 && i + 1 >= args.length)) {
                err.println("Unexpected argument '" + argument + "'.\n" + USAGE);
                return 2;
            }
            options.put(name, equals < 0 ? args[++i] : argument.substring(equals + 1));
        }
        SeedPlan plan;
        try {
            plan = plan(options, LocalDate.now(Clock.systemUTC()));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (options.containsKey("data-directory")) {
            settings.add("--concierge.embedded.data-directory=" + options.get("data-directory"));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SeedContext.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(settings.toArray(String[]::new))) {
            ConciergeProperties properties = context.getBean(ConciergeProperties.class);
            new DatabaseSetup(properties, Clock.systemUTC()).run();
            out.printf(
                    Locale.ROOT,
                    "Seeding %,d customers, %,d products, %,d events, %,d purchases (prefix %s, seed %d)%n",
                    plan.customers(),
                    plan.products(),
                    plan.events(),
                    plan.purchases(),
                    plan.prefix(),
                    plan.seed());
            Seeder.Summary summary;
            try (Connection connection = connect(properties.database())) {
                summary = new Seeder(plan, System::nanoTime).seed(connection);
            }
            print(summary, out);
            return 0;
        } catch (SQLException | RuntimeException e) {
            err.println("Seeding failed: " + e.getMessage());
            return 1;
        }
    }

    static SeedPlan plan(Map<String, String> options, LocalDate today) {
        for (String option : options.keySet()) {
            if (!List.of("size", "customers", "products", "events", "purchases", "prefix", "seed", "data-directory")
                    .contains(option)) {
                throw new IllegalArgumentException("Unknown option --" + option + ".");
            }
        }
        int[] preset = {};
        String size = options.get("size");
        if (size != null) {
            preset = SeedPlan.SIZES.get(size.toLowerCase(Locale.ROOT));
            if (preset == null) {
                throw new IllegalArgumentException("--size must be small, medium or large, got " + size);
            }
        }
        List<String> names = List.of("customers", "products", "events");
        int[] counts = new int[3];
        for (int i = 0; i < 3; i++) {
            if (!options.containsKey(names.get(i)) && preset.length == 0) {
                throw new IllegalArgumentException("Give --size, or all of --customers, --products and --events.");
            }
            counts[i] = number(options, names.get(i), preset.length == 0 ? 0 : preset[i]);
        }
        int purchases = number(options, "purchases", SeedPlan.defaultPurchases(counts[2]));
        long seed;
        try {
            seed = Long.parseLong(options.getOrDefault("seed", "1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, got " + options.get("seed"));
        }
        return new SeedPlan(
                options.getOrDefault("prefix", "seed"), counts[0], counts[1], counts[2], purchases, seed, today);
    }

    private static int number(Map<String, String> options, String name, int otherwise) {
        String text = options.get(name);
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got " + text);
        }
    }

    private static Connection connect(ConciergeProperties.Database database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.username());
        properties.setProperty("password", Objects.requireNonNullElse(database.password(), ""));
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    private static void print(Seeder.Summary summary, PrintStream out) {
        summary.rows().forEach((table, rows) -> out.printf(Locale.ROOT, "  %-28s %,12d rows%n", table, rows));
        summary.steps().forEach((step, time) -> out.printf(Locale.ROOT, "  %-28s %,12d ms%n", step, time.toMillis()));
        out.printf(
                Locale.ROOT,
                "Seeded %,d rows in %s: %,.0f rows/s%n",
                summary.totalRows(),
                seconds(summary.total()),
                summary.rowsPerSecond());
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Only the settings: no web server, no caches, no schedules. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConciergeProperties.class)
    static class SeedContext {}
}
