package dev.concierge.personalization.experiment;

import dev.concierge.personalization.customer.Subject;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A subject saw an experiment's slot: in an arm, or in the holdout ({@code arm} null). */
public record Exposure(
        String experimentId, Subject subject, @Nullable String arm, Instant at) {}
