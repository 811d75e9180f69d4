/**
 * Recommendations. The {@link dev.concierge.personalization.recommendation.Recommender} port the
 * page uses, served by {@link dev.concierge.personalization.recommendation.ItemToItemRecommender}
 * (seeds from the customer's purchases, neighbours from the item-similarity table, diversity,
 * popularity fill, reasons); the similarity table is
 * computed by {@link dev.concierge.personalization.recommendation.ItemSimilarityTrainer} (full and
 * incremental) and scored offline by {@link
 * dev.concierge.personalization.recommendation.OfflineEvaluation}, which {@link
 * dev.concierge.personalization.recommendation.EvaluateRecommendations} runs on a CSV file ({@link
 * dev.concierge.personalization.recommendation.InteractionsCsv}). Everything else here is
 * package-private machinery: int interning, the sparse user-item matrix, the per-item
 * co-occurrence rows.
 */
@NullMarked
package dev.concierge.personalization.recommendation;

import org.jspecify.annotations.NullMarked;
