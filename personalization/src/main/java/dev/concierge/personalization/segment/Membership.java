package dev.concierge.personalization.segment;

import java.util.Set;

/** The segments a customer is in for one request, by id. */
public record Membership(Set<String> segmentIds) {

    public static final Membership NONE = new Membership(Set.of());

    public Membership {
        segmentIds = Set.copyOf(segmentIds);
    }

    public boolean contains(String segmentId) {
        return segmentIds.contains(segmentId);
    }
}
