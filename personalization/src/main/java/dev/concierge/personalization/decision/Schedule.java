package dev.concierge.personalization.decision;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A half-open period {@code [startsAt, endsAt)}; a missing bound is open. */
public record Schedule(@Nullable Instant startsAt, @Nullable Instant endsAt) {

    public static final Schedule ALWAYS = new Schedule(null, null);

    public boolean contains(Instant instant) {
        return (startsAt == null || !instant.isBefore(startsAt)) && (endsAt == null || instant.isBefore(endsAt));
    }

    /** The period both schedules allow (it may be empty: starts at or after it ends). */
    public Schedule intersect(Schedule other) {
        Instant start = startsAt == null
                ? other.startsAt
                : other.startsAt == null || startsAt.isAfter(other.startsAt) ? startsAt : other.startsAt;
        Instant end = endsAt == null
                ? other.endsAt
                : other.endsAt == null || endsAt.isBefore(other.endsAt) ? endsAt : other.endsAt;
        return new Schedule(start, end);
    }
}
