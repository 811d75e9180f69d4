package dev.concierge.api.recommendation;

import dev.concierge.personalization.recommendation.TrainingSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * The recommendation engine's settings, under {@code concierge.recommendations}: when the model is
 * rebuilt, how much history it reads, how it is trained, and how far an incremental update after a
 * purchase may reach.
 *
 * @param historyDays days of purchases and browsing events a rebuild reads
 */
@Validated
@ConfigurationProperties("concierge.recommendations")
public record RecommendationProperties(
        @Valid @NotNull @DefaultValue Job job,
        @Min(1) @Max(3_650) @DefaultValue("365") int historyDays,
        @Valid @NotNull @DefaultValue Training training,
        @Valid @NotNull @DefaultValue Incremental incremental) {

    /**
     * When full rebuilds run.
     *
     * @param buildWhenEmpty rebuild in the background after start-up when item_similarity is empty
     * @param scheduled rebuild periodically: every {@code interval} after the previous scheduled
     *     attempt, or at the times of {@code cron} when it is set
     * @param cron a Spring cron expression (six fields, e.g. {@code 0 0 3 * * *}) in {@code zone}
     * @param timeout a rebuild that takes longer is abandoned (rolled back)
     */
    public record Job(
            @DefaultValue("true") boolean buildWhenEmpty,
            @DefaultValue("true") boolean scheduled,
            @NotNull @DefaultValue("6h") Duration interval,
            @Nullable String cron,
            @NotNull @DefaultValue("UTC") ZoneId zone,
            @NotNull @DefaultValue("30m") Duration timeout) {

        public Job {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException(
                        "concierge.recommendations.job.interval must be positive, got " + interval);
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(
                        "concierge.recommendations.job.timeout must be positive, got " + timeout);
            }
            if (cron != null && !CronExpression.isValidExpression(cron)) {
                throw new IllegalArgumentException("concierge.recommendations.job.cron is not a cron expression"
                        + " (six fields: second minute hour day month weekday): '" + cron + "'");
            }
        }

        /** How long after {@code now} the next scheduled rebuild is due; null when never again. */
        @Nullable
        Duration nextDelay(Instant now) {
            if (cron == null) {
                return interval;
            }
            ZonedDateTime from = now.atZone(zone);
            ZonedDateTime next = CronExpression.parse(cron).next(from);
            return next == null ? null : Duration.between(from, next);
        }
    }

    /**
     * How interactions become similarities: each signal's weight, the half-life of the time decay,
     * the shrinkage that damps pairs few users share, the neighbours kept per item, and the fewest
     * users a pair needs.
     */
    public record Training(
            @PositiveOrZero @DefaultValue("1.0") double purchaseWeight,
            @PositiveOrZero @DefaultValue("0.5") double addToCartWeight,
            @PositiveOrZero @DefaultValue("0.1") double viewWeight,
            @NotNull @DefaultValue("180d") Duration halfLife,
            @PositiveOrZero @DefaultValue("10") double shrinkage,
            @Min(1) @Max(1_000) @DefaultValue("50") int topK,
            @Min(1) @Max(1_000) @DefaultValue("2") int minSupport) {

        public Training {
            if (halfLife.isNegative() || halfLife.isZero()) {
                throw new IllegalArgumentException(
                        "concierge.recommendations.training.half-life must be positive, got " + halfLife);
            }
        }

        TrainingSettings settings() {
            return new TrainingSettings(
                    purchaseWeight, addToCartWeight, viewWeight, halfLife, shrinkage, topK, minSupport);
        }
    }

    /**
     * Incremental updates after a purchase: a purchased sku's neighbours are recomputed from the
     * interactions of the users who touched it, when they are at most {@code maxUsers}; a sku more
     * popular than that waits for the next full rebuild (one more purchase barely moves it).
     *
     * @param maxInteractions the most interactions one sku's update reads
     * @param queue the most skus waiting for an update; beyond, purchases' skus are skipped
     */
    public record Incremental(
            @DefaultValue("true") boolean enabled,
            @Min(1) @Max(1_000_000) @DefaultValue("5000") int maxUsers,
            @Min(1) @Max(10_000_000) @DefaultValue("200000") int maxInteractions,
            @Min(1) @Max(1_000_000) @DefaultValue("10000") int queue) {}
}
