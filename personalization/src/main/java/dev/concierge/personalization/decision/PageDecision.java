package dev.concierge.personalization.decision;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The decided page: how far it is personalized, one decision per slot in display order, the
 * greeting, and the page-level reasons (why the page is the default page, when it is).
 */
public record PageDecision(String slug, Mode mode, List<SlotDecision> slots, Greeting greeting, List<Reason> reasons) {

    /** How far a page may be personalized for its subject. */
    public enum Mode {
        /** A customer who granted {@code PERSONALIZATION}: targeted content, experiments, occasions. */
        PERSONALIZED,
        /** A customer without {@code PERSONALIZATION} consent: content for everyone, no experiments. */
        NO_CONSENT,
        /** A signed-out visitor: content for everyone; experiments only by anonymous id. */
        SIGNED_OUT
    }

    public PageDecision {
        slots = List.copyOf(slots);
        reasons = List.copyOf(reasons);
    }

    /** The decision for the named slot, or null when the page has no such slot. */
    public @Nullable SlotDecision slot(String name) {
        for (SlotDecision decision : slots) {
            if (decision.slot().equals(name)) {
                return decision;
            }
        }
        return null;
    }
}
