package dev.concierge.personalization.customer;

import java.time.Instant;

/** One row of the append-only consent ledger. */
public record Consent(ConsentPurpose purpose, boolean granted, String source, Instant recordedAt) {}
