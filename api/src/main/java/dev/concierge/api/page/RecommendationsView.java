package dev.concierge.api.page;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.decision.Reason;
import dev.concierge.personalization.recommendation.Recommendations;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code Recommendations}: a list, and why it is personal or not. */
record RecommendationsView(
        List<Recommendations.Item> items, String strategy, Instant computedAt, List<Reason> reasons) {

    RecommendationsView(Recommendations recommendations, List<Reason> reasons) {
        this(recommendations.items(), recommendations.strategy(), recommendations.computedAt(), reasons);
    }

    /**
     * @param customer the signed-in customer, null when signed out
     * @param personal whether the list was ranked for the customer (they granted PERSONALIZATION)
     */
    static List<Reason> reasons(@Nullable CustomerSnapshot customer, boolean personal) {
        if (personal) {
            return List.of(Reason.of(Reason.Code.PERSONAL_RANKING, "Ranked for your interests"));
        }
        return List.of(
                customer == null
                        ? Reason.of(Reason.Code.DEFAULT_SIGNED_OUT, "Default: popular products")
                        : Reason.of(Reason.Code.DEFAULT_NO_CONSENT, "Default: no personalization consent"));
    }
}
