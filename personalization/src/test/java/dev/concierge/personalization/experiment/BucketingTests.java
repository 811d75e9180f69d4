package dev.concierge.personalization.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.personalization.customer.Subject;
import dev.concierge.personalization.experiment.Experiment.Arm;
import dev.concierge.personalization.experiment.Experiment.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bucketing must be stable and well spread. The statistical tests use fixed ids, so they are
 * deterministic: they pass or fail the same way on every run.
 *
 * <p>Chi-square critical values at the 0.999 quantile (upper-tail probability 0.001), from the
 * NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.4, "Critical Values of the
 * Chi-Square Distribution": 10.828 for 1 degree of freedom, 16.266 for 3, 27.877 for 9.
 */
class BucketingTests {

    private static final double CHI_SQUARE_999_DF1 = 10.828;
    private static final double CHI_SQUARE_999_DF3 = 16.266;
    private static final double CHI_SQUARE_999_DF9 = 27.877;

    private static final int SUBJECTS = 100_000;

    private static final List<Arm> ARMS_50_30_20 = List.of(new Arm("A", 50), new Arm("B", 30), new Arm("C", 20));

    @Test
    void assign_sameInputs_sameAssignmentEveryTimeAndForEqualExperiments() {
        Experiment first = experiment("hero-test", 0.1, ARMS_50_30_20);
        Experiment rebuilt =
                experiment("hero-test", 0.1, List.of(new Arm("A", 50), new Arm("B", 30), new Arm("C", 20)));

        for (int i = 0; i < 1_000; i++) {
            Subject subject = Subject.anonymous("visitor-" + i);
            Assignment expected = Bucketing.assign(first, subject);
            for (int call = 0; call < 5; call++) {
                assertThat(Bucketing.assign(first, subject)).isEqualTo(expected);
                assertThat(Bucketing.assign(rebuilt, Subject.anonymous("visitor-" + i)))
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * Pinned values, computed independently of this code (a separate FNV-1a + fmix64 script over
     * the UTF-8 bytes): a change here reshuffles every running experiment, on every instance.
     */
    @ParameterizedTest
    @MethodSource("pinnedHashes")
    void hash_isPinned(String experimentId, String subjectId, long expected) {
        assertThat(Bucketing.hash(experimentId, subjectId)).isEqualTo(expected);
    }

    @Test
    void position_isPinned() {
        assertThat(Bucketing.position("hero-test", Subject.anonymous("visitor-1")))
                .isEqualTo(0.8457137692382297);
    }

    static Stream<Arguments> pinnedHashes() {
        return Stream.of(
                Arguments.argumentSet("ascii", "hero-test", "visitor-1", -2846078612959668303L),
                Arguments.argumentSet("empty experiment id", "", "customer-42", 4055888901287289324L),
                Arguments.argumentSet("non-ascii", "été", "客户-7", -80882368832829478L));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "visitor-1",
                "",
                "Zoë",
                "客户-42",
                "emoji-\uD83D\uDE00-id",
                "lone-high-\uD800",
                "lone-high-\uD800-x",
                "lone-low-\uDC00",
                "reversed-\uDC00\uD800",
                "\u007F\u0080\u07FF\u0800\uFFFF"
            })
    void hash_equalsTheHashOfTheUtf8BytesWithASeparator(String subjectId) {
        assertThat(Bucketing.hash("exp-é", subjectId)).isEqualTo(referenceHash("exp-é" + '\0' + subjectId));
    }

    @Test
    void position_isInTheUnitInterval_andIgnoresTheSubjectKind() {
        for (int i = 0; i < 10_000; i++) {
            double position = Bucketing.position("hero-test", Subject.anonymous("id-" + i));
            assertThat(position).isGreaterThanOrEqualTo(0).isLessThan(1);
            assertThat(Bucketing.position("hero-test", Subject.customer("id-" + i)))
                    .isEqualTo(position);
        }
    }

    @Test
    void position_isUniformOverDeciles() {
        long[] observed = new long[10];
        for (int i = 0; i < SUBJECTS; i++) {
            observed[(int) (Bucketing.position("hero-test", visitor(i)) * 10)]++;
        }
        double[] expected = new double[10];
        java.util.Arrays.fill(expected, SUBJECTS / 10.0);

        assertThat(chiSquare(observed, expected)).isLessThan(CHI_SQUARE_999_DF9);
    }

    @Test
    void assign_weights50_30_20_holdout10_fitsTheExpectedShares() {
        Experiment experiment = experiment("hero-test", 0.1, ARMS_50_30_20);
        long[] observed = new long[4]; // holdout, A, B, C
        for (int i = 0; i < SUBJECTS; i++) {
            Assignment assignment = Bucketing.assign(experiment, visitor(i));
            String arm = assignment.arm();
            if (arm == null) {
                assertThat(assignment.inControlGroup()).isTrue();
                observed[0]++;
            } else {
                assertThat(assignment.inControlGroup()).isFalse();
                observed[1 + "ABC".indexOf(arm)]++;
            }
        }
        // 10% holdout, then 50/30/20 of the remaining 90%
        double[] expected = {0.10 * SUBJECTS, 0.45 * SUBJECTS, 0.27 * SUBJECTS, 0.18 * SUBJECTS};

        // 4 categories, 3 degrees of freedom
        assertThat(chiSquare(observed, expected)).isLessThan(CHI_SQUARE_999_DF3);
    }

    @Test
    void assign_holdoutShareZero_neverHoldsOut() {
        Experiment experiment = experiment("hero-test", 0, ARMS_50_30_20);

        for (int i = 0; i < 10_000; i++) {
            Assignment assignment = Bucketing.assign(experiment, visitor(i));
            assertThat(assignment.inControlGroup()).isFalse();
            assertThat(assignment.arm()).isIn("A", "B", "C");
        }
    }

    @Test
    void assign_holdoutShareOne_holdsOutEveryone() {
        Experiment experiment = experiment("hero-test", 1, ARMS_50_30_20);

        for (int i = 0; i < 10_000; i++) {
            assertThat(Bucketing.assign(experiment, visitor(i))).isEqualTo(new Assignment("hero-test", null, true));
        }
    }

    @Test
    void assign_oneArm_putsEveryoneOutsideTheHoldoutInIt() {
        Experiment experiment = experiment("hero-test", 0.25, List.of(new Arm("only", 7)));
        int heldOut = 0;

        for (int i = 0; i < 10_000; i++) {
            Assignment assignment = Bucketing.assign(experiment, visitor(i));
            if (assignment.inControlGroup()) {
                assertThat(assignment.arm()).isNull();
                heldOut++;
            } else {
                assertThat(assignment.arm()).isEqualTo("only");
            }
        }
        assertThat(heldOut).isBetween(2_300, 2_700);
    }

    @Test
    void assign_holdoutIsExactlyThePositionsBelowTheShare() {
        Experiment experiment = experiment("hero-test", 0.3, ARMS_50_30_20);

        for (int i = 0; i < 10_000; i++) {
            Subject subject = visitor(i);
            assertThat(Bucketing.assign(experiment, subject).inControlGroup())
                    .isEqualTo(Bucketing.position("hero-test", subject) < 0.3);
        }
    }

    @Test
    void position_twoExperiments_halvesAreIndependent() {
        long[][] observed = new long[2][2];
        for (int i = 0; i < SUBJECTS; i++) {
            Subject subject = visitor(i);
            observed[half(Bucketing.position("hero-test", subject))][
                    half(Bucketing.position("banner-test", subject))]++;
        }

        // a 2x2 contingency table has 1 degree of freedom
        assertThat(independenceChiSquare(observed)).isLessThan(CHI_SQUARE_999_DF1);
    }

    @Test
    void position_experimentsWithSimilarIds_quartilesAreIndependent() {
        long[][] observed = new long[4][4];
        for (int i = 0; i < SUBJECTS; i++) {
            Subject subject = visitor(i);
            observed[(int) (Bucketing.position("exp-1", subject) * 4)][
                    (int) (Bucketing.position("exp-2", subject) * 4)]++;
        }

        // a 4x4 contingency table has (4-1)*(4-1) = 9 degrees of freedom
        assertThat(independenceChiSquare(observed)).isLessThan(CHI_SQUARE_999_DF9);
    }

    private static int half(double position) {
        return position < 0.5 ? 0 : 1;
    }

    private static Subject visitor(int i) {
        return Subject.anonymous("visitor-" + i);
    }

    private static Experiment experiment(String id, double holdoutShare, List<Arm> arms) {
        return new Experiment(id, "home", "hero", Status.RUNNING, holdoutShare, arms);
    }

    private static double chiSquare(long[] observed, double[] expected) {
        double statistic = 0;
        for (int i = 0; i < observed.length; i++) {
            double difference = observed[i] - expected[i];
            statistic += difference * difference / expected[i];
        }
        return statistic;
    }

    /** Pearson's statistic for independence of rows and columns, expected counts from the margins. */
    private static double independenceChiSquare(long[][] observed) {
        int rows = observed.length;
        int columns = observed[0].length;
        double[] rowTotals = new double[rows];
        double[] columnTotals = new double[columns];
        double total = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                rowTotals[r] += observed[r][c];
                columnTotals[c] += observed[r][c];
                total += observed[r][c];
            }
        }
        double statistic = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double expected = rowTotals[r] * columnTotals[c] / total;
                double difference = observed[r][c] - expected;
                statistic += difference * difference / expected;
            }
        }
        return statistic;
    }

    /** FNV-1a 64 over a byte array, then MurmurHash3's fmix64: the definition, written plainly. */
    private static long referenceHash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte octet : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= octet & 0xFF;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
