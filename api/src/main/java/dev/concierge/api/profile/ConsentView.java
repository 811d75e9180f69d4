package dev.concierge.api.profile;

import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.Consents;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code Consent} type: one purpose's current state. */
public record ConsentView(
        ConsentPurpose purpose,
        boolean granted,
        @Nullable String source,
        @Nullable Instant updatedAt) {

    static ConsentView of(Consents consents, ConsentPurpose purpose) {
        return consents.latest(purpose)
                .map(row -> new ConsentView(purpose, row.granted(), row.source(), row.recordedAt()))
                .orElseGet(() -> new ConsentView(purpose, false, null, null));
    }

    static List<ConsentView> all(Consents consents) {
        return consents.purposes().stream()
                .map(purpose -> of(consents, purpose))
                .toList();
    }
}
