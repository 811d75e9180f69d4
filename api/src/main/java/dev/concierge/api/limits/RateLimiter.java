package dev.concierge.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.concierge.api.graphql.GraphQlErrorResponses;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client on the GraphQL endpoint. Over the rate: 429, {@code RATE_LIMITED}, and
 * a {@code Retry-After} header with the seconds until a request will be accepted (also in
 * {@code extensions.retryAfterSeconds}). Runs after authentication, so a signed-in client is its
 * token's subject wherever it connects from; an anonymous one is its address.
 */
final class RateLimiter implements WebFilter, Ordered {

    /** After Spring Security's filter chain (-100), so that the caller is known. */
    static final int ORDER = 0;

    private final String path;
    private final LimitsProperties.RateLimit settings;
    private final GraphQlErrorResponses refusals;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    RateLimiter(String path, LimitsProperties.RateLimit settings, GraphQlErrorResponses refusals, Ticker ticker) {
        this.path = path;
        this.settings = settings;
        this.refusals = refusals;
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(settings.idleExpiry())
                .ticker(ticker)
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!settings.enabled()
                || !exchange.getRequest().getPath().value().equals(path)
                || exchange.getRequest().getMethod() == HttpMethod.OPTIONS) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(principal -> "subject:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + address(exchange)))
                .flatMap(client -> {
                    long waitNanos = buckets.get(client, key -> new Bucket(settings, ticker.read()))
                            .take(ticker.read());
                    if (waitNanos == 0) {
                        return chain.filter(exchange);
                    }
                    long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
                    return refusals.write(
                            exchange.getResponse(),
                            HttpStatus.TOO_MANY_REQUESTS,
                            "RATE_LIMITED",
                            "Too many requests; retry in " + seconds + " s",
                            Map.of("retryAfterSeconds", seconds));
                });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }

    /** Tokens refill continuously at the rate, up to the burst. */
    static final class Bucket {

        private final double perNano;
        private final double capacity;
        private double tokens;
        private long updatedAt;

        Bucket(LimitsProperties.RateLimit settings, long now) {
            this.perNano = settings.requestsPerSecond() / 1e9;
            this.capacity = settings.burst();
            this.tokens = capacity;
            this.updatedAt = now;
        }

        /** Takes a token: 0 when there was one, else the nanoseconds until there will be. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
