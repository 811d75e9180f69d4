package dev.concierge.personalization.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarDaysTests {

    @ParameterizedTest(name = "{0} seen from {1}: {2} days")
    @CsvSource({
        "1990-06-15, 2026-06-15, 0",
        "1990-06-16, 2026-06-15, 1",
        "1990-06-14, 2026-06-15, 364",
        "1985-01-01, 2026-12-31, 1",
        "1985-12-31, 2027-01-01, 364",
        "1985-12-31, 2026-12-31, 0",
        // the next year is a leap year: 366 days to the same date
        "1985-03-01, 2027-03-02, 365",
        "1985-03-01, 2028-03-02, 364",
        // February 29 falls on February 28 in common years
        "2000-02-29, 2027-02-28, 0",
        "2000-02-29, 2027-02-27, 1",
        "2000-02-29, 2027-03-01, 365",
        "2000-02-29, 2028-02-28, 1",
        "2000-02-29, 2028-02-29, 0",
        "2000-02-29, 2028-03-01, 364",
        // a February 28 birthday stays on February 28 in leap years
        "2001-02-28, 2028-02-28, 0",
        "2001-02-28, 2028-02-29, 365"
    })
    void untilNextOccurrence_countsCalendarDays(LocalDate date, LocalDate today, int expected) {
        assertThat(CalendarDays.untilNextOccurrence(date, today)).isEqualTo(expected);
    }
}
