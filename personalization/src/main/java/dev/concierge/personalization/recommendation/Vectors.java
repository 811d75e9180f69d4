package dev.concierge.personalization.recommendation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The weighted user-item matrix read from an interaction stream, in both compressed sparse forms:
 * by user (the items each user touched) and by item (the users who touched it), plus each item's
 * Euclidean norm. Ids are dense ints from {@link Interner}s. About 32 bytes per distinct
 * (user, item) pair while reading, 24 once built, whatever the number of rows.
 */
final class Vectors {

    private static final double LN_2 = Math.log(2);

    final Interner items;
    final int users;
    final long interactions;

    /** Row {@code u} is {@code rowItems[rowStart[u] .. rowStart[u + 1])}, with the weights alongside. */
    final int[] rowStart;

    final int[] rowItems;
    final double[] rowWeights;

    /** Column {@code i} is {@code colUsers[colStart[i] .. colStart[i + 1])}, users ascending. */
    final int[] colStart;

    final int[] colUsers;
    final double[] colWeights;

    /** {@code sqrt(sum over users of weight^2)} per item, over the capped rows. */
    final double[] norms;

    private Vectors(
            Interner items,
            int users,
            long interactions,
            int[] rowStart,
            int[] rowItems,
            double[] rowWeights,
            int[] colStart,
            int[] colUsers,
            double[] colWeights,
            double[] norms) {
        this.items = items;
        this.users = users;
        this.interactions = interactions;
        this.rowStart = rowStart;
        this.rowItems = rowItems;
        this.rowWeights = rowWeights;
        this.colStart = colStart;
        this.colUsers = colUsers;
        this.colWeights = colWeights;
        this.norms = norms;
    }

    /**
     * Reads the stream once. A user's weight for an item is the sum over their rows of the signal's
     * weight times {@code 0.5^(age / halfLife)}, the age counted back from {@code now} (rows dated
     * after {@code now} count as made at {@code now}). Rows whose signal weighs 0 are skipped. A user
     * with more than {@code maxItemsPerUser} items keeps the heaviest (ties: the most recent).
     */
    static Vectors read(
            Iterator<Interaction> interactions, TrainingSettings settings, Instant now, int maxItemsPerUser) {
        Interner items = new Interner();
        Interner users = new Interner();
        UserItemWeights weights = new UserItemWeights();
        long rows = 0;
        long nowSecond = now.getEpochSecond();
        double decayPerSecond = LN_2 / seconds(settings.halfLife());
        while (interactions.hasNext()) {
            Interaction row = interactions.next();
            rows++;
            double weight = settings.weight(row.signal());
            if (weight == 0) {
                continue;
            }
            long at = row.at().getEpochSecond();
            double decayed = weight * Math.exp(-decayPerSecond * Math.max(0, nowSecond - at));
            if (decayed > 0) {
                weights.add(users.intern(row.user()), items.intern(row.item()), decayed, at);
            }
        }
        return build(items, users.size(), rows, weights, maxItemsPerUser);
    }

    private static Vectors build(
            Interner items, int users, long interactions, UserItemWeights weights, int maxItemsPerUser) {
        // by user: count, prefix sums, fill
        int[] rowStart = new int[users + 1];
        for (int slot = 0; slot < weights.capacity(); slot++) {
            if (weights.used(slot)) {
                rowStart[weights.user(slot) + 1]++;
            }
        }
        for (int u = 0; u < users; u++) {
            rowStart[u + 1] += rowStart[u];
        }
        int pairs = weights.size();
        int[] rowItems = new int[pairs];
        double[] rowWeights = new double[pairs];
        long[] rowLatest = new long[pairs];
        int[] next = Arrays.copyOf(rowStart, users);
        for (int slot = 0; slot < weights.capacity(); slot++) {
            if (weights.used(slot)) {
                int at = next[weights.user(slot)]++;
                rowItems[at] = weights.item(slot);
                rowWeights[at] = weights.weight(slot);
                rowLatest[at] = weights.latest(slot);
            }
        }
        int kept = cap(rowStart, rowItems, rowWeights, rowLatest, maxItemsPerUser);
        if (kept < pairs) {
            rowItems = Arrays.copyOf(rowItems, kept);
            rowWeights = Arrays.copyOf(rowWeights, kept);
        }

        // by item: the transpose, users ascending
        int itemCount = items.size();
        int[] colStart = new int[itemCount + 1];
        for (int p = 0; p < kept; p++) {
            colStart[rowItems[p] + 1]++;
        }
        for (int i = 0; i < itemCount; i++) {
            colStart[i + 1] += colStart[i];
        }
        int[] colUsers = new int[kept];
        double[] colWeights = new double[kept];
        double[] norms = new double[itemCount];
        int[] fill = Arrays.copyOf(colStart, itemCount);
        for (int u = 0; u < users; u++) {
            for (int p = rowStart[u]; p < rowStart[u + 1]; p++) {
                int item = rowItems[p];
                int at = fill[item]++;
                colUsers[at] = u;
                colWeights[at] = rowWeights[p];
                norms[item] += rowWeights[p] * rowWeights[p];
            }
        }
        for (int i = 0; i < itemCount; i++) {
            norms[i] = Math.sqrt(norms[i]);
        }
        return new Vectors(
                items, users, interactions, rowStart, rowItems, rowWeights, colStart, colUsers, colWeights, norms);
    }

    /**
     * Cuts every row longer than {@code max} down to its {@code max} heaviest entries (ties: the
     * most recent, then the first), compacting the arrays in place and rewriting {@code rowStart}.
     * Returns the number of entries kept.
     */
    private static int cap(int[] rowStart, int[] rowItems, double[] rowWeights, long[] rowLatest, int max) {
        int write = 0;
        int users = rowStart.length - 1;
        for (int u = 0; u < users; u++) {
            int start = rowStart[u];
            int length = rowStart[u + 1] - start;
            rowStart[u] = write;
            if (length <= max) {
                System.arraycopy(rowItems, start, rowItems, write, length);
                System.arraycopy(rowWeights, start, rowWeights, write, length);
                System.arraycopy(rowLatest, start, rowLatest, write, length);
                write += length;
                continue;
            }
            int[] items = Arrays.copyOfRange(rowItems, start, start + length);
            double[] weights = Arrays.copyOfRange(rowWeights, start, start + length);
            long[] latest = Arrays.copyOfRange(rowLatest, start, start + length);
            double[] sorted = weights.clone();
            Arrays.sort(sorted);
            double threshold = sorted[length - max];
            int above = 0;
            int ties = 0;
            for (double weight : weights) {
                if (weight > threshold) {
                    above++;
                } else if (weight == threshold) {
                    ties++;
                }
            }
            // among the entries at the threshold weight, the most recent fill the remaining places
            int room = max - above;
            long[] tieTimes = new long[ties];
            int t = 0;
            for (int p = 0; p < length; p++) {
                if (weights[p] == threshold) {
                    tieTimes[t++] = latest[p];
                }
            }
            Arrays.sort(tieTimes);
            long latestCut = tieTimes[ties - room];
            int newerThanCut = 0;
            for (long time : tieTimes) {
                if (time > latestCut) {
                    newerThanCut++;
                }
            }
            int atCut = room - newerThanCut;
            for (int p = 0; p < length; p++) {
                boolean keep = weights[p] > threshold;
                if (!keep && weights[p] == threshold) {
                    keep = latest[p] > latestCut || (latest[p] == latestCut && atCut-- > 0);
                }
                if (keep) {
                    rowItems[write] = items[p];
                    rowWeights[write] = weights[p];
                    rowLatest[write] = latest[p];
                    write++;
                }
            }
        }
        rowStart[users] = write;
        return write;
    }

    /** Each item's position when the items are sorted by sku: the tie-break that keeps results independent of row order. */
    int[] nameRanks() {
        int count = items.size();
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = items.name(i);
        }
        String[] sorted = names.clone();
        Arrays.sort(sorted);
        int[] ranks = new int[count];
        for (int i = 0; i < count; i++) {
            ranks[i] = Arrays.binarySearch(sorted, names[i]);
        }
        return ranks;
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
