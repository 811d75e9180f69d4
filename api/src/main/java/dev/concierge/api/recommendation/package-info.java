/**
 * The recommendation engine's adapters: the item-to-item model in PostgreSQL (item_similarity,
 * item norms, the log of rebuilds), the job that rebuilds it (at start when empty, on a schedule,
 * on an SRE's request; one instance at a time), the incremental update after each purchase, the
 * cached {@code ItemNeighbours} port the core's recommender reads, and the GraphQL fields {@code
 * Product.similar}, {@code Product.goesWith} and {@code rebuildRecommendations}. The page's
 * recommendations are served by the page package, through the same port.
 */
@NullMarked
package dev.concierge.api.recommendation;

import org.jspecify.annotations.NullMarked;
