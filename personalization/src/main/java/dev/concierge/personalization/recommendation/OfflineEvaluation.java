package dev.concierge.personalization.recommendation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Scores the item-to-item engine offline against a popularity baseline, leave-last-out by time.
 *
 * <p><b>The split.</b> For each user, the last UTC day on which they interacted is held out: the
 * distinct items of that day, minus items they had interacted with before it. A user with fewer
 * than two distinct days, or whose held-out day brought nothing new, is not evaluated and all their
 * rows train; for an evaluated user, the held-out day's rows leave the training data. The model
 * trains on the rest with {@code now} = the latest timestamp in the data.
 *
 * <p><b>The lists.</b> For an evaluated user with training items H, the engine scores every
 * neighbour of an item in H by the sum of its similarities to the items of H and recommends the k
 * best outside H (fewer when the neighbours run out: the engine alone, without a popularity fill).
 * The baseline recommends the k items outside H bought or seen by the most distinct users in the
 * training data. Ties go by sku.
 *
 * <p><b>The metrics</b>, averaged over evaluated users: HR@k (1 when any held-out item is in the
 * list), NDCG@k (binary relevance, {@code sum of 1/log2(rank + 1)} over hits divided by the same sum
 * over the first {@code min(k, |held out|)} ranks), precision@k (hits / k) and recall@k (hits /
 * |held out|); coverage is the distinct recommended items over the distinct items in the training
 * data.
 *
 * <p><b>The cost.</b> The wall-clock time of {@link ItemSimilarityTrainer#train} and the largest
 * heap use seen during it, sampled every 5 ms by a background thread as {@code totalMemory() -
 * freeMemory()} of the {@link Runtime} ({@link HeapSampler}): live data (including the loaded
 * interactions) plus garbage not yet collected, so an upper estimate of what the training needs on
 * top of its input; a smaller {@code -Xmx} gives the tighter bound.
 */
public final class OfflineEvaluation {

    private static final long SECONDS_PER_DAY = 86_400;

    private OfflineEvaluation() {}

    public static EvaluationReport run(List<Interaction> interactions, TrainingSettings settings, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (interactions.isEmpty()) {
            throw new IllegalArgumentException("no interactions to evaluate");
        }

        // each user's first and last day
        Map<String, long[]> days = new HashMap<>();
        Instant latest = Instant.MIN;
        for (Interaction row : interactions) {
            long day = day(row);
            long[] span = days.get(row.user());
            if (span == null) {
                days.put(row.user(), new long[] {day, day});
            } else {
                span[0] = Math.min(span[0], day);
                span[1] = Math.max(span[1], day);
            }
            if (row.at().isAfter(latest)) {
                latest = row.at();
            }
        }

        // each user's items before their last day (all of them for single-day users) and on it
        Map<String, Set<String>> history = new HashMap<>();
        Map<String, Set<String>> lastDay = new HashMap<>();
        for (Interaction row : interactions) {
            long[] span = days.get(row.user());
            boolean held = span[0] < span[1] && day(row) == span[1];
            (held ? lastDay : history)
                    .computeIfAbsent(row.user(), user -> new HashSet<>())
                    .add(row.item());
        }
        Map<String, Set<String>> heldOut = new HashMap<>();
        for (Map.Entry<String, Set<String>> user : lastDay.entrySet()) {
            Set<String> before = history.getOrDefault(user.getKey(), Set.of());
            Set<String> fresh = new HashSet<>(user.getValue());
            fresh.removeAll(before);
            if (!fresh.isEmpty()) {
                heldOut.put(user.getKey(), fresh);
            }
        }

        // train on every row but the held-out days of evaluated users
        Iterator<Interaction> training = new Filtered(interactions.iterator(), row -> {
            long[] span = days.get(row.user());
            return !(heldOut.containsKey(row.user()) && day(row) == span[1]);
        });
        HeapSampler sampler = HeapSampler.start();
        long started = System.nanoTime();
        SimilarityModel model = new ItemSimilarityTrainer(settings).train(training, latest);
        long trainMillis = (System.nanoTime() - started) / 1_000_000;
        long peakHeap = sampler.stop();

        // the baseline: training items by distinct users (users whose held-out day taught nothing new
        // had only known items on it, so their history holds all their items)
        Map<String, Integer> usersPerItem = new HashMap<>();
        for (Set<String> items : history.values()) {
            for (String item : items) {
                usersPerItem.merge(item, 1, Integer::sum);
            }
        }
        List<String> popular = new ArrayList<>(usersPerItem.keySet());
        popular.sort(Comparator.comparing((String item) -> usersPerItem.get(item))
                .reversed()
                .thenComparing(Comparator.naturalOrder()));

        Totals engine = new Totals(k);
        Totals baseline = new Totals(k);
        for (Map.Entry<String, Set<String>> user : heldOut.entrySet()) {
            Set<String> known = history.getOrDefault(user.getKey(), Set.of());
            engine.add(engineList(model, known, k), user.getValue());
            baseline.add(popularList(popular, known, k), user.getValue());
        }
        int catalogue = usersPerItem.size();
        return new EvaluationReport(
                engine.metrics(catalogue),
                baseline.metrics(catalogue),
                days.size(),
                heldOut.size(),
                interactions.size(),
                trainMillis,
                peakHeap);
    }

    /** The k items outside {@code known} with the largest summed similarity to the known items. */
    static List<String> engineList(SimilarityModel model, Set<String> known, int k) {
        Map<String, Double> scores = new HashMap<>();
        for (String item : known) {
            for (Neighbour neighbour : model.neighbours(item)) {
                if (!known.contains(neighbour.sku())) {
                    scores.merge(neighbour.sku(), neighbour.score(), Double::sum);
                }
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> list = new ArrayList<>(Math.min(k, ranked.size()));
        for (int i = 0; i < ranked.size() && list.size() < k; i++) {
            list.add(ranked.get(i).getKey());
        }
        return list;
    }

    private static List<String> popularList(List<String> popular, Set<String> known, int k) {
        List<String> list = new ArrayList<>(k);
        for (int i = 0; i < popular.size() && list.size() < k; i++) {
            if (!known.contains(popular.get(i))) {
                list.add(popular.get(i));
            }
        }
        return list;
    }

    private static long day(Interaction row) {
        return Math.floorDiv(row.at().getEpochSecond(), SECONDS_PER_DAY);
    }

    /** Sums of the per-user metrics, and the items recommended to anyone. */
    static final class Totals {

        private final int k;
        private final Set<String> recommended = new HashSet<>();
        private double hits;
        private double ndcg;
        private double precision;
        private double recall;
        private int users;

        Totals(int k) {
            this.k = k;
        }

        void add(List<String> list, Set<String> relevant) {
            int found = 0;
            double dcg = 0;
            for (int rank = 0; rank < list.size() && rank < k; rank++) {
                recommended.add(list.get(rank));
                if (relevant.contains(list.get(rank))) {
                    found++;
                    dcg += 1 / log2(rank + 2);
                }
            }
            double ideal = 0;
            for (int rank = 0; rank < Math.min(k, relevant.size()); rank++) {
                ideal += 1 / log2(rank + 2);
            }
            users++;
            hits += found > 0 ? 1 : 0;
            ndcg += dcg / ideal;
            precision += (double) found / k;
            recall += (double) found / relevant.size();
        }

        EvaluationReport.Metrics metrics(int catalogue) {
            if (users == 0) {
                return new EvaluationReport.Metrics(0, 0, 0, 0, 0);
            }
            return new EvaluationReport.Metrics(
                    hits / users,
                    ndcg / users,
                    precision / users,
                    recall / users,
                    catalogue == 0 ? 0 : (double) recommended.size() / catalogue);
        }

        private static double log2(double x) {
            return Math.log(x) / Math.log(2);
        }
    }

    /** The rows of an iterator that pass a test, without copying them. */
    private static final class Filtered implements Iterator<Interaction> {

        private final Iterator<Interaction> rows;
        private final Predicate<Interaction> keep;
        private @Nullable Interaction next;

        Filtered(Iterator<Interaction> rows, Predicate<Interaction> keep) {
            this.rows = rows;
            this.keep = keep;
        }

        @Override
        public boolean hasNext() {
            while (next == null && rows.hasNext()) {
                Interaction row = rows.next();
                if (keep.test(row)) {
                    next = row;
                }
            }
            return next != null;
        }

        @Override
        public Interaction next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Interaction row = next;
            next = null;
            return row;
        }
    }
}
