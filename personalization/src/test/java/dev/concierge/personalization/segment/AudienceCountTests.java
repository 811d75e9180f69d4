package dev.concierge.personalization.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AudienceCountTests {

    @Test
    void exact_hasAZeroWidthInterval() {
        AudienceCount count = AudienceCount.exact(12, 20, 60);
        assertThat(count.exact()).isTrue();
        assertThat(count.sampled()).isEqualTo(60);
        assertThat(count.low()).isEqualTo(12);
        assertThat(count.high()).isEqualTo(12);
        assertThat(count.share()).isCloseTo(0.2, within(1e-12));
    }

    /**
     * 300 of 1,000 sampled: Wilson's interval, worked out by hand with z = 1.959964, is centre
     * (0.3 + z²/2000) / (1 + z²/1000) = 0.300766 plus or minus 0.028359, i.e. 0.272407 to 0.329124;
     * times 50,000 customers: 13,620 to 16,457 around 15,000.
     */
    @Test
    void sampled_scalesUpWithTheWilsonInterval() {
        AudienceCount count = AudienceCount.sampled(300, 400, 1_000, 50_000);
        assertThat(count.exact()).isFalse();
        assertThat(count.customers()).isEqualTo(15_000);
        assertThat(count.matchingWithoutConsent()).isEqualTo(20_000);
        assertThat(count.low()).isEqualTo(13_620);
        assertThat(count.high()).isEqualTo(16_457);
        assertThat(count.share()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void sampled_noMatches_stillHasAnUpperBound() {
        AudienceCount count = AudienceCount.sampled(0, 0, 1_000, 100_000);
        assertThat(count.customers()).isZero();
        assertThat(count.low()).isZero();
        assertThat(count.high()).isPositive().isLessThan(500);
    }

    @Test
    void sampled_biggerSample_narrowerInterval() {
        AudienceCount small = AudienceCount.sampled(30, 30, 100, 1_000_000);
        AudienceCount large = AudienceCount.sampled(3_000, 3_000, 10_000, 1_000_000);
        assertThat(large.high() - large.low()).isLessThan((small.high() - small.low()) / 5);
    }

    @Test
    void sampled_everyone_isExact() {
        assertThat(AudienceCount.sampled(5, 7, 10, 10)).isEqualTo(AudienceCount.exact(5, 7, 10));
    }

    @Test
    void sampled_intervalStaysWithinWhatIsCertain() {
        AudienceCount count = AudienceCount.sampled(95, 95, 100, 105);
        assertThat(count.low()).isGreaterThanOrEqualTo(95);
        assertThat(count.high()).isLessThanOrEqualTo(100);
    }

    @Test
    void impossibleCounts_areRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> AudienceCount.sampled(5, 4, 10, 100));
        assertThatIllegalArgumentException().isThrownBy(() -> AudienceCount.sampled(0, 0, 0, 100));
        assertThatIllegalArgumentException().isThrownBy(() -> AudienceCount.exact(5, 4, 10));
    }
}
