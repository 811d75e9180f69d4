package dev.concierge.personalization.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class OfflineEvaluationTests {

    /** No shrinkage, any support, and a half-life so long that a day's decay does not show. */
    static final TrainingSettings SETTINGS = new TrainingSettings(1, 0.5, 0.1, Duration.ofDays(1_000_000), 0, 50, 1);

    /**
     * a: day 1 X, Y; day 2 Z, X -> holds out {Z} (X was known)
     * b: day 1 X, Z; day 2 W    -> holds out {W}, an item nobody else has
     * c: day 1 X, Z, Y, P       -> one day: training only
     * d: day 1 Y, P; day 2 Y    -> nothing new on day 2: not evaluated, every row trains
     * e: day 1 P                -> training only
     */
    static final String CSV = """
            user,item,timestamp
            a,X,2024-05-01T09:00:00Z
            a,Y,2024-05-01T10:00:00Z
            a,Z,2024-05-02T09:00:00Z
            a,X,2024-05-02T09:30:00Z
            b,X,2024-05-01T11:00:00Z
            b,Z,2024-05-01T12:00:00Z
            b,W,2024-05-02T10:00:00Z
            c,X,2024-05-01T08:00:00Z
            c,Z,2024-05-01T08:10:00Z
            c,Y,2024-05-01T08:20:00Z
            c,P,2024-05-01T08:30:00Z
            d,Y,2024-05-01T13:00:00Z
            d,P,2024-05-01T14:00:00Z
            d,Y,2024-05-02T15:00:00Z
            e,P,2024-05-01T16:00:00Z
            """;

    @Test
    void run_leaveLastDayOut_metricsByHand() {
        List<Interaction> interactions = InteractionsCsv.read(new StringReader(CSV));

        EvaluationReport report = OfflineEvaluation.run(interactions, SETTINGS, 2);

        assertThat(report.users()).isEqualTo(5);
        assertThat(report.evaluatedUsers()).isEqualTo(2);
        assertThat(report.interactions()).isEqualTo(15);
        assertThat(report.trainMillis()).isNotNegative();
        assertThat(report.peakHeapBytes()).isPositive();

        // Training vectors over (a, b, c, d, e): X (1,1,1,0,0), Y (1,0,1,2,0) (d has Y twice),
        // Z (0,1,1,0,0), P (0,0,1,1,1); W never trains.
        // Engine for a, knowing {X, Y}: Z = 2/sqrt6 + 1/sqrt12 = 1.105 > P = 1/3 + 3/sqrt18 = 1.040
        // -> [Z, P], Z held out: a hit at rank 1. For b, knowing {X, Z}: Y = 2/sqrt18 + 1/sqrt12 =
        // 0.760 > P = 1/3 + 1/sqrt6 = 0.742 -> [Y, P], W held out: a miss.
        assertMetrics(report.engine(), 0.5, 0.5, 0.25, 0.5, 0.75);
        // Popularity by distinct training users: P 3, X 3, Y 3 (ties by sku), Z 2.
        // a: [P, Z], a hit at rank 2 (1 / log2 3); b: [P, Y], a miss.
        double second = 1 / (Math.log(3) / Math.log(2));
        assertMetrics(report.popularity(), 0.5, second / 2, 0.25, 0.5, 0.75);
    }

    @Test
    void engineList_sumsSimilaritiesOfTheKnownItems_leavesThemOut() {
        List<Interaction> interactions = InteractionsCsv.read(new StringReader(CSV));
        SimilarityModel model = new ItemSimilarityTrainer(SETTINGS)
                .train(
                        interactions.iterator(),
                        interactions.get(interactions.size() - 1).at());

        assertThat(OfflineEvaluation.engineList(model, Set.of("X", "Y"), 10))
                .doesNotContain("X", "Y")
                .startsWith("Z");
        assertThat(OfflineEvaluation.engineList(model, Set.of("X", "Y"), 1)).containsExactly("Z");
    }

    @Test
    void run_badArguments_failFast() {
        List<Interaction> interactions = InteractionsCsv.read(new StringReader(CSV));

        assertThatIllegalArgumentException().isThrownBy(() -> OfflineEvaluation.run(interactions, SETTINGS, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> OfflineEvaluation.run(List.of(), SETTINGS, 10));
    }

    @Test
    void report_toJson_oneLineWithTheKeysForK() {
        EvaluationReport report = new EvaluationReport(
                new EvaluationReport.Metrics(0.5, 0.630929753571, 0.25, 1.0 / 3, 0.000125),
                new EvaluationReport.Metrics(0, 0, 0, 0, 1),
                5,
                2,
                15,
                12,
                1_048_576);

        assertThat(report.toJson())
                .isEqualTo("{\"engine\":{\"hr@10\":0.5,\"ndcg@10\":0.63093,\"precision@10\":0.25,"
                        + "\"recall@10\":0.333333,\"coverage\":0.000125},\"popularity\":{\"hr@10\":0,\"ndcg@10\":0,"
                        + "\"precision@10\":0,\"recall@10\":0,\"coverage\":1},\"users\":5,\"trainMillis\":12,"
                        + "\"peakHeapBytes\":1048576,\"evaluatedUsers\":2,\"interactions\":15}");
        assertThat(MiniJson.parseObject(report.toJson(5)).get("engine"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("hr@5", "ndcg@5", "precision@5", "recall@5", "coverage");
    }

    @Test
    void report_toTable_fixedWidth() {
        EvaluationReport report = new EvaluationReport(
                new EvaluationReport.Metrics(0.5, 0.630929753571, 0.25, 1.0 / 3, 0.000125),
                new EvaluationReport.Metrics(0, 0, 0, 0, 1),
                5,
                2,
                15,
                12,
                3_145_728);

        assertThat(report.toTable()).isEqualTo("""
                        metric             engine  popularity
                        hr@10              0.5000      0.0000
                        ndcg@10            0.6309      0.0000
                        precision@10       0.2500      0.0000
                        recall@10          0.3333      0.0000
                        coverage           0.0001      1.0000

                        users          5 (2 evaluated)
                        interactions   15
                        training       12 ms
                        peak heap      3.0 MiB
                        """);
    }

    static void assertMetrics(
            EvaluationReport.Metrics metrics,
            double hitRate,
            double ndcg,
            double precision,
            double recall,
            double coverage) {
        assertThat(metrics.hitRate()).as("hit rate").isCloseTo(hitRate, within(1e-9));
        assertThat(metrics.ndcg()).as("ndcg").isCloseTo(ndcg, within(1e-9));
        assertThat(metrics.precision()).as("precision").isCloseTo(precision, within(1e-9));
        assertThat(metrics.recall()).as("recall").isCloseTo(recall, within(1e-9));
        assertThat(metrics.coverage()).as("coverage").isCloseTo(coverage, within(1e-9));
    }
}
