package dev.concierge.personalization.recommendation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the item-to-item similarity table from interactions: for every item, its {@code topK}
 * most similar items.
 *
 * <p><b>The user vectors.</b> Each user gives each item a weight: the sum over their interactions
 * with it of the signal's weight (purchase, add-to-cart, view) times {@code 0.5^(age / halfLife)}.
 * Rows may repeat and come in any order; a repeated row adds its weight again. A user keeps only
 * their {@value #MAX_ITEMS_PER_USER} heaviest items (ties: the most recent), so that one heavy user
 * (a reseller, a crawler, a staff account) cannot blow up the pair count, which grows with the square
 * of a user's items.
 *
 * <p><b>The similarity</b> of items {@code a} and {@code b}, whose vectors run over users:
 *
 * <pre>
 * sim(a, b) = dot(a, b) / (|a| |b|) * support / (support + shrinkage)
 * </pre>
 *
 * where {@code support} is the number of users with both items. Pairs with {@code support <
 * minSupport} are dropped. The cosine divides by both norms, so an item that everybody buys does
 * not become everybody's neighbour, as it would with raw co-occurrence counts: its norm is large,
 * and a specific partner bought by the same few customers scores higher. The shrinkage factor pulls
 * the scores of pairs seen by few users towards zero, since a cosine of 1 from two customers is
 * weak evidence. Because time decay scales every weight by the same factor as {@code now} moves, the
 * cosine does not depend on {@code now}, only on the relative ages of the interactions.
 *
 * <p><b>Memory and time.</b> The stream is read once into a sparse matrix with int ids (about 32
 * bytes per distinct user-item pair, nothing per repeated row), then each item's row of similarities
 * is computed in turn with a dense accumulator over the catalogue; no pair table is ever built. Time
 * is {@code O(sum over users of items(user)^2)}, bounded by the cap.
 *
 * <p>Thread-safe: a trainer keeps no state between calls.
 */
public final class ItemSimilarityTrainer {

    /** The most items one user contributes to co-occurrence. */
    static final int MAX_ITEMS_PER_USER = 200;

    private final TrainingSettings settings;
    private final int maxItemsPerUser;

    public ItemSimilarityTrainer(TrainingSettings settings) {
        this(settings, MAX_ITEMS_PER_USER);
    }

    ItemSimilarityTrainer(TrainingSettings settings, int maxItemsPerUser) {
        if (maxItemsPerUser < 2) {
            throw new IllegalArgumentException("maxItemsPerUser must be >= 2, got " + maxItemsPerUser);
        }
        this.settings = settings;
        this.maxItemsPerUser = maxItemsPerUser;
    }

    /**
     * Trains on every interaction, read once, with ages counted back from {@code now} (rows dated
     * later count as made at {@code now}).
     */
    public SimilarityModel train(Iterator<Interaction> interactions, Instant now) {
        Vectors vectors = Vectors.read(interactions, settings, now, maxItemsPerUser);
        Cooccurrence rows = new Cooccurrence(vectors, settings);
        int items = vectors.items.size();
        Map<String, List<Neighbour>> neighbours = new HashMap<>(items * 4 / 3 + 1);
        Map<String, Double> norms = new HashMap<>(items * 4 / 3 + 1);
        for (int item = 0; item < items; item++) {
            List<Neighbour> row = rows.neighbours(item, vectors.norms);
            String sku = vectors.items.name(item);
            if (!row.isEmpty()) {
                neighbours.put(sku, row);
            }
            if (vectors.norms[item] > 0) {
                norms.put(sku, vectors.norms[item]);
            }
        }
        return new SimilarityModel(neighbours, norms, now, vectors.interactions, vectors.users, items);
    }

    /**
     * The incremental path, for items with new interactions since the last full training (e.g. the
     * items of recent purchases): recomputes the neighbour lists of just {@code items}.
     *
     * <p>{@code interactionsOfUsersWhoTouchedThem} must hold every interaction (with any item) of
     * every user who interacted with one of {@code items}; with it the dot products and supports of
     * these items with every other item, and the norms of these items, are exact. The norm of the
     * other side of each pair, an item {@code b} outside {@code items}, comes from {@code norms}
     * (the last full training's {@link SimilarityModel#norms()}); when the given interactions show
     * {@code b} heavier than that (new interactions with {@code b} since then), or {@code b} is new,
     * the larger norm seen in these interactions is used instead.
     *
     * <p>The approximation: (1) the norms of other items are as of the last training, so a score
     * involving an item that gained interactions since then by users outside this set is slightly too
     * high; (2) the lists of the other items are not updated, so {@code a} may be missing from
     * {@code b}'s list until the next full training; (3) the stored norms decay from the last
     * training's {@code now}, so pass that instant (the model's {@code computedAt}) as {@code now}:
     * new interactions then count as made at that instant, off by a factor of at most {@code
     * 2^(gap / halfLife)} (0.4% for a one-day gap at the default 180-day half-life). Passing the current
     * instant instead lowers these items' scores against other-side norms by {@code
     * 0.5^(gap / halfLife)}, the same small factor. A full training on a schedule resets all three.
     *
     * @return a list for every item asked for, empty when it has no neighbours (so that stored ones
     *     can be removed)
     */
    public Map<String, List<Neighbour>> recompute(
            Set<String> items,
            Iterator<Interaction> interactionsOfUsersWhoTouchedThem,
            Map<String, Double> norms,
            Instant now) {
        Vectors vectors = Vectors.read(interactionsOfUsersWhoTouchedThem, settings, now, maxItemsPerUser);
        int count = vectors.items.size();
        double[] effective = new double[count];
        for (int item = 0; item < count; item++) {
            Double stored = norms.get(vectors.items.name(item));
            effective[item] = stored == null ? vectors.norms[item] : Math.max(stored, vectors.norms[item]);
        }
        for (String sku : items) {
            int item = vectors.items.find(sku);
            if (item >= 0) {
                effective[item] = vectors.norms[item];
            }
        }
        Cooccurrence rows = new Cooccurrence(vectors, settings);
        Map<String, List<Neighbour>> recomputed = new HashMap<>();
        for (String sku : items) {
            int item = vectors.items.find(sku);
            recomputed.put(sku, item < 0 ? List.of() : rows.neighbours(item, effective));
        }
        return Map.copyOf(recomputed);
    }
}
