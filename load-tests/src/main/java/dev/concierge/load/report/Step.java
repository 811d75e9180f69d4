package dev.concierge.load.report;

/**
 * One step of a ramp: a target (home, typename, bench) at an offered rate on a data size with warm
 * or cold caches, and what Gatling measured for it.
 */
record Step(String data, String cache, String target, double rate, double seconds, String report, GatlingStats stats) {

    /** Successful responses per second over the step. */
    double throughput() {
        return stats.ok() / seconds;
    }

    boolean withinBudget(Budget budget) {
        return stats.ko() == 0 && stats.p99() <= budget.p99Ms() && stats.p95() <= budget.p95Ms();
    }

    /** The latency budget the steps are held to. */
    record Budget(int p99Ms, int p95Ms) {}
}
