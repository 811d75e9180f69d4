package dev.concierge.api.targeting;

import dev.concierge.personalization.segment.AudienceCount;
import java.time.Instant;

/** The GraphQL {@code AudienceEstimate}: counts only, never a customer. */
record AudienceEstimate(
        int customers,
        int matchingWithoutConsent,
        int totalCustomers,
        double share,
        boolean exact,
        int sampled,
        int low,
        int high,
        String note,
        Instant computedAt) {

    static AudienceEstimate of(AudienceCount count, String note, Instant computedAt) {
        return new AudienceEstimate(
                clamp(count.customers()),
                clamp(count.matchingWithoutConsent()),
                clamp(count.total()),
                count.share(),
                count.exact(),
                clamp(count.sampled()),
                clamp(count.low()),
                clamp(count.high()),
                note,
                computedAt);
    }

    private static int clamp(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
