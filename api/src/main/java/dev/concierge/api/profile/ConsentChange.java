package dev.concierge.api.profile;

import dev.concierge.personalization.customer.ConsentPurpose;
import java.time.Instant;

/** One consent ledger entry, and whether it withdrew a grant. */
public record ConsentChange(
        ConsentPurpose purpose, boolean granted, boolean revocation, String source, Instant recordedAt) {}
