package dev.concierge.api.page;

import dev.concierge.personalization.decision.Greeting;
import dev.concierge.personalization.decision.PageDecision;
import dev.concierge.personalization.decision.Reason;
import java.time.Instant;
import java.util.List;

/**
 * The GraphQL {@code PagePreview}: a page decided for an audience. Its slots are the page's own
 * {@link SlotView}s, so that a preview renders exactly as the page does.
 *
 * @param audience who it was decided for, in words; never a customer's name
 * @param at the instant it was decided at
 */
record PagePreview(
        String slug,
        PageDecision.Mode mode,
        String audience,
        List<SegmentRef> segments,
        List<SlotView> slots,
        Greeting greeting,
        List<Reason> reasons,
        Instant at) {}
