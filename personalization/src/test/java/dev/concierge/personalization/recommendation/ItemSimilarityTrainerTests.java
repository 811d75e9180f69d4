package dev.concierge.personalization.recommendation;

import static dev.concierge.personalization.recommendation.Interaction.Signal.ADD_TO_CART;
import static dev.concierge.personalization.recommendation.Interaction.Signal.PURCHASE;
import static dev.concierge.personalization.recommendation.Interaction.Signal.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ItemSimilarityTrainerTests {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    /** No shrinkage, any support: the bare cosine. */
    static final TrainingSettings COSINE = settings(0, 1);

    @Test
    void train_purchases_scoresAreCosineTimesShrinkage() {
        // users as vectors over X, Y, Z: u1 (1, 1, 0), u2 (1, 1, 1), u3 (0, 1, 1)
        // so X = (1, 1, 0), Y = (1, 1, 1), Z = (0, 1, 1) over (u1, u2, u3)
        List<Interaction> rows = List.of(
                buy("u1", "X"),
                buy("u1", "Y"),
                buy("u2", "X"),
                buy("u2", "Y"),
                buy("u2", "Z"),
                buy("u3", "Y"),
                buy("u3", "Z"));

        SimilarityModel model = train(settings(1, 1), rows);

        // X.Y = 2, |X| = sqrt 2, |Y| = sqrt 3, support 2: 2 / sqrt 6 * 2 / (2 + 1)
        double xy = 2 / Math.sqrt(6) * 2 / 3;
        // X.Z = 1, |Z| = sqrt 2, support 1: 1 / 2 * 1 / (1 + 1)
        double xz = 0.25;
        // Y.Z = 2, support 2: same as X.Y
        double yz = xy;
        assertSameNeighbours(
                model.all(),
                Map.of(
                        "X", List.of(new Neighbour("Y", xy, 2), new Neighbour("Z", xz, 1)),
                        // a tie goes by sku
                        "Y", List.of(new Neighbour("X", xy, 2), new Neighbour("Z", yz, 2)),
                        "Z", List.of(new Neighbour("Y", yz, 2), new Neighbour("X", xz, 1))),
                1e-12);
        assertThat(model.norms()).containsOnlyKeys("X", "Y", "Z");
        assertThat(model.norms().get("X")).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(model.norms().get("Y")).isCloseTo(Math.sqrt(3), within(1e-12));
        assertThat(model.norms().get("Z")).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(model.users()).isEqualTo(3);
        assertThat(model.items()).isEqualTo(3);
        assertThat(model.interactions()).isEqualTo(7);
        assertThat(model.computedAt()).isEqualTo(NOW);
        assertThat(model.neighbours("unknown")).isEmpty();
    }

    @Test
    void train_mixedSignals_weighsEachUsersItemsBySignal() {
        // u1 bought X and viewed Y (0.1); u2 bought both: X = (1, 1), Y = (0.1, 1)
        List<Interaction> rows = List.of(buy("u1", "X"), row("u1", "Y", VIEW, 0), buy("u2", "X"), buy("u2", "Y"));

        SimilarityModel model = train(settings(1, 1), rows);

        double expected = (1 * 0.1 + 1 * 1) / (Math.sqrt(2) * Math.sqrt(0.01 + 1)) * 2 / 3;
        assertThat(score(model, "X", "Y")).isCloseTo(expected, within(1e-12));
        assertThat(score(model, "Y", "X")).isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest(name = "shrinkage {0}")
    @ValueSource(doubles = {0, 1, 10, 100})
    void train_shrinkage_lowersPairsSeenByFewUsers(double shrinkage) {
        // two pairs with a cosine of 1: (A, B) bought together by 2 users, (C, D) by 20
        List<Interaction> rows = new ArrayList<>();
        for (int u = 0; u < 2; u++) {
            rows.addAll(List.of(buy("rare-" + u, "A"), buy("rare-" + u, "B")));
        }
        for (int u = 0; u < 20; u++) {
            rows.addAll(List.of(buy("common-" + u, "C"), buy("common-" + u, "D")));
        }

        SimilarityModel model = train(settings(shrinkage, 1), rows);

        assertThat(score(model, "A", "B")).isCloseTo(2 / (2 + shrinkage), within(1e-12));
        assertThat(score(model, "C", "D")).isCloseTo(20 / (20 + shrinkage), within(1e-12));
        if (shrinkage > 0) {
            assertThat(score(model, "A", "B")).isLessThan(score(model, "C", "D"));
        }
    }

    static Stream<Arguments> supports() {
        return Stream.of(
                argumentSet("minSupport 1 keeps every pair", 1, List.of("Y", "Z", "W")),
                argumentSet("minSupport 2 drops the single-user pair", 2, List.of("Y", "Z")),
                argumentSet("minSupport 3", 3, List.of("Y")),
                argumentSet("minSupport 4 drops them all", 4, List.of()));
    }

    @ParameterizedTest
    @MethodSource("supports")
    void train_minSupport_dropsPairsWithFewerUsers(int minSupport, List<String> expected) {
        // X with Y by 3 users, with Z by 2, with W by 1
        List<Interaction> rows = new ArrayList<>();
        String[] partners = {"Y", "Y", "Y", "Z", "Z", "W"};
        for (int u = 0; u < partners.length; u++) {
            rows.addAll(List.of(buy("u" + u, "X"), buy("u" + u, partners[u])));
        }

        SimilarityModel model = train(settings(0, minSupport), rows);

        assertThat(skus(model.neighbours("X"))).containsExactlyElementsOf(expected);
        assertThat(model.all().containsKey("X")).isEqualTo(!expected.isEmpty());
        for (Neighbour neighbour : model.neighbours("X")) {
            assertThat(neighbour.support()).isGreaterThanOrEqualTo(minSupport);
        }
    }

    @ParameterizedTest(name = "half-life {0} days")
    @ValueSource(ints = {30, 180, 365})
    void train_timeDecay_olderCoOccurrenceWeighsLess(int halfLifeDays) {
        // u1 bought A and B a year ago, u2 bought A and C today: sim(A, B) / sim(A, C) = w(a year)
        List<Interaction> rows =
                List.of(row("u1", "A", PURCHASE, 365), row("u1", "B", PURCHASE, 365), buy("u2", "A"), buy("u2", "C"));
        TrainingSettings settings = new TrainingSettings(1, 0.5, 0.1, Duration.ofDays(halfLifeDays), 0, 50, 1);

        SimilarityModel model = train(settings, rows);

        assertThat(skus(model.neighbours("A"))).containsExactly("C", "B");
        assertThat(score(model, "A", "B") / score(model, "A", "C"))
                .isCloseTo(Math.pow(0.5, 365.0 / halfLifeDays), within(1e-12));
    }

    @Test
    void train_rowsAfterNow_countAsMadeNow() {
        List<Interaction> rows =
                List.of(row("u1", "A", PURCHASE, -30), row("u1", "B", PURCHASE, -30), buy("u2", "A"), buy("u2", "C"));

        SimilarityModel model = train(COSINE, rows);

        assertThat(score(model, "A", "B")).isCloseTo(score(model, "A", "C"), within(1e-12));
    }

    static Stream<Arguments> signalWeights() {
        return Stream.of(
                argumentSet("defaults 1 / 0.5 / 0.1", 1.0, 0.5, 0.1),
                argumentSet("views as strong as purchases", 1.0, 1.0, 1.0),
                argumentSet("cart stronger than a purchase", 1.0, 2.0, 0.25),
                argumentSet("purchases only", 1.0, 0.0, 0.0));
    }

    @ParameterizedTest
    @MethodSource("signalWeights")
    void train_signalWeights_scaleEachUsersContribution(double purchase, double cart, double view) {
        // u1 bought A and B, u2 viewed A and C, u3 put A and D in the cart:
        // A = (p, v, c), B = (p), C = (v), D = (c), so sim(A, B) : sim(A, C) : sim(A, D) = p : v : c
        List<Interaction> rows = List.of(
                buy("u1", "A"),
                buy("u1", "B"),
                row("u2", "A", VIEW, 0),
                row("u2", "C", VIEW, 0),
                row("u3", "A", ADD_TO_CART, 0),
                row("u3", "D", ADD_TO_CART, 0));
        TrainingSettings settings = new TrainingSettings(purchase, cart, view, Duration.ofDays(180), 0, 50, 1);

        SimilarityModel model = train(settings, rows);

        double norm = Math.sqrt(purchase * purchase + cart * cart + view * view);
        assertThat(score(model, "A", "B")).isCloseTo(purchase / norm, within(1e-12));
        if (view > 0) {
            assertThat(score(model, "A", "C")).isCloseTo(view / norm, within(1e-12));
        } else {
            assertThat(skus(model.neighbours("A"))).doesNotContain("C");
            assertThat(model.norms()).doesNotContainKey("C");
        }
        if (cart > 0) {
            assertThat(score(model, "A", "D")).isCloseTo(cart / norm, within(1e-12));
        } else {
            assertThat(skus(model.neighbours("A"))).doesNotContain("D");
        }
    }

    @Test
    void train_repeatedRowsOrShuffledRows_sameSimilarities() {
        List<Interaction> rows = randomRows(new Random(7), 40, 15, 6);
        List<Interaction> twice = new ArrayList<>(rows);
        twice.addAll(rows);
        List<Interaction> shuffled = new ArrayList<>(twice);
        Collections.shuffle(shuffled, new Random(8));

        SimilarityModel once = train(settings(2, 2), rows);
        SimilarityModel repeated = train(settings(2, 2), twice);
        SimilarityModel anyOrder = train(settings(2, 2), shuffled);

        // every weight doubles: the cosine does not change, and support counts users, not rows
        assertSameNeighbours(repeated.all(), once.all(), 1e-12);
        assertSameNeighbours(anyOrder.all(), once.all(), 1e-12);
        assertThat(repeated.interactions()).isEqualTo(2L * rows.size());
        assertThat(repeated.users()).isEqualTo(once.users());
        assertThat(repeated.items()).isEqualTo(once.items());
    }

    @Test
    void train_aRepeatedPurchase_weighsThatItemMoreForThatUser() {
        // u1 bought X twice and Y once: X's weight 2, so X = (2, 1), Y = (1, 1) over (u1, u2)
        List<Interaction> rows =
                List.of(buy("u1", "X"), buy("u1", "X"), buy("u1", "Y"), buy("u2", "X"), buy("u2", "Y"));

        SimilarityModel model = train(COSINE, rows);

        assertThat(score(model, "X", "Y")).isCloseTo(3 / (Math.sqrt(5) * Math.sqrt(2)), within(1e-12));
    }

    @Test
    void train_topK_keepsTheBestNeighboursBestFirst() {
        // X with P0..P9, Pi bought with X by i + 1 users (and nothing else): sim grows with i
        List<Interaction> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int u = 0; u <= i; u++) {
                rows.addAll(List.of(buy("u" + i + "-" + u, "X"), buy("u" + i + "-" + u, "P" + i)));
            }
        }
        TrainingSettings top3 = new TrainingSettings(1, 0.5, 0.1, Duration.ofDays(180), 0, 3, 1);

        SimilarityModel model = train(top3, rows);

        assertThat(skus(model.neighbours("X"))).containsExactly("P9", "P8", "P7");
        assertThat(model.all().values()).allSatisfy(list -> assertThat(list).hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void train_anItemEverybodyBuys_ranksBelowASpecificPartner() {
        // 100 users buy P; 12 of them also buy A; 10 of those also buy B. Counting co-occurrences
        // would rank P first for A (12 > 10); the cosine divides by P's large norm.
        List<Interaction> rows = new ArrayList<>();
        for (int u = 0; u < 100; u++) {
            rows.add(buy("u" + u, "P"));
            if (u < 12) {
                rows.add(buy("u" + u, "A"));
            }
            if (u < 10) {
                rows.add(buy("u" + u, "B"));
            }
        }

        SimilarityModel model = train(TrainingSettings.DEFAULTS, rows);

        assertThat(model.neighbours("A")).extracting(Neighbour::sku).containsExactly("B", "P");
        assertThat(model.neighbours("A").get(1).support())
                .isGreaterThan(model.neighbours("A").get(0).support());
        // 10 / sqrt(12 * 10) vs 12 / sqrt(12 * 100), each shrunk by its support
        assertThat(score(model, "A", "B")).isCloseTo(10 / Math.sqrt(120) * 10 / 20, within(1e-12));
        assertThat(score(model, "A", "P")).isCloseTo(12 / Math.sqrt(1200) * 12 / 22, within(1e-12));
    }

    static Stream<Arguments> heavyUsers() {
        return Stream.of(
                argumentSet("cap 5, a user with 8 items", 5, 8),
                argumentSet(
                        "the default cap 200, a user with 300 items", ItemSimilarityTrainer.MAX_ITEMS_PER_USER, 300));
    }

    @ParameterizedTest
    @MethodSource("heavyUsers")
    void train_aHeavyUser_contributesOnlyTheirHeaviestItems(int cap, int items) {
        // one user bought items I0 .. In one hour apart, In the most recent: the newest weigh most
        List<Interaction> rows = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            rows.add(new Interaction("heavy", "I" + i, NOW.minus(Duration.ofHours(items - i)), PURCHASE));
        }
        ItemSimilarityTrainer trainer = cap == ItemSimilarityTrainer.MAX_ITEMS_PER_USER
                ? new ItemSimilarityTrainer(COSINE)
                : new ItemSimilarityTrainer(COSINE, cap);

        SimilarityModel model = trainer.train(rows.iterator(), NOW);

        Set<String> newest = new HashSet<>();
        for (int i = items - cap; i < items; i++) {
            newest.add("I" + i);
        }
        assertThat(model.all().keySet()).isEqualTo(newest);
        assertThat(model.norms().keySet()).isEqualTo(newest);
        assertThat(model.all().values()).allSatisfy(list -> assertThat(list).hasSize(Math.min(cap - 1, 50)));
        assertThat(model.items()).isEqualTo(items);
    }

    @Test
    void train_randomData_matchesAStraightforwardComputation() {
        // enough users and items to grow the primitive tables several times
        List<Interaction> rows = randomRows(new Random(5), 3_000, 100, 12);
        TrainingSettings settings = new TrainingSettings(1, 0.5, 0.1, Duration.ofDays(90), 3, 7, 2);

        SimilarityModel model = new ItemSimilarityTrainer(settings).train(rows.iterator(), NOW);

        assertSameNeighbours(model.all(), reference(rows, settings), 1e-9);
    }

    /** The formula computed the obvious way, with maps: user vectors, then every pair. */
    static Map<String, List<Neighbour>> reference(List<Interaction> rows, TrainingSettings settings) {
        Map<String, Map<String, Double>> users = new HashMap<>();
        for (Interaction row : rows) {
            double age = Duration.between(row.at(), NOW).toSeconds();
            double weight = settings.weight(row.signal())
                    * Math.pow(0.5, age / settings.halfLife().toSeconds());
            users.computeIfAbsent(row.user(), u -> new HashMap<>()).merge(row.item(), weight, Double::sum);
        }
        Map<String, Double> squares = new HashMap<>();
        Map<String, Map<String, double[]>> pairs = new HashMap<>();
        for (Map<String, Double> vector : users.values()) {
            for (Map.Entry<String, Double> a : vector.entrySet()) {
                squares.merge(a.getKey(), a.getValue() * a.getValue(), Double::sum);
                for (Map.Entry<String, Double> b : vector.entrySet()) {
                    if (!a.getKey().equals(b.getKey())) {
                        double[] dotAndSupport = pairs.computeIfAbsent(a.getKey(), k -> new HashMap<>())
                                .computeIfAbsent(b.getKey(), k -> new double[2]);
                        dotAndSupport[0] += a.getValue() * b.getValue();
                        dotAndSupport[1]++;
                    }
                }
            }
        }
        Map<String, List<Neighbour>> neighbours = new HashMap<>();
        for (Map.Entry<String, Map<String, double[]>> a : pairs.entrySet()) {
            List<Neighbour> list = new ArrayList<>();
            for (Map.Entry<String, double[]> b : a.getValue().entrySet()) {
                int support = (int) b.getValue()[1];
                if (support >= settings.minSupport()) {
                    double cosine = b.getValue()[0] / Math.sqrt(squares.get(a.getKey()) * squares.get(b.getKey()));
                    list.add(new Neighbour(b.getKey(), cosine * support / (support + settings.shrinkage()), support));
                }
            }
            list.sort(Comparator.comparingDouble(Neighbour::score).reversed().thenComparing(Neighbour::sku));
            if (!list.isEmpty()) {
                neighbours.put(a.getKey(), List.copyOf(list.subList(0, Math.min(settings.topK(), list.size()))));
            }
        }
        return neighbours;
    }

    @Test
    void recompute_afterNewPurchases_agreesWithAFullRetrain() {
        Random random = new Random(11);
        List<Interaction> before = randomRows(random, 60, 25, 8);
        Set<String> touched = Set.of("i03", "i11");
        List<Interaction> recent = List.of(
                buy("u1", "i03"), buy("u2", "i03"), buy("u7", "i11"), buy("new-user", "i11"), buy("new-user", "i03"));
        List<Interaction> all = new ArrayList<>(before);
        all.addAll(recent);
        ItemSimilarityTrainer trainer = new ItemSimilarityTrainer(settings(2, 2));
        SimilarityModel stored = trainer.train(before.iterator(), NOW);

        Map<String, List<Neighbour>> updated =
                trainer.recompute(touched, rowsOfUsersWhoTouched(all, touched).iterator(), stored.norms(), NOW);

        // exact: the new rows only involve the recomputed items, so no other item's norm moved
        SimilarityModel full = trainer.train(all.iterator(), NOW);
        assertThat(updated).containsOnlyKeys(touched);
        assertThat(updated.get("i03")).isNotEmpty();
        assertSameNeighbours(updated, Map.of("i03", full.neighbours("i03"), "i11", full.neighbours("i11")), 1e-12);
    }

    @Test
    void recompute_aDayAfterTheStoredNorms_isOffByTheDecayOfThatDay() {
        Random random = new Random(12);
        List<Interaction> before = randomRows(random, 60, 25, 8);
        Set<String> touched = Set.of("i05");
        List<Interaction> recent = List.of(buy("u3", "i05"), buy("u4", "i05"));
        List<Interaction> all = new ArrayList<>(before);
        all.addAll(recent);
        ItemSimilarityTrainer trainer = new ItemSimilarityTrainer(settings(2, 2));
        SimilarityModel stored = trainer.train(before.iterator(), NOW);
        Instant tomorrow = NOW.plus(Duration.ofDays(1));

        Map<String, List<Neighbour>> updated =
                trainer.recompute(touched, rowsOfUsersWhoTouched(all, touched).iterator(), stored.norms(), tomorrow);

        // the documented approximation: scores against stored norms are 0.5^(1/180) lower, < 0.4%
        SimilarityModel full = trainer.train(all.iterator(), tomorrow);
        List<Neighbour> expected = full.neighbours("i05");
        assertThat(skus(updated.get("i05"))).containsExactlyElementsOf(skus(expected));
        for (int i = 0; i < expected.size(); i++) {
            double ratio = updated.get("i05").get(i).score() / expected.get(i).score();
            assertThat(ratio).isCloseTo(Math.pow(0.5, 1 / 180.0), within(1e-9)).isGreaterThan(0.996);
        }
    }

    @Test
    void recompute_anItemWithoutInteractions_getsAnEmptyList() {
        ItemSimilarityTrainer trainer = new ItemSimilarityTrainer(COSINE);
        List<Interaction> rows = List.of(buy("u1", "A"), buy("u1", "B"));

        Map<String, List<Neighbour>> updated = trainer.recompute(Set.of("A", "gone"), rows.iterator(), Map.of(), NOW);

        assertThat(updated).containsOnlyKeys("A", "gone");
        assertThat(updated.get("gone")).isEmpty();
        assertThat(skus(updated.get("A"))).containsExactly("B");
    }

    static Stream<Arguments> badSettings() {
        Duration day = Duration.ofDays(1);
        return Stream.of(
                argumentSet("negative purchase weight", (Supplier<?>)
                        () -> new TrainingSettings(-1, 0.5, 0.1, day, 1, 5, 1)),
                argumentSet(
                        "NaN view weight", (Supplier<?>) () -> new TrainingSettings(1, 0.5, Double.NaN, day, 1, 5, 1)),
                argumentSet("infinite cart weight", (Supplier<?>)
                        () -> new TrainingSettings(1, Double.POSITIVE_INFINITY, 0.1, day, 1, 5, 1)),
                argumentSet("all weights zero", (Supplier<?>) () -> new TrainingSettings(0, 0, 0, day, 1, 5, 1)),
                argumentSet("zero half-life", (Supplier<?>)
                        () -> new TrainingSettings(1, 0.5, 0.1, Duration.ZERO, 1, 5, 1)),
                argumentSet("negative half-life", (Supplier<?>)
                        () -> new TrainingSettings(1, 0.5, 0.1, day.negated(), 1, 5, 1)),
                argumentSet("negative shrinkage", (Supplier<?>) () -> new TrainingSettings(1, 0.5, 0.1, day, -1, 5, 1)),
                argumentSet(
                        "NaN shrinkage", (Supplier<?>) () -> new TrainingSettings(1, 0.5, 0.1, day, Double.NaN, 5, 1)),
                argumentSet("topK 0", (Supplier<?>) () -> new TrainingSettings(1, 0.5, 0.1, day, 1, 0, 1)),
                argumentSet("minSupport 0", (Supplier<?>) () -> new TrainingSettings(1, 0.5, 0.1, day, 1, 5, 0)),
                argumentSet("a per-user cap below 2", (Supplier<?>) () -> new ItemSimilarityTrainer(COSINE, 1)));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void settings_badValues_failFast(Supplier<?> construct) {
        assertThatIllegalArgumentException().isThrownBy(construct::get);
    }

    @Test
    void settings_defaults_asDocumented() {
        assertThat(TrainingSettings.DEFAULTS)
                .isEqualTo(new TrainingSettings(1.0, 0.5, 0.1, Duration.ofDays(180), 10, 50, 2));
    }

    // --- helpers ---------------------------------------------------------------------------------

    static TrainingSettings settings(double shrinkage, int minSupport) {
        return new TrainingSettings(1.0, 0.5, 0.1, Duration.ofDays(180), shrinkage, 50, minSupport);
    }

    static SimilarityModel train(TrainingSettings settings, List<Interaction> rows) {
        return new ItemSimilarityTrainer(settings).train(rows.iterator(), NOW);
    }

    static Interaction buy(String user, String item) {
        return new Interaction(user, item, NOW, PURCHASE);
    }

    static Interaction row(String user, String item, Interaction.Signal signal, int daysAgo) {
        return new Interaction(user, item, NOW.minus(Duration.ofDays(daysAgo)), signal);
    }

    /** The score of b in a's list; fails when b is not there. */
    static double score(SimilarityModel model, String a, String b) {
        return model.neighbours(a).stream()
                .filter(neighbour -> neighbour.sku().equals(b))
                .findFirst()
                .orElseThrow(() -> new AssertionError(b + " is not a neighbour of " + a + ": " + model.neighbours(a)))
                .score();
    }

    static List<String> skus(List<Neighbour> neighbours) {
        return neighbours.stream().map(Neighbour::sku).toList();
    }

    /** Users u0.. with a few purchases and views each over items i00.., at ages up to 300 days. */
    static List<Interaction> randomRows(Random random, int users, int items, int maxPerUser) {
        List<Interaction> rows = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int count = 2 + random.nextInt(maxPerUser - 1);
            for (int r = 0; r < count; r++) {
                String item = String.format("i%02d", random.nextInt(items));
                Interaction.Signal signal = random.nextInt(4) == 0 ? VIEW : PURCHASE;
                rows.add(row("u" + u, item, signal, random.nextInt(300)));
            }
        }
        return rows;
    }

    static List<Interaction> rowsOfUsersWhoTouched(List<Interaction> rows, Set<String> items) {
        Set<String> users = new HashSet<>();
        for (Interaction row : rows) {
            if (items.contains(row.item())) {
                users.add(row.user());
            }
        }
        return rows.stream().filter(row -> users.contains(row.user())).toList();
    }

    static void assertSameNeighbours(
            Map<String, List<Neighbour>> actual, Map<String, List<Neighbour>> expected, double tolerance) {
        assertThat(actual).containsOnlyKeys(expected.keySet());
        for (Map.Entry<String, List<Neighbour>> item : expected.entrySet()) {
            List<Neighbour> got = actual.get(item.getKey());
            List<Neighbour> want = item.getValue();
            assertThat(skus(got)).as("neighbours of %s", item.getKey()).containsExactlyElementsOf(skus(want));
            IntStream.range(0, want.size()).forEach(i -> {
                assertThat(got.get(i).support()).isEqualTo(want.get(i).support());
                assertThat(got.get(i).score()).isCloseTo(want.get(i).score(), within(tolerance));
            });
        }
    }
}
