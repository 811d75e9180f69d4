package dev.concierge.personalization.experiment;

import org.jspecify.annotations.Nullable;

/**
 * Conversion rates and relative lift of an arm against a control, with a 95% confidence interval.
 *
 * <p>The lift is the ratio of the two conversion proportions minus one, {@code p1 / p0 - 1}. Its
 * interval is the Katz log interval for a ratio of two independent binomial proportions: by the
 * delta method, {@code ln(p1 / p0)} is approximately normal with standard error {@code sqrt((1 -
 * p1) / x1 + (1 - p0) / x0)}, where {@code x1} and {@code x0} are the conversions; the interval
 * {@code ln(p1 / p0) ± z * se} with {@code z} the 97.5% normal quantile is mapped back through
 * {@code exp(.) - 1}. The interval is asymmetric around the lift (as a ratio's should be), never
 * below {@code -1}, and narrows as exposures grow at constant rates. It is an approximation for
 * large counts: with a handful of conversions it is wide, and it says nothing about repeated looks
 * at a running experiment (no sequential correction) or about several arms at once (no
 * multiple-comparison correction).
 *
 * <p>Undefined cases give null rather than a misleading number: no exposures in either group, or
 * no conversions in the control (a ratio over zero), make the lift null; no conversions in the
 * arm make the lift {@code -1} but the interval null ({@code ln 0} is undefined, and a continuity
 * correction would invent data).
 */
public final class ExperimentStatistics {

    /** The confidence level of every interval. */
    public static final double LEVEL = 0.95;

    /** The standard normal's 97.5% quantile: a two-sided 95% interval. */
    public static final double Z_95 = 1.959963984540054;

    /** The method, in words, for those who read the results. */
    public static final String METHOD = "Lift is the arm's conversion rate divided by the control's, minus 1. The 95%"
            + " interval is the Katz log interval for a ratio of two binomial proportions (delta method on"
            + " ln(p1/p0), standard error sqrt((1-p1)/x1 + (1-p0)/x0) with x the conversions), mapped back as"
            + " exp(bound) - 1. Undefined (null) when a group has no exposures or the control no conversions;"
            + " the interval is also null when the arm has no conversions. No correction for peeking at a"
            + " running experiment or for comparing several arms.";

    /** A confidence interval at {@code level}. */
    public record Interval(double low, double high, double level) {

        public boolean contains(double value) {
            return low <= value && value <= high;
        }
    }

    /** An arm's lift against the control, and its interval when it is defined. */
    public record Lift(double lift, @Nullable Interval interval) {}

    private ExperimentStatistics() {}

    /** Conversions over exposures; 0 with no exposures. */
    public static double rate(long exposures, long conversions) {
        check(exposures, conversions);
        return exposures == 0 ? 0 : (double) conversions / exposures;
    }

    /**
     * The arm's lift against the control, or null when undefined (see the class comment).
     *
     * @throws IllegalArgumentException when a count is negative or conversions exceed exposures
     */
    public static @Nullable Lift lift(
            long armExposures, long armConversions, long controlExposures, long controlConversions) {
        check(armExposures, armConversions);
        check(controlExposures, controlConversions);
        if (armExposures == 0 || controlExposures == 0 || controlConversions == 0) {
            return null;
        }
        double p1 = (double) armConversions / armExposures;
        double p0 = (double) controlConversions / controlExposures;
        double ratio = p1 / p0;
        if (armConversions == 0) {
            return new Lift(ratio - 1, null);
        }
        double logRatio = Math.log(ratio);
        double se = Math.sqrt((1 - p1) / armConversions + (1 - p0) / controlConversions);
        Interval interval = new Interval(Math.expm1(logRatio - Z_95 * se), Math.expm1(logRatio + Z_95 * se), LEVEL);
        return new Lift(ratio - 1, interval);
    }

    private static void check(long exposures, long conversions) {
        if (exposures < 0 || conversions < 0 || conversions > exposures) {
            throw new IllegalArgumentException("expected 0 <= conversions <= exposures, got " + conversions
                    + " conversions of " + exposures + " exposures");
        }
    }
}
