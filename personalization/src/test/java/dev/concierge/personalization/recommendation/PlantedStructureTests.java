package dev.concierge.personalization.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.personalization.recommendation.Interaction.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on data with a known answer: 2,000 items in 1,000 pairs (A_i, B_i) where buying A_i
 * makes buying B_i later likely, plus purchases of popular items that have nothing to do with the
 * pairs, by 5,000 users. The engine must find B_i as A_i's top neighbour and beat the popularity
 * baseline offline.
 */
class PlantedStructureTests {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final int PAIRS = 1_000;
    static final int USERS = 5_000;

    /** The chance that a customer who bought A_i buys B_i later. */
    static final double FOLLOW_UP = 0.7;

    static List<Interaction> interactions = List.of();

    @BeforeAll
    static void generate() {
        interactions = baskets(new Random(20_260_601));
    }

    @Test
    void train_plantedPairs_partnerIsTheTopNeighbourOfMostItems() {
        SimilarityModel model = new ItemSimilarityTrainer(TrainingSettings.DEFAULTS)
                .train(interactions.iterator(), latest(interactions));

        int found = 0;
        int withNeighbours = 0;
        for (int i = 0; i < PAIRS; i++) {
            List<Neighbour> neighbours = model.neighbours(a(i));
            if (!neighbours.isEmpty()) {
                withNeighbours++;
                if (neighbours.get(0).sku().equals(b(i))) {
                    found++;
                }
            }
        }
        // measured: 990 of the 1,000 A_i, and 995 have neighbours at all (the others: pairs no two
        // customers followed up, below the minimum support of 2)
        assertThat(found).as("A_i whose top neighbour is B_i").isGreaterThanOrEqualTo(950);
        assertThat(withNeighbours).isGreaterThanOrEqualTo(980);
    }

    @Test
    void evaluate_plantedPairs_engineBeatsPopularity() {
        EvaluationReport report = OfflineEvaluation.run(interactions, TrainingSettings.DEFAULTS, 10);

        // measured: HR@10 0.538 vs 0.143, NDCG@10 0.434 vs 0.092, recall@10 0.537 vs 0.143,
        // coverage 0.816 vs 0.007, 4,497 of the 5,000 users evaluated

        assertThat(report.users()).isEqualTo(USERS);
        assertThat(report.evaluatedUsers()).isGreaterThan(USERS / 2);
        assertThat(report.engine().hitRate())
                .isGreaterThan(2 * report.popularity().hitRate());
        assertThat(report.engine().ndcg()).isGreaterThan(2 * report.popularity().ndcg());
        assertThat(report.engine().recall()).isGreaterThan(report.popularity().recall());
        assertThat(report.engine().coverage()).isGreaterThan(report.popularity().coverage());
    }

    /**
     * Each user follows 1 to 3 random pairs: buys A_i on some day (often after viewing it the day
     * before) and, with {@link #FOLLOW_UP} chance, B_i 1 to 30 days later. Each also buys 0 to 3
     * popular items on random days, drawn by Zipf-like popularity over all 2,000 items.
     */
    static List<Interaction> baskets(Random random) {
        int items = 2 * PAIRS;
        double[] cumulative = new double[items];
        double total = 0;
        for (int rank = 0; rank < items; rank++) {
            total += 1.0 / (rank + 1);
            cumulative[rank] = total;
        }
        List<String> byPopularity = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            byPopularity.add(a(i));
            byPopularity.add(b(i));
        }
        Collections.shuffle(byPopularity, random);

        List<Interaction> rows = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            String user = "user-" + u;
            int pairs = 1 + random.nextInt(3);
            for (int p = 0; p < pairs; p++) {
                int i = random.nextInt(PAIRS);
                int day = random.nextInt(300);
                if (random.nextBoolean()) {
                    rows.add(new Interaction(user, a(i), at(day - 1, random), Signal.VIEW));
                }
                rows.add(new Interaction(user, a(i), at(day, random), Signal.PURCHASE));
                if (random.nextDouble() < FOLLOW_UP) {
                    rows.add(new Interaction(user, b(i), at(day + 1 + random.nextInt(30), random), Signal.PURCHASE));
                }
            }
            int noise = random.nextInt(4);
            for (int n = 0; n < noise; n++) {
                double draw = random.nextDouble() * total;
                int rank = 0;
                while (cumulative[rank] < draw) {
                    rank++;
                }
                rows.add(new Interaction(
                        user, byPopularity.get(rank), at(random.nextInt(330), random), Signal.PURCHASE));
            }
        }
        return rows;
    }

    static String a(int i) {
        return String.format("A-%04d", i);
    }

    static String b(int i) {
        return String.format("B-%04d", i);
    }

    static Instant at(int day, Random random) {
        return START.plus(Duration.ofDays(day)).plusSeconds(random.nextInt(86_400));
    }

    static Instant latest(List<Interaction> rows) {
        Instant latest = Instant.MIN;
        for (Interaction row : rows) {
            if (row.at().isAfter(latest)) {
                latest = row.at();
            }
        }
        return latest;
    }
}
