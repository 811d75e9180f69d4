package dev.concierge.api.persisted;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Persisted-query settings, under {@code concierge.graphql.persisted-queries}.
 *
 * @param mode {@code OFF}, {@code APQ} or {@code ALLOWLIST}; when not set, {@code ALLOWLIST} if a
 *     manifest is configured, else {@code APQ} (so that {@code prod} needs no manifest to start,
 *     and becomes locked down as soon as the frontends publish one)
 * @param manifest an Apollo persisted-query manifest ({@code file:} or {@code classpath:}), read at
 *     start-up; required by {@code ALLOWLIST}
 * @param cache bounds of the APQ store
 * @param get how {@code GET /graphql} responses may be cached
 */
@Validated
@ConfigurationProperties("concierge.graphql.persisted-queries")
public record PersistedQueryProperties(
        @Nullable Mode mode,
        @Nullable String manifest,
        @Valid @NotNull @DefaultValue Cache cache,
        @Valid @NotNull @DefaultValue Get get) {

    /** What the endpoint does with the {@code persistedQuery} extension. */
    public enum Mode {
        /** The extension is not supported ({@code PERSISTED_QUERY_NOT_SUPPORTED}); full queries run. */
        OFF,
        /** Automatic Persisted Queries: any valid document may be registered by its hash. */
        APQ,
        /** Trusted documents: only the manifest's operations run, by hash or by full text. */
        ALLOWLIST
    }

    /**
     * Bounds of the APQ store: registered documents live in Redis for {@code l2Ttl} after their
     * registration (a client whose hash expired gets {@code PERSISTED_QUERY_NOT_FOUND} and
     * registers it again), and at most {@code l1MaxSize} of them (the most recently used) also in
     * each instance.
     *
     * @param maxDocumentLength the longest document that is stored, in characters (longer ones
     *     still run when sent in full, but are never found by hash)
     */
    public record Cache(
            @Min(1) @Max(10_000_000) @DefaultValue("2000") long l1MaxSize,
            @NotNull @DefaultValue("1d") Duration l2Ttl,
            @Min(1) @Max(10_000_000) @DefaultValue("20000") int maxDocumentLength) {

        public Cache {
            if (l2Ttl.isNegative() || l2Ttl.isZero()) {
                throw new IllegalArgumentException(
                        "concierge.graphql.persisted-queries.cache.l2-ttl must be positive, got " + l2Ttl);
            }
        }
    }

    /**
     * Caching of {@code GET /graphql} responses.
     *
     * @param publicMaxAge {@code max-age} of responses a shared cache may keep: anonymous requests
     *     whose operation ran only {@code publicFields}, without errors; zero makes every GET
     *     response {@code private, no-store}
     * @param publicFields root fields of {@code Query} whose results are the same for every signed-out
     *     visitor asking with the same arguments (which are in the URL)
     */
    public record Get(
            @NotNull @DefaultValue("60s") Duration publicMaxAge,

            @NotNull @DefaultValue({"page", "product", "nearestStores", "recommendations", "__typename"})
            Set<String> publicFields) {

        public Get {
            if (publicMaxAge.isNegative()) {
                throw new IllegalArgumentException(
                        "concierge.graphql.persisted-queries.get.public-max-age must not be negative, got "
                                + publicMaxAge);
            }
            publicFields = Set.copyOf(publicFields);
        }
    }

    /** The mode in force: the one set, else derived from whether a manifest is configured. */
    public Mode effectiveMode() {
        if (mode != null) {
            return mode;
        }
        return manifest == null || manifest.isBlank() ? Mode.APQ : Mode.ALLOWLIST;
    }
}
