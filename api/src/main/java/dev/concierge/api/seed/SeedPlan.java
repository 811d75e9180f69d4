package dev.concierge.api.seed;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * What to seed: how many customers, products, browsing events and purchases, the id prefix that
 * marks every seeded row ({@code <prefix>-<n>}), the random seed, and the day the data ends before.
 *
 * <p>Every {@value #PROSPECT_EVERY}th customer ({@code <prefix>-20}, {@code <prefix>-40}, …) is a
 * prospect: consented to personalization, browses, has never bought. The point-of-sale simulation
 * records their first purchase and checks that the page shows it.
 */
public record SeedPlan(
        String prefix, int customers, int products, int events, int purchases, long seed, LocalDate today) {

    /** Every this many customers, one has never bought. */
    public static final int PROSPECT_EVERY = 20;

    static final int MAX_CUSTOMERS = 10_000_000;
    static final int MAX_PRODUCTS = 1_000_000;
    static final int MAX_EVENTS = 200_000_000;

    /** The named sizes of the load tests: customers, products, events. */
    static final Map<String, int[]> SIZES = Map.of(
            "small", new int[] {10_000, 2_000, 100_000},
            "medium", new int[] {100_000, 10_000, 1_000_000},
            "large", new int[] {1_000_000, 20_000, 10_000_000});

    public SeedPlan {
        if (!prefix.matches("[a-z][a-z0-9]{0,15}")) {
            throw new IllegalArgumentException(
                    "--prefix must be 1 to 16 lower-case letters and digits, starting with a letter, got " + prefix);
        }
        between("--customers", customers, PROSPECT_EVERY, MAX_CUSTOMERS);
        between("--products", products, 1, MAX_PRODUCTS);
        between("--events", events, 0, MAX_EVENTS);
        between("--purchases", purchases, 0, MAX_EVENTS);
    }

    /** The default number of purchases for an event count: one per eight events, as in the demo data. */
    static int defaultPurchases(int events) {
        return events / 8;
    }

    /** The id of seeded customer {@code n} (1-based). */
    public String customerId(int n) {
        return prefix + "-" + n;
    }

    /** Whether customer {@code n} is a prospect that never bought. */
    public static boolean isProspect(int n) {
        return n % PROSPECT_EVERY == 0;
    }

    /** The pattern that matches every id this plan writes, for SQL {@code like}. */
    String idPattern() {
        return prefix + "-%";
    }

    /** The prefix of seeded SKUs, upper case. */
    String skuPrefix() {
        return prefix.toUpperCase(Locale.ROOT);
    }

    private static void between(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "%s must be between %,d and %,d, got %,d".formatted(option, min, max, value));
        }
    }
}
