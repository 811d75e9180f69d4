package dev.concierge.personalization.segment;

/**
 * How many customers a rule matches: counted over every customer, or estimated from a uniform
 * random sample without replacement and scaled up to the total.
 *
 * <p>A sampled estimate's 95% interval is the Wilson score interval for the share of consenting
 * matches in the sample, times the total, then narrowed to what is certain: at least the matches
 * seen, at most the total minus the non-matches seen. Wilson's interval keeps its coverage near 0
 * and 1 where the normal approximation fails; it ignores the finite-population correction, so it
 * is slightly wide when the sample is a large part of the population.
 *
 * @param customers matching customers with {@code PERSONALIZATION} consent (estimated when sampled)
 * @param matchingWithoutConsent matching customers with or without consent (estimated when sampled)
 * @param total customers known in all
 * @param sampled customers evaluated
 * @param low the interval's lower end for {@code customers}; equal to it when exact
 * @param high the interval's upper end for {@code customers}; equal to it when exact
 */
public record AudienceCount(
        long customers, long matchingWithoutConsent, long total, long sampled, boolean exact, long low, long high) {

    /** The standard normal's 97.5% quantile: a two-sided 95% interval. */
    static final double Z_95 = 1.959963984540054;

    public AudienceCount {
        if (total < 0 || sampled < 0 || sampled > total) {
            throw new IllegalArgumentException("expected 0 <= sampled <= total, got " + sampled + " of " + total);
        }
        if (customers < 0 || customers > matchingWithoutConsent || matchingWithoutConsent > total) {
            throw new IllegalArgumentException("expected 0 <= customers <= matching <= total, got " + customers + ", "
                    + matchingWithoutConsent + ", " + total);
        }
        if (!(low <= customers && customers <= high && low >= 0 && high <= total)) {
            throw new IllegalArgumentException(
                    "expected 0 <= low <= customers <= high <= total, got " + low + ", " + customers + ", " + high);
        }
    }

    /** Every customer was evaluated. */
    public static AudienceCount exact(long consenting, long matching, long total) {
        return new AudienceCount(consenting, matching, total, total, true, consenting, consenting);
    }

    /**
     * Scales a sample's counts up to {@code total}.
     *
     * @param consenting matches with consent in the sample
     * @param matching matches in the sample, with or without consent
     * @param sampled the sample's size, at most {@code total}
     */
    public static AudienceCount sampled(long consenting, long matching, long sampled, long total) {
        if (sampled == total) {
            return exact(consenting, matching, total);
        }
        if (sampled <= 0 || consenting < 0 || consenting > matching || matching > sampled || sampled > total) {
            throw new IllegalArgumentException("expected 0 <= consenting <= matching <= sampled <= total, sampled > 0,"
                    + " got " + consenting + ", " + matching + ", " + sampled + ", " + total);
        }
        double share = (double) consenting / sampled;
        long customers = Math.round(share * total);
        long allMatching = Math.round((double) matching / sampled * total);
        double[] wilson = wilson(consenting, sampled);
        long low = Math.max(consenting, (long) Math.floor(wilson[0] * total));
        long high = Math.min(total - (sampled - consenting), (long) Math.ceil(wilson[1] * total));
        // The scaled point estimate respects the certain bounds, and so does the interval around it.
        customers = Math.max(low, Math.min(high, customers));
        allMatching = Math.max(customers, Math.min(total - (sampled - matching), Math.max(matching, allMatching)));
        return new AudienceCount(customers, allMatching, total, sampled, false, low, high);
    }

    /** {@code customers / total}, 0 when there are no customers. */
    public double share() {
        return total == 0 ? 0 : (double) customers / total;
    }

    /** The 95% Wilson score interval for a proportion of {@code successes} in {@code trials}, as {low, high}. */
    static double[] wilson(long successes, long trials) {
        double n = trials;
        double p = successes / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double halfWidth = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)};
    }
}
