package dev.concierge.load;

/**
 * The CI smoke run: {@link StorefrontSimulation} on the small data set at a modest rate for 30
 * seconds, with budgets loose enough for a busy 2-core CI machine that shares it with the load
 * generator, and tight enough that a real regression (a query per slot, a lost cache) fails it.
 * Any {@code -D} given on the command line wins over these defaults.
 */
public class SmokeSimulation extends StorefrontSimulation {

    static {
        defaults(
                "load.rate", "25",
                "load.duration", "30",
                "load.activeCustomers", "1000",
                "load.ingestRate", "4",
                "load.posRate", "1",
                "load.baselineSeconds", "8",
                "budget.p99Ms", "300",
                "budget.p95Ms", "150",
                "load.maxDurationSeconds", "120");
    }

    private static void defaults(String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (System.getProperty(pairs[i]) == null) {
                System.setProperty(pairs[i], pairs[i + 1]);
            }
        }
    }
}
