package dev.concierge.personalization.decision;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.customer.StoreLocation;
import dev.concierge.personalization.customer.Subject;
import dev.concierge.personalization.segment.Membership;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A decided page and what it was decided from, so that the page's other sections (offers,
 * recommendations, reminders) are decided for the same subject and context.
 *
 * @param nearestStore null without LOCATION consent or without a location; the reasons say which
 * @param reasons page-level reasons: the personalization mode, and sections left out
 */
public record PersonalizedPage(
        PageDecision decision,
        @Nullable CustomerSnapshot customer,
        @Nullable Subject subject,
        Membership membership,
        RequestContext context,
        @Nullable NearestStore nearestStore,
        List<Reason> reasons) {

    public PersonalizedPage {
        reasons = List.copyOf(reasons);
    }

    public boolean personalized() {
        return decision.mode() == PageDecision.Mode.PERSONALIZED;
    }

    /** The store nearest the visitor, and how far it is. */
    public record NearestStore(StoreLocation store, double distanceKm) {}
}
