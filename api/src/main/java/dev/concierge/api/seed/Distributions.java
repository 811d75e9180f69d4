package dev.concierge.api.seed;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.SplittableRandom;

/** The skews of real retail, as samplers over indexes. */
final class Distributions {

    private Distributions() {}

    /** Samples index {@code i} with probability proportional to {@code weights[i]}. */
    static final class Weighted {

        private final double[] cumulative;

        Weighted(double[] weights) {
            cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("at least one weight must be positive");
            }
        }

        /** The first index whose running sum exceeds a uniform target: never an index of weight 0. */
        int sample(SplittableRandom random) {
            double total = cumulative[cumulative.length - 1];
            while (true) {
                int found = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                if (found < 0) {
                    return Math.min(-found - 1, cumulative.length - 1);
                }
                // An exact hit of a running sum is ambiguous between neighbours of weight 0: draw again.
            }
        }
    }

    /**
     * Zipf popularity over {@code n} items in a shuffled order: the best sellers are a few items
     * spread across categories, and most of the catalogue sells rarely.
     */
    static Weighted zipf(int n, double exponent, SplittableRandom random) {
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rank[i];
            rank[i] = rank[j];
            rank[j] = swap;
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / Math.pow(rank[i] + 1, exponent);
        }
        return new Weighted(weights);
    }

    /** A Pareto activity weight (alpha 1.16: about 20% of customers make 80% of the activity), capped. */
    static double paretoWeight(SplittableRandom random) {
        return Math.min(500.0, Math.pow(1.0 - random.nextDouble(), -1.0 / 1.16));
    }

    /**
     * The days {@code 1 … days} before {@code today}, weighted by season: the gift season before
     * Christmas, Valentine's and Mother's Day weeks, weekends, and a year of growth.
     */
    static Weighted seasonalDays(LocalDate today, int days) {
        double[] weights = new double[days];
        for (int back = 1; back <= days; back++) {
            weights[back - 1] = seasonalWeight(today.minusDays(back)) * (1.0 + 0.3 * (days - back) / days);
        }
        return new Weighted(weights);
    }

    static double seasonalWeight(LocalDate day) {
        double weight = 1.0;
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            weight *= 1.3;
        }
        Month month = day.getMonth();
        int dayOfMonth = day.getDayOfMonth();
        if ((month == Month.NOVEMBER && dayOfMonth >= 20) || (month == Month.DECEMBER && dayOfMonth <= 24)) {
            weight *= 2.5;
        } else if (month == Month.FEBRUARY && dayOfMonth <= 14) {
            weight *= 1.8;
        } else if (month == Month.MAY && dayOfMonth <= 12) {
            weight *= 1.4;
        } else if (month == Month.JANUARY) {
            weight *= 0.7;
        }
        return weight;
    }
}
