package dev.concierge.personalization.recommendation;

/**
 * How {@link ItemToItemRecommender} ranks a customer's list.
 *
 * @param recentItems how many of the customer's strongest seeds (purchases, then recent views and
 *     add-to-carts, weighted by kind and age) seed the candidates
 * @param maxPerCategory the most items of one category in a list of {@value #REFERENCE_LIMIT}; a
 *     longer or shorter list scales it ({@code ceil(maxPerCategory * limit / 10)}, at least 1).
 *     Only when the candidates and popular products of other categories run out does a list take
 *     more.
 * @param popularityFill the largest share of a list (0 to 1) that popular products may fill when the
 *     item-to-item candidates run short; 0 returns short lists instead
 */
public record RecommenderSettings(int recentItems, int maxPerCategory, double popularityFill) {

    /** The list length {@code maxPerCategory} is given for. */
    static final int REFERENCE_LIMIT = 10;

    /** 20 recent purchases as seeds, at most 3 of a category in 10, popular products fill any gap. */
    public static final RecommenderSettings DEFAULTS = new RecommenderSettings(20, 3, 1.0);

    public RecommenderSettings {
        if (recentItems < 1) {
            throw new IllegalArgumentException("recentItems must be >= 1, got " + recentItems);
        }
        if (maxPerCategory < 1) {
            throw new IllegalArgumentException("maxPerCategory must be >= 1, got " + maxPerCategory);
        }
        if (!(popularityFill >= 0 && popularityFill <= 1)) {
            throw new IllegalArgumentException("popularityFill must be between 0 and 1, got " + popularityFill);
        }
    }

    /** The most items of one category in a list of {@code limit}. */
    int categoryCap(int limit) {
        return Math.max(1, (int) Math.ceil((double) maxPerCategory * limit / REFERENCE_LIMIT));
    }

    /** The most popular products a list of {@code limit} may be filled with. */
    int fillCap(int limit) {
        return (int) Math.floor(popularityFill * limit + 1e-9);
    }
}
