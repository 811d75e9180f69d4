package dev.concierge.api.page;

import dev.concierge.api.cache.CacheFactory;
import dev.concierge.personalization.cache.Consistency;
import dev.concierge.personalization.cache.TwoLevelCache;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.CustomerSnapshots;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.recommendation.ItemNeighbours;
import dev.concierge.personalization.recommendation.ItemToItemRecommender;
import dev.concierge.personalization.recommendation.Recommendations;
import dev.concierge.personalization.recommendation.Recommender;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The recommender behind the two-level cache. A customer's list is read-your-writes under the
 * customer's generation ({@code customer:<id>}, as their snapshot): every write about them — a
 * purchase above all, and tracked browsing — starts a new generation, so the next request on any
 * instance computes a new list, without what they just bought and seeded by what they just viewed. Lists for everyone else (signed out, or no
 * PERSONALIZATION consent) are shared, EVENTUAL. Lists are keyed by the model they were computed
 * from (its freshness), so a rebuild replaces every list at once, and by size, channel and locale,
 * the only parts of the request context recommendations vary with; each is computed for the
 * context of the request that missed.
 */
class CachedRecommendations {

    private final ItemNeighbours model;
    private final TwoLevelCache<Personal, Recommendations> personal;
    private final TwoLevelCache<General, Recommendations> general;

    /** A customer's list: the loader reads their snapshot itself, after the generation was read. */
    record Personal(long model, String customerId, RequestContext context, int limit) {

        String id() {
            return model + "|" + limit + "|" + context.channel() + "|" + context.locale() + "|" + customerId;
        }
    }

    /** A list for nobody in particular. */
    record General(long model, RequestContext context, int limit) {

        String id() {
            return model + "|" + limit + "|" + context.channel() + "|" + context.locale();
        }
    }

    /**
     * @param model where the model's freshness is read from (cached there)
     * @param recentInteractions the customer's recent views and add-to-carts, read only when their
     *     list is computed (a tracked event starts a new generation, as a purchase does)
     */
    CachedRecommendations(
            CacheFactory caches,
            CustomerSnapshots snapshots,
            ItemNeighbours model,
            RecentInteractionRepository recentInteractions,
            ItemToItemRecommender recommender) {
        this.model = model;
        this.personal = caches.create(
                "recommendations",
                Consistency.READ_YOUR_WRITES,
                Personal::id,
                key -> PageCaches.generation(key.customerId()),
                Recommendations.class,
                key -> snapshots.snapshot(key.customerId()).flatMap(customer -> {
                    if (!customer.consents().granted(ConsentPurpose.PERSONALIZATION)) {
                        return recommender.recommend(null, key.context(), key.limit());
                    }
                    return recentInteractions
                            .recent(key.customerId(), key.context().now())
                            .flatMap(recent -> recommender.recommend(customer, recent, key.context(), key.limit()));
                }));
        this.general = caches.create(
                "trending-recommendations",
                Consistency.EVENTUAL,
                General::id,
                null,
                Recommendations.class,
                key -> recommender.recommend(null, key.context(), key.limit()));
    }

    /**
     * As {@link Recommender#recommend}: {@code customer} null for a signed-out visitor or a
     * customer without PERSONALIZATION consent.
     */
    Mono<Recommendations> recommend(@Nullable CustomerSnapshot customer, RequestContext context, int limit) {
        return model.computedAt()
                .map(Instant::toEpochMilli)
                .defaultIfEmpty(0L)
                .flatMap(version -> customer == null
                        ? general.get(new General(version, context, limit))
                        : personal.get(new Personal(version, customer.customerId(), context, limit)));
    }
}
