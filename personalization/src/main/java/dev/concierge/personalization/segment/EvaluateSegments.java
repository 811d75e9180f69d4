package dev.concierge.personalization.segment;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.customer.StoreLocation;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which segments a customer is in for one request, from the snapshot and the request
 * context. Runs on every page, so it allocates next to nothing and never fails on odd snapshot
 * data; the stores are the ones {@code nearStore} measures against.
 */
public final class EvaluateSegments {

    private final List<StoreLocation> stores;
    private final Map<String, StoreLocation> storesById;

    /** @throws IllegalArgumentException when two stores share an id */
    public EvaluateSegments(List<StoreLocation> stores) {
        this.stores = List.copyOf(stores);
        Map<String, StoreLocation> byId = new HashMap<>();
        for (StoreLocation store : this.stores) {
            if (byId.putIfAbsent(store.id(), store) != null) {
                throw new IllegalArgumentException("two stores have the id " + store.id());
            }
        }
        this.storesById = Map.copyOf(byId);
    }

    /** The segments whose rules match. */
    public Membership evaluate(Collection<Segment> segments, CustomerSnapshot snapshot, RequestContext context) {
        Evaluation evaluation = new Evaluation(snapshot, context, stores, storesById);
        Set<String> ids = null;
        for (Segment segment : segments) {
            if (evaluation.matches(segment.rule())) {
                if (ids == null) {
                    ids = new HashSet<>();
                }
                ids.add(segment.id());
            }
        }
        return ids == null ? Membership.NONE : new Membership(ids);
    }

    /** Whether one rule matches, e.g. to preview a rule before saving it. */
    public boolean matches(Rule rule, CustomerSnapshot snapshot, RequestContext context) {
        return new Evaluation(snapshot, context, stores, storesById).matches(rule);
    }
}
