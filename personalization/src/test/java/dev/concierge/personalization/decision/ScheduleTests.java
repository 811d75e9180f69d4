package dev.concierge.personalization.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleTests {

    private static final Instant T1 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-06-10T00:00:00Z");
    private static final Instant T3 = Instant.parse("2026-06-20T00:00:00Z");
    private static final Instant T4 = Instant.parse("2026-06-30T00:00:00Z");

    static Stream<Arguments> containment() {
        return Stream.of(
                Arguments.argumentSet("at the start: inclusive", new Schedule(T1, T2), T1, true),
                Arguments.argumentSet("just before the start", new Schedule(T1, T2), T1.minusNanos(1), false),
                Arguments.argumentSet("just before the end", new Schedule(T1, T2), T2.minusNanos(1), true),
                Arguments.argumentSet("at the end: exclusive", new Schedule(T1, T2), T2, false),
                Arguments.argumentSet("open start", new Schedule(null, T2), Instant.MIN, true),
                Arguments.argumentSet("open end", new Schedule(T1, null), Instant.MAX, true),
                Arguments.argumentSet("always", Schedule.ALWAYS, T3, true),
                Arguments.argumentSet("empty", new Schedule(T2, T2), T2, false),
                Arguments.argumentSet("inverted", new Schedule(T2, T1), T1, false));
    }

    @ParameterizedTest
    @MethodSource("containment")
    void contains_isHalfOpen(Schedule schedule, Instant instant, boolean expected) {
        assertThat(schedule.contains(instant)).isEqualTo(expected);
    }

    static Stream<Arguments> intersections() {
        return Stream.of(
                Arguments.argumentSet("overlapping", new Schedule(T1, T3), new Schedule(T2, T4), T2, T3),
                Arguments.argumentSet("nested", new Schedule(T1, T4), new Schedule(T2, T3), T2, T3),
                Arguments.argumentSet(
                        "open start and open end", new Schedule(null, T3), new Schedule(T2, null), T2, T3),
                Arguments.argumentSet("with always", new Schedule(T1, T2), Schedule.ALWAYS, T1, T2),
                Arguments.argumentSet("always with always", Schedule.ALWAYS, Schedule.ALWAYS, null, null),
                Arguments.argumentSet("disjoint", new Schedule(T1, T2), new Schedule(T3, T4), T3, T2),
                Arguments.argumentSet("touching", new Schedule(T1, T2), new Schedule(T2, T3), T2, T2));
    }

    @ParameterizedTest
    @MethodSource("intersections")
    void intersect_isThePeriodBothAllow_inEitherOrder(
            Schedule a, Schedule b, @Nullable Instant startsAt, @Nullable Instant endsAt) {
        Schedule expected = new Schedule(startsAt, endsAt);

        assertThat(a.intersect(b)).isEqualTo(expected);
        assertThat(b.intersect(a)).isEqualTo(expected);
    }

    static Stream<Arguments> emptyIntersections() {
        return Stream.of(
                Arguments.argumentSet("disjoint", new Schedule(T1, T2), new Schedule(T3, T4)),
                Arguments.argumentSet("touching", new Schedule(T1, T2), new Schedule(T2, T3)));
    }

    @ParameterizedTest
    @MethodSource("emptyIntersections")
    void intersect_withoutOverlap_containsNothing(Schedule a, Schedule b) {
        Schedule both = a.intersect(b);

        for (Instant instant : new Instant[] {T1, T2, T3, T4, T2.minusNanos(1), T3.minusNanos(1)}) {
            assertThat(both.contains(instant)).as("contains %s", instant).isFalse();
        }
    }
}
