package dev.concierge.personalization.decision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Calendar arithmetic for yearly occasions such as birthdays and anniversaries. */
final class CalendarDays {

    private CalendarDays() {}

    /**
     * Days from {@code today} until the next occurrence of {@code date}'s month and day: 0 when it
     * is today, across the year end when this year's has passed. February 29 falls on February 28
     * in years that are not leap years.
     */
    static int untilNextOccurrence(LocalDate date, LocalDate today) {
        // withYear moves February 29 to February 28 when the year has no February 29
        LocalDate next = date.withYear(today.getYear());
        if (next.isBefore(today)) {
            next = date.withYear(today.getYear() + 1);
        }
        return (int) ChronoUnit.DAYS.between(today, next);
    }
}
