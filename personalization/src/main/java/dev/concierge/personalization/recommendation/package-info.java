/**
 * Recommendations: the {@link dev.concierge.personalization.recommendation.Recommender} port the
 * page uses, and a popularity recommender that stands in until the item-to-item engine exists.
 */
@NullMarked
package dev.concierge.personalization.recommendation;

import org.jspecify.annotations.NullMarked;
