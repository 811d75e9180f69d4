package dev.concierge.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every knob of the simulations, from system properties ({@code -Dload.rate=1500}), with defaults
 * for a small seeded data set on this machine. Requests go to loopback only: anything else is
 * refused before the first request.
 */
record LoadSettings(
        URI baseUrl,
        Path dataDirectory,
        String prefix,
        int customers,
        int activeCustomers,
        double rate,
        Duration duration,
        boolean warmUp,
        int warmUpConcurrency,
        double ingestRate,
        int batchSize,
        double posRate,
        boolean editor,
        Duration editorEvery,
        boolean bench,
        int p99BudgetMs,
        int p95BudgetMs,
        Duration maxDuration) {

    static LoadSettings fromSystemProperties() {
        int customers = integer("seed.customers", 10_000);
        LoadSettings settings = new LoadSettings(
                URI.create(text("concierge.url", "http://127.0.0.1:8080")),
                Path.of(text("concierge.dataDirectory", "../concierge-data")),
                text("seed.prefix", "seed"),
                customers,
                Math.min(customers, integer("load.activeCustomers", 10_000)),
                number("load.rate", 200),
                Duration.ofSeconds(integer("load.duration", 60)),
                Boolean.parseBoolean(text("load.warmUp", "true")),
                integer("load.warmUpConcurrency", 8),
                number("load.ingestRate", 20),
                integer("load.batchSize", 50),
                number("load.posRate", 2),
                Boolean.parseBoolean(text("load.editor", "true")),
                Duration.ofSeconds(integer("load.editorEverySeconds", 10)),
                Boolean.parseBoolean(text("load.bench", "true")),
                integer("budget.p99Ms", 25),
                integer("budget.p95Ms", 15),
                Duration.ofSeconds(integer("load.maxDurationSeconds", 600)));
        settings.requireLoopback();
        return settings;
    }

    /** The load generator shares the machine with the server: a remote target would measure the network. */
    void requireLoopback() {
        try {
            if (!InetAddress.getByName(baseUrl.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("concierge.url must be a loopback address, got " + baseUrl);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host in concierge.url " + baseUrl, e);
        }
    }

    /** Prospects ({@code <prefix>-20}, {@code -40}, …) never bought: the point of sale records their first purchase. */
    int prospects() {
        return customers / 20;
    }

    private static String text(String name, String otherwise) {
        return System.getProperty(name, otherwise);
    }

    private static int integer(String name, int otherwise) {
        return Integer.parseInt(text(name, Integer.toString(otherwise)));
    }

    private static double number(String name, double otherwise) {
        return Double.parseDouble(text(name, Double.toString(otherwise)));
    }
}
