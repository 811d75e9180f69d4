package dev.concierge.api.targeting;

import dev.concierge.personalization.experiment.ExperimentStatistics;
import dev.concierge.personalization.experiment.ExperimentStatistics.Interval;
import dev.concierge.personalization.experiment.ExperimentStatistics.Lift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An experiment's results: per arm (key order), then the holdout when it has one. The control is
 * the holdout when the holdout share is above 0, else the first arm in key order.
 */
record ExperimentResults(List<ArmResult> arms, String control, String method, Instant computedAt) {

    static final String HOLDOUT = "holdout";

    /** One arm's figures, or the holdout's ({@code arm} null). */
    record ArmResult(
            @Nullable String arm,
            boolean isControl,
            int exposures,
            int conversions,
            double conversionRate,
            @Nullable Double lift,
            @Nullable Interval liftInterval) {}

    /** Distinct subjects exposed, and those of them who converted, in one group. */
    record Counts(long exposures, long conversions) {
        static final Counts NONE = new Counts(0, 0);
    }

    /**
     * @param counts per arm key, the holdout under {@code null}
     */
    static ExperimentResults of(ExperimentDefinition experiment, Map<@Nullable String, Counts> counts, Instant at) {
        boolean holdout = experiment.holdoutShare() > 0;
        List<ExperimentDefinition.Arm> arms = experiment.arms();
        String controlKey = holdout || arms.isEmpty() ? null : arms.get(0).key();
        Counts control = counts.getOrDefault(controlKey, Counts.NONE);
        List<ArmResult> results = new ArrayList<>(arms.size() + 1);
        for (ExperimentDefinition.Arm arm : arms) {
            Counts armCounts = counts.getOrDefault(arm.key(), Counts.NONE);
            boolean isControl = arm.key().equals(controlKey);
            Lift lift = isControl
                    ? null
                    : ExperimentStatistics.lift(
                            armCounts.exposures(), armCounts.conversions(), control.exposures(), control.conversions());
            results.add(result(arm.key(), isControl, armCounts, lift));
        }
        if (holdout) {
            results.add(result(null, true, control, null));
        }
        return new ExperimentResults(
                results,
                holdout ? HOLDOUT : controlKey == null ? HOLDOUT : controlKey,
                ExperimentStatistics.METHOD + " The control is the holdout when the experiment has one, else the"
                        + " first arm in key order; conversions count exposed subjects who converted at or after"
                        + " their first exposure.",
                at);
    }

    private static ArmResult result(@Nullable String arm, boolean isControl, Counts counts, @Nullable Lift lift) {
        return new ArmResult(
                arm,
                isControl,
                (int) counts.exposures(),
                (int) counts.conversions(),
                ExperimentStatistics.rate(counts.exposures(), counts.conversions()),
                lift == null ? null : lift.lift(),
                lift == null ? null : lift.interval());
    }
}
