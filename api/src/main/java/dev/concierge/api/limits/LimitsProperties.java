package dev.concierge.api.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on GraphQL requests, under {@code concierge.limits}. The defaults leave room for every
 * query the storefronts and the console send (the deepest, the page with its content, is 6 levels)
 * and refuse the shapes that only abuse produces.
 *
 * @param maxDepth the deepest field nesting (introspection's own fields do not count)
 * @param maxComplexity the largest cost: 1 per field, a list field's selections multiplied by its
 *     {@code first} argument (or by {@code defaultListSize})
 * @param defaultListSize the size assumed for a list field without a {@code first} argument
 * @param maxListSize a larger {@code first} counts as this: no field accepts more (each refuses a
 *     larger one with {@code BAD_USER_INPUT}, the more useful answer)
 * @param maxAliases the most aliased fields in one document, fragments expanded
 * @param maxRootFields the most top-level fields in one operation
 * @param maxTokens the most lexical tokens the parser reads before it gives up
 * @param maxRequestBytes the largest request body on the GraphQL endpoint
 * @param maxSubscriptionsPerConnection the most subscriptions open at once on one WebSocket
 * @param documentCacheChars how much query text (in characters) the parsed-and-validated document
 *     cache holds; 0 turns it off. Documents that fail validation are never kept.
 */
@Validated
@ConfigurationProperties("concierge.limits")
public record LimitsProperties(
        @Min(2) @Max(100) @DefaultValue("12") int maxDepth,
        @Min(10) @DefaultValue("20000") int maxComplexity,
        @Min(1) @Max(1000) @DefaultValue("5") int defaultListSize,
        @Min(1) @DefaultValue("100") int maxListSize,
        @Min(0) @DefaultValue("30") int maxAliases,
        @Min(1) @DefaultValue("10") int maxRootFields,
        @Min(100) @DefaultValue("5000") int maxTokens,
        @Min(1024) @DefaultValue("262144") int maxRequestBytes,
        @Min(1) @DefaultValue("10") int maxSubscriptionsPerConnection,
        @Min(0) @DefaultValue("4000000") long documentCacheChars,
        @Valid @NotNull @DefaultValue RateLimit rateLimit) {

    /**
     * A token bucket per client: the token's subject, or the remote address for anonymous callers
     * (behind a proxy, set {@code server.forward-headers-strategy} so that it is the client's).
     * Buckets are per instance: with N instances behind a balancer a client gets up to N times the
     * rate, which is what this protects against (one client starving an instance), not a quota.
     *
     * @param requestsPerSecond the sustained rate
     * @param burst the bucket's size: requests allowed at once after a quiet period
     * @param idleExpiry a client's bucket is forgotten after this long without requests
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @Min(1) @DefaultValue("50") int requestsPerSecond,
            @Min(1) @DefaultValue("100") int burst,
            @NotNull @DefaultValue("10m") Duration idleExpiry) {}
}
