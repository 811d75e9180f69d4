package dev.concierge.api.cache;

import dev.concierge.personalization.cache.CacheSettings;
import dev.concierge.personalization.cache.SharedLevelSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The two-level cache's settings, under {@code concierge.cache}: how Redis is treated (a deadline
 * per call, when the circuit breaker opens and for how long, how many lost invalidations are
 * remembered, how long a generation counter lives) and each cache's bounds. A cache's bounds come
 * from {@code concierge.cache.caches.<name>}, then {@code concierge.cache.defaults}, then {@link
 * Spec#BUILT_IN}, field by field.
 */
@Validated
@ConfigurationProperties("concierge.cache")
public record CacheProperties(
        @NotNull @DefaultValue("200ms") Duration redisTimeout,
        @Min(1) @Max(1_000) @DefaultValue("3") int failureThreshold,
        @NotNull @DefaultValue("5s") Duration openDuration,
        @Min(1) @Max(10_000_000) @DefaultValue("10000") int maxPendingInvalidations,
        @NotNull @DefaultValue("1d") Duration generationTtl,
        @Valid @NotNull @DefaultValue Spec defaults,
        @NotNull @DefaultValue Map<String, @Valid Spec> caches) {

    /**
     * One cache's bounds; a field left out is taken from the defaults. {@code refreshAfter} of zero
     * turns refresh-ahead off; otherwise it must be shorter than {@code l1Ttl}.
     */
    public record Spec(
            @Nullable @Positive Long l1MaxSize,
            @Nullable Duration l1Ttl,
            @Nullable Duration refreshAfter,
            @Nullable Duration l2Ttl) {

        /** 10,000 entries per instance for a minute, refreshed ahead after 30 s; 10 minutes in Redis. */
        public static final Spec BUILT_IN =
                new Spec(10_000L, Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(10));

        private static final Spec NONE = new Spec(null, null, null, null);

        Spec over(Spec base) {
            return new Spec(
                    l1MaxSize != null ? l1MaxSize : base.l1MaxSize(),
                    l1Ttl != null ? l1Ttl : base.l1Ttl(),
                    refreshAfter != null ? refreshAfter : base.refreshAfter(),
                    l2Ttl != null ? l2Ttl : base.l2Ttl());
        }
    }

    /** A cache's bounds, checked: a bad combination fails with the setting's name. */
    public CacheSettings settingsFor(String cache) {
        Spec spec = caches.getOrDefault(cache, Spec.NONE).over(defaults.over(Spec.BUILT_IN));
        try {
            return new CacheSettings(
                    required(spec.l1MaxSize()),
                    required(spec.l1Ttl()),
                    required(spec.refreshAfter()),
                    required(spec.l2Ttl()));
        } catch (IllegalArgumentException e) {
            String where = caches.containsKey(cache) ? "concierge.cache.caches." + cache : "concierge.cache.defaults";
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** Fails on the first bad setting, naming it: the defaults and every cache listed. */
    void check() {
        sharedLevel();
        settingsFor("");
        caches.keySet().forEach(this::settingsFor);
    }

    /** How the caches treat Redis. */
    public SharedLevelSettings sharedLevel() {
        try {
            return new SharedLevelSettings(
                    redisTimeout, failureThreshold, openDuration, maxPendingInvalidations, generationTtl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("concierge.cache: " + e.getMessage(), e);
        }
    }

    private static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("Spec.BUILT_IN sets every field");
        }
        return value;
    }
}
