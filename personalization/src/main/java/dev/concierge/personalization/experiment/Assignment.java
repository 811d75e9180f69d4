package dev.concierge.personalization.experiment;

import org.jspecify.annotations.Nullable;

/**
 * Where bucketing put a subject in an experiment: an arm, or the holdout ({@code arm} null and
 * {@code inControlGroup} true).
 */
public record Assignment(String experimentId, @Nullable String arm, boolean inControlGroup) {}
