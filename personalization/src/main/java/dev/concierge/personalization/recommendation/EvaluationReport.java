package dev.concierge.personalization.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The figures of an {@link OfflineEvaluation}: ranking quality of the engine and of the popularity
 * baseline over the evaluated users, what the data held, and what training cost.
 *
 * @param users the distinct users in the data
 * @param evaluatedUsers the users with a held-out day that had something new in it
 * @param interactions the rows in the data, repeats included
 * @param trainMillis the wall-clock time of the training
 * @param peakHeapBytes the largest heap use seen during the training (see {@link OfflineEvaluation})
 */
public record EvaluationReport(
        Metrics engine,
        Metrics popularity,
        int users,
        int evaluatedUsers,
        long interactions,
        long trainMillis,
        long peakHeapBytes) {

    /** The cut-off the issue asks for, used by {@link #toJson()} and {@link #toTable()}. */
    static final int DEFAULT_K = 10;

    /**
     * Averages over the evaluated users of one recommender's top-k lists; coverage is the share of
     * the training catalogue that appeared in any list.
     */
    public record Metrics(double hitRate, double ndcg, double precision, double recall, double coverage) {}

    /** {@link #toJson(int)} for k = 10; use the overload when the evaluation ran with another k. */
    public String toJson() {
        return toJson(DEFAULT_K);
    }

    /**
     * One line of JSON, the metric names suffixed with {@code @k}: {@code {"engine":{"hr@10":…,
     * "ndcg@10":…,"precision@10":…,"recall@10":…,"coverage":…},"popularity":{…},"users":…,
     * "trainMillis":…,"peakHeapBytes":…,"evaluatedUsers":…,"interactions":…}}.
     */
    public String toJson(int k) {
        return "{\"engine\":" + json(engine, k) + ",\"popularity\":" + json(popularity, k) + ",\"users\":" + users
                + ",\"trainMillis\":" + trainMillis + ",\"peakHeapBytes\":" + peakHeapBytes + ",\"evaluatedUsers\":"
                + evaluatedUsers + ",\"interactions\":" + interactions + "}";
    }

    /** {@link #toTable(int)} for k = 10. */
    public String toTable() {
        return toTable(DEFAULT_K);
    }

    /** The same figures as a fixed-width text table, lines ending in {@code \n}. */
    public String toTable(int k) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-14s %10s %11s\n", "metric", "engine", "popularity"));
        row(table, "hr@" + k, engine.hitRate(), popularity.hitRate());
        row(table, "ndcg@" + k, engine.ndcg(), popularity.ndcg());
        row(table, "precision@" + k, engine.precision(), popularity.precision());
        row(table, "recall@" + k, engine.recall(), popularity.recall());
        row(table, "coverage", engine.coverage(), popularity.coverage());
        table.append(String.format(Locale.ROOT, "\n%-14s %d (%d evaluated)\n", "users", users, evaluatedUsers));
        table.append(String.format(Locale.ROOT, "%-14s %d\n", "interactions", interactions));
        table.append(String.format(Locale.ROOT, "%-14s %d ms\n", "training", trainMillis));
        table.append(String.format(Locale.ROOT, "%-14s %.1f MiB\n", "peak heap", peakHeapBytes / (1024.0 * 1024.0)));
        return table.toString();
    }

    private static void row(StringBuilder table, String metric, double engine, double popularity) {
        table.append(String.format(Locale.ROOT, "%-14s %10.4f %11.4f\n", metric, engine, popularity));
    }

    private static String json(Metrics metrics, int k) {
        return "{\"hr@" + k + "\":" + number(metrics.hitRate()) + ",\"ndcg@" + k + "\":" + number(metrics.ndcg())
                + ",\"precision@" + k + "\":" + number(metrics.precision()) + ",\"recall@" + k + "\":"
                + number(metrics.recall()) + ",\"coverage\":" + number(metrics.coverage()) + "}";
    }

    /** A JSON number with at most 6 decimals and no exponent; 0 for what JSON cannot hold. */
    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "0";
        }
        return BigDecimal.valueOf(value)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
