package dev.concierge.personalization.decision;

import dev.concierge.personalization.experiment.Assignment;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The decision for one slot: the chosen variant (null when nothing is eligible), the experiment
 * assignment when the slot's experiment applied to the subject, and the reasons.
 */
public record SlotDecision(
        String slot,
        @Nullable ContentVariant chosen,
        @Nullable Assignment assignment,
        List<Reason> reasons) {

    public SlotDecision {
        reasons = List.copyOf(reasons);
    }
}
