package dev.concierge.personalization.recommendation;

import java.util.List;

/**
 * One item's row of the item-item similarity matrix at a time. For item {@code a} it walks the
 * users who touched {@code a} and, for each, the items they touched, summing the products of
 * weights into a dense accumulator indexed by item (and counting the users: the support). Then it
 * scores the touched items and keeps the best {@code topK} in a bounded heap. Memory is a few arrays
 * the size of the catalogue, reused from row to row; the work is {@code sum over users of
 * items(user)^2}, which the per-user cap bounds.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class Cooccurrence {

    private final Vectors vectors;
    private final TrainingSettings settings;
    private final int[] ranks;
    private final double[] dots;
    private final int[] supports;
    private final int[] touched;
    private final Top top;

    Cooccurrence(Vectors vectors, TrainingSettings settings) {
        this.vectors = vectors;
        this.settings = settings;
        this.ranks = vectors.nameRanks();
        int items = vectors.items.size();
        this.dots = new double[items];
        this.supports = new int[items];
        this.touched = new int[items];
        this.top = new Top(settings.topK(), ranks);
    }

    /**
     * The best neighbours of item {@code a}, best first (ties: by sku), scored with {@code norms}
     * for both sides: {@code dot(a, b) / (norms[a] * norms[b]) * support / (support + shrinkage)}.
     */
    List<Neighbour> neighbours(int a, double[] norms) {
        int count = 0;
        Vectors v = vectors;
        for (int p = v.colStart[a]; p < v.colStart[a + 1]; p++) {
            int user = v.colUsers[p];
            double weight = v.colWeights[p];
            for (int q = v.rowStart[user]; q < v.rowStart[user + 1]; q++) {
                int b = v.rowItems[q];
                if (b == a) {
                    continue;
                }
                if (supports[b] == 0) {
                    touched[count++] = b;
                }
                supports[b]++;
                dots[b] += weight * v.rowWeights[q];
            }
        }
        top.clear();
        double shrinkage = settings.shrinkage();
        int minSupport = settings.minSupport();
        double normA = norms[a];
        for (int t = 0; t < count; t++) {
            int b = touched[t];
            int support = supports[b];
            double denominator = normA * norms[b];
            if (support >= minSupport && denominator > 0) {
                double score = dots[b] / denominator * (support / (support + shrinkage));
                top.offer(b, score, support);
            }
            dots[b] = 0;
            supports[b] = 0;
        }
        return top.drain(v.items);
    }

    /** A bounded min-heap of (item, score, support): the root is the worst kept neighbour. */
    static final class Top {

        private final int capacity;
        private final int[] ranks;
        private final int[] items;
        private final double[] scores;
        private final int[] supports;
        private int size;

        Top(int capacity, int[] ranks) {
            this.capacity = capacity;
            this.ranks = ranks;
            this.items = new int[capacity];
            this.scores = new double[capacity];
            this.supports = new int[capacity];
        }

        void clear() {
            size = 0;
        }

        void offer(int item, double score, int support) {
            if (size < capacity) {
                int at = size++;
                items[at] = item;
                scores[at] = score;
                supports[at] = support;
                up(at);
            } else if (worse(items[0], scores[0], item, score)) {
                items[0] = item;
                scores[0] = score;
                supports[0] = support;
                down(0);
            }
        }

        /** The kept neighbours, best first; empties the heap. */
        List<Neighbour> drain(Interner names) {
            Neighbour[] sorted = new Neighbour[size];
            while (size > 0) {
                sorted[size - 1] = new Neighbour(names.name(items[0]), scores[0], supports[0]);
                size--;
                if (size > 0) {
                    move(size, 0);
                    down(0);
                }
            }
            return List.of(sorted);
        }

        /** Whether (item x, score x) ranks below (item y, score y): a lower score, or a later sku. */
        private boolean worse(int x, double scoreX, int y, double scoreY) {
            return scoreX < scoreY || (scoreX == scoreY && ranks[x] > ranks[y]);
        }

        private void up(int at) {
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!worse(items[at], scores[at], items[parent], scores[parent])) {
                    return;
                }
                swap(at, parent);
                at = parent;
            }
        }

        private void down(int at) {
            while (true) {
                int left = 2 * at + 1;
                if (left >= size) {
                    return;
                }
                int worst = left;
                int right = left + 1;
                if (right < size && worse(items[right], scores[right], items[left], scores[left])) {
                    worst = right;
                }
                if (!worse(items[worst], scores[worst], items[at], scores[at])) {
                    return;
                }
                swap(at, worst);
                at = worst;
            }
        }

        private void move(int from, int to) {
            items[to] = items[from];
            scores[to] = scores[from];
            supports[to] = supports[from];
        }

        private void swap(int x, int y) {
            int item = items[x];
            double score = scores[x];
            int support = supports[x];
            move(y, x);
            items[y] = item;
            scores[y] = score;
            supports[y] = support;
        }
    }
}
