package dev.concierge.personalization.recommendation;

import java.time.Duration;

/**
 * How {@link ItemSimilarityTrainer} weighs interactions and prunes the similarity table.
 *
 * @param purchaseWeight the weight of a purchase, the strong signal
 * @param addToCartWeight the weight of an add-to-cart
 * @param viewWeight the weight of a product view
 * @param halfLife the age at which an interaction counts half as much as one made now
 * @param shrinkage how many co-occurring users a pair needs for its cosine to count half: the
 *     score is multiplied by {@code support / (support + shrinkage)}, so pairs seen by a handful of
 *     users rank below equally similar pairs seen by many
 * @param topK how many neighbours to keep per item
 * @param minSupport the fewest users who must have interacted with both items of a pair
 */
public record TrainingSettings(
        double purchaseWeight,
        double addToCartWeight,
        double viewWeight,
        Duration halfLife,
        double shrinkage,
        int topK,
        int minSupport) {

    /** Purchases 1, add-to-cart 0.5, views 0.1; a 180-day half-life; shrinkage 10; top 50; support 2. */
    public static final TrainingSettings DEFAULTS =
            new TrainingSettings(1.0, 0.5, 0.1, Duration.ofDays(180), 10, 50, 2);

    public TrainingSettings {
        requireWeight("purchaseWeight", purchaseWeight);
        requireWeight("addToCartWeight", addToCartWeight);
        requireWeight("viewWeight", viewWeight);
        if (purchaseWeight == 0 && addToCartWeight == 0 && viewWeight == 0) {
            throw new IllegalArgumentException("at least one signal weight must be positive");
        }
        if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive, got " + halfLife);
        }
        if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
            throw new IllegalArgumentException("shrinkage must be a finite number >= 0, got " + shrinkage);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
        if (minSupport < 1) {
            throw new IllegalArgumentException("minSupport must be >= 1, got " + minSupport);
        }
    }

    /** The weight of one interaction of this kind before time decay. */
    double weight(Interaction.Signal signal) {
        return switch (signal) {
            case PURCHASE -> purchaseWeight;
            case ADD_TO_CART -> addToCartWeight;
            case VIEW -> viewWeight;
        };
    }

    private static void requireWeight(String name, double weight) {
        // written so that NaN fails too
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + weight);
        }
    }
}
