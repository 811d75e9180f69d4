package dev.concierge.api.console;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers for the console's responses only: its page runs no inline script or style and
 * talks to no other origin, so the policy allows {@code 'self'} and nothing else. Other paths
 * (GraphiQL among them, which loads its assets from a CDN) keep their own headers.
 */
final class ConsoleSecurityHeaders implements WebFilter {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private final String path;

    ConsoleSecurityHeaders(String path) {
        this.path = path;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requested =
                exchange.getRequest().getPath().pathWithinApplication().value();
        if (requested.equals(path) || requested.startsWith(path + "/")) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
        }
        return chain.filter(exchange);
    }
}
