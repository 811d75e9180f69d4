package dev.concierge.api.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention settings, under {@code concierge.retention}.
 *
 * @param browsingEvents how long raw browsing events (and their idempotency ids) are kept
 * @param dailyActivity how long the per-day activity counts segment rules read are kept; no rule
 *     looks further back than 365 days, so longer only keeps data nobody reads
 * @param enabled run the job periodically on every instance (runs are idempotent and serialised by
 *     a database lock, so several instances are safe)
 * @param interval time between runs; the first run is {@code initialDelay} after start-up
 */
@Validated
@ConfigurationProperties("concierge.retention")
public record RetentionProperties(
        @NotNull @DefaultValue("180d") Duration browsingEvents,
        @NotNull @DefaultValue("365d") Duration dailyActivity,
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("6h") Duration interval,
        @NotNull @DefaultValue("1m") Duration initialDelay) {

    public RetentionProperties {
        requirePositive("browsing-events", browsingEvents);
        requirePositive("daily-activity", dailyActivity);
        requirePositive("interval", interval);
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("concierge.retention.initial-delay must not be negative");
        }
        if (browsingEvents.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException(
                    "concierge.retention.browsing-events must be at least one day, got " + browsingEvents);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("concierge.retention." + name + " must be positive, got " + value);
        }
    }
}
