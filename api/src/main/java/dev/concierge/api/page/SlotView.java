package dev.concierge.api.page;

import dev.concierge.personalization.decision.Reason;
import dev.concierge.personalization.decision.SlotDecision;
import dev.concierge.personalization.experiment.Assignment;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code Slot}: a slot decision with its content in typed form. */
record SlotView(
        String name,
        @Nullable Object content,
        @Nullable String variant,
        @Nullable Assignment experiment,
        List<Reason> reasons) {

    static SlotView of(SlotDecision decision) {
        return new SlotView(
                decision.slot(),
                decision.chosen() == null ? null : ContentViews.of(decision.chosen()),
                decision.chosen() == null ? null : decision.chosen().key(),
                decision.assignment(),
                decision.reasons());
    }
}
