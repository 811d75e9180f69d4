package dev.concierge.api.targeting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How audience estimates run, under {@code concierge.editor.audience}.
 *
 * @param sampleSize up to this many customers every one is evaluated (exact); beyond, a uniform
 *     random sample of this size is, and the counts are scaled up with an interval
 * @param batchSize customer snapshots loaded per query
 * @param concurrency batch queries in flight at once
 * @param timeout an estimate taking longer is cancelled and reported {@code UNAVAILABLE}
 */
@Validated
@ConfigurationProperties("concierge.editor.audience")
public record AudienceProperties(
        @Min(1) @Max(1_000_000) @DefaultValue("20000") int sampleSize,
        @Min(1) @Max(5_000) @DefaultValue("500") int batchSize,
        @Min(1) @Max(16) @DefaultValue("4") int concurrency,
        @NotNull @DefaultValue("5s") Duration timeout) {

    public AudienceProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("concierge.editor.audience.timeout must be positive, got " + timeout);
        }
    }
}
