package dev.concierge.personalization.bench;

import dev.concierge.personalization.recommendation.Interaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The training input of the measurement: exactly 1,000,000 interactions by 100,000 users
 * over 20,000 items, generated on the fly from a fixed seed (the same stream every time), the way a
 * database cursor streams them, so the input itself takes no heap.
 *
 * <ul>
 *   <li>Items: Zipf-like popularity (exponent 1, so the top item draws about 9% of the rows), in a
 *       shuffled order so that popularity has nothing to do with the id; 100 "taste" clusters of
 *       200 items each, every cluster holding popular and rare items alike.
 *   <li>Users: 90% light (1 to 8 rows), 9% regular (10 to 60), 1% heavy (100 to 600, beyond the
 *       trainer's 200-items-per-user cap); half of each user's rows come from their cluster, half
 *       from the global popularity.
 *   <li>Rows: 70% views, 15% add-to-cart, 15% purchases, spread over two years before {@link #NOW}.
 * </ul>
 */
final class TrainingWorkload {

    static final Instant NOW = Instant.parse("2026-06-15T00:00:00Z");
    static final int USERS = 100_000;
    static final int ITEMS = 20_000;
    static final int INTERACTIONS = 1_000_000;

    private static final int CLUSTERS = 100;
    private static final long SPAN_SECONDS = Duration.ofDays(730).toSeconds();
    private static final long SEED = 20_260_615L;

    private final String[] items = new String[ITEMS];
    private final String[] users = new String[USERS];
    private final int[] rowsPerUser = new int[USERS];
    private final int[] cluster = new int[USERS];
    private final double[] zipf = new double[ITEMS];

    TrainingWorkload() {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] order = new int[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            order[i] = i;
        }
        for (int i = ITEMS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        for (int rank = 0; rank < ITEMS; rank++) {
            items[rank] = String.format("SKU-%05d", order[rank]);
        }
        double total = 0;
        for (int rank = 0; rank < ITEMS; rank++) {
            total += 1.0 / (rank + 1);
            zipf[rank] = total;
        }
        for (int rank = 0; rank < ITEMS; rank++) {
            zipf[rank] /= total;
        }
        long sum = 0;
        for (int u = 0; u < USERS; u++) {
            users[u] = "user-" + u;
            cluster[u] = random.nextInt(CLUSTERS);
            int kind = random.nextInt(100);
            rowsPerUser[u] =
                    kind < 90 ? 1 + random.nextInt(8) : kind < 99 ? 10 + random.nextInt(51) : 100 + random.nextInt(501);
            sum += rowsPerUser[u];
        }
        // nudge the counts so that the total is exactly INTERACTIONS
        while (sum != INTERACTIONS) {
            int u = random.nextInt(USERS);
            if (sum < INTERACTIONS) {
                rowsPerUser[u]++;
                sum++;
            } else if (rowsPerUser[u] > 1) {
                rowsPerUser[u]--;
                sum--;
            }
        }
    }

    /** A fresh stream of the same rows. */
    Iterator<Interaction> stream() {
        return new Iterator<>() {
            private final SplittableRandom random = new SplittableRandom(SEED + 1);
            private int user;
            private int left = rowsPerUser[0];

            @Override
            public boolean hasNext() {
                return user < USERS;
            }

            @Override
            public Interaction next() {
                if (user >= USERS) {
                    throw new NoSuchElementException();
                }
                int rank = random.nextBoolean()
                        ? cluster[user] + CLUSTERS * random.nextInt(ITEMS / CLUSTERS)
                        : zipfRank(random.nextDouble());
                int kind = random.nextInt(100);
                Interaction.Signal signal = kind < 70
                        ? Interaction.Signal.VIEW
                        : kind < 85 ? Interaction.Signal.ADD_TO_CART : Interaction.Signal.PURCHASE;
                Instant at = NOW.minusSeconds(random.nextLong(SPAN_SECONDS));
                Interaction row = new Interaction(users[user], items[rank], at, signal);
                if (--left == 0 && ++user < USERS) {
                    left = rowsPerUser[user];
                }
                return row;
            }
        };
    }

    private int zipfRank(double uniform) {
        int low = 0;
        int high = ITEMS - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (zipf[mid] < uniform) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
