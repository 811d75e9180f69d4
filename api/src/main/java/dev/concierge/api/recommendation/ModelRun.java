package dev.concierge.api.recommendation;

import java.time.Instant;

/**
 * A completed full rebuild of the model, as recorded: what started it, when, what it read and how
 * long it took. The GraphQL {@code RecommendationModelRun}.
 *
 * @param computedAt the model's freshness: the instant its time decay was computed for
 * @param neighbours rows written to item_similarity
 */
record ModelRun(
        long id,
        Trigger trigger,
        Instant startedAt,
        Instant computedAt,
        long interactions,
        int users,
        int items,
        long neighbours,
        long durationMs) {

    /** What started a rebuild. */
    enum Trigger {
        /** Start-up found no model. */
        STARTUP,
        /** The periodic schedule. */
        SCHEDULE,
        /** An SRE, through {@code rebuildRecommendations}. */
        ON_DEMAND
    }
}
