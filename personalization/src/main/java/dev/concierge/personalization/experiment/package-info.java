/**
 * Experiments: weighted arms and a holdout, deterministic bucketing by a stable hash of (subject,
 * experiment), and the exposure log.
 */
@NullMarked
package dev.concierge.personalization.experiment;

import org.jspecify.annotations.NullMarked;
