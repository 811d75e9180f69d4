package dev.concierge.personalization.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.concierge.personalization.experiment.ExperimentStatistics.Interval;
import dev.concierge.personalization.experiment.ExperimentStatistics.Lift;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The expected values were worked out by hand from the Katz formula: for 60/1000 against 50/1000,
 * ratio 1.2, se = sqrt(0.94/60 + 0.95/50) = 0.186190, ln 1.2 = 0.182322, so the bounds are
 * exp(0.182322 ∓ 1.959964 * 0.186190) - 1 = -0.166902 and 0.728488; for 30/200 against 40/400,
 * ratio 1.5, se = sqrt(0.85/30 + 0.90/40) = 0.225462, bounds -0.035778 and 1.333486.
 */
class ExperimentStatisticsTests {

    static Stream<Arguments> handComputed() {
        return Stream.of(
                Arguments.of("60/1000 vs 50/1000", 1000, 60, 1000, 50, 0.2, -0.166902, 0.728488),
                Arguments.of("30/200 vs 40/400, unequal groups", 200, 30, 400, 40, 0.5, -0.035778, 1.333486));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handComputed")
    void lift_matchesTheKatzIntervalWorkedOutByHand(
            String name, long n1, long x1, long n0, long x0, double lift, double low, double high) {
        Lift result = ExperimentStatistics.lift(n1, x1, n0, x0);
        assertThat(result).isNotNull();
        assertThat(result.lift()).isCloseTo(lift, within(1e-9));
        assertThat(result.interval()).isNotNull();
        assertThat(result.interval().low()).isCloseTo(low, within(1e-5));
        assertThat(result.interval().high()).isCloseTo(high, within(1e-5));
        assertThat(result.interval().level()).isEqualTo(0.95);
    }

    @Test
    void lift_equalRates_isZeroWithAnIntervalAroundZero() {
        Lift result = ExperimentStatistics.lift(500, 40, 800, 64);
        assertThat(result).isNotNull();
        assertThat(result.lift()).isCloseTo(0, within(1e-12));
        assertThat(result.interval().contains(0)).isTrue();
        assertThat(result.interval().low()).isNegative();
        assertThat(result.interval().high()).isPositive();
    }

    @Test
    void lift_moreDataAtTheSameRates_narrowsTheInterval() {
        Interval small = ExperimentStatistics.lift(1_000, 60, 1_000, 50).interval();
        Interval large =
                ExperimentStatistics.lift(100_000, 6_000, 100_000, 5_000).interval();
        assertThat(large.high() - large.low()).isLessThan((small.high() - small.low()) / 5);
        assertThat(large.contains(0.2)).isTrue();
        // with enough data, a real 20% lift is told apart from none
        assertThat(small.contains(0)).isTrue();
        assertThat(large.contains(0)).isFalse();
    }

    @Test
    void lift_noConversionsInTheControl_isUndefined() {
        assertThat(ExperimentStatistics.lift(100, 5, 100, 0)).isNull();
        assertThat(ExperimentStatistics.lift(100, 0, 100, 0)).isNull();
    }

    @Test
    void lift_noExposures_isUndefined() {
        assertThat(ExperimentStatistics.lift(0, 0, 100, 5)).isNull();
        assertThat(ExperimentStatistics.lift(100, 5, 0, 0)).isNull();
    }

    @Test
    void lift_noConversionsInTheArm_isMinusOneWithoutAnInterval() {
        Lift result = ExperimentStatistics.lift(100, 0, 100, 5);
        assertThat(result).isNotNull();
        assertThat(result.lift()).isEqualTo(-1);
        assertThat(result.interval()).isNull();
    }

    @Test
    void lift_neverGivesABoundBelowMinusOne() {
        Interval interval = ExperimentStatistics.lift(50, 1, 50, 20).interval();
        assertThat(interval.low()).isGreaterThan(-1);
        assertThat(interval.high()).isLessThan(0);
    }

    @Test
    void rate_isConversionsOverExposures_andZeroWithoutExposures() {
        assertThat(ExperimentStatistics.rate(200, 30)).isEqualTo(0.15);
        assertThat(ExperimentStatistics.rate(0, 0)).isZero();
    }

    @Test
    void lift_impossibleCounts_areRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExperimentStatistics.lift(10, 11, 10, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> ExperimentStatistics.lift(10, 1, -1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> ExperimentStatistics.rate(5, 6));
    }
}
