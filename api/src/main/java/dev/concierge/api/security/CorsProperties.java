package dev.concierge.api.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Which browser origins may call the API cross-origin, under {@code concierge.cors}. Empty (the
 * default, and prod's unless set) allows none: a storefront on another origin must be listed.
 *
 * @param allowedOrigins origin patterns, e.g. {@code https://shop.example.com} or {@code
 *     https://*.example.com} or {@code http://localhost:[*]}
 * @param maxAge how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("concierge.cors")
public record CorsProperties(
        @NotNull @DefaultValue List<String> allowedOrigins,
        @NotNull @DefaultValue("1h") Duration maxAge) {

    /** The CORS rules for the GraphQL endpoint (POST, GET and its preflight), or none. */
    UrlBasedCorsConfigurationSource source(String graphQlPath) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (allowedOrigins.isEmpty()) {
            return source;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(allowedOrigins);
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                "Accept",
                "apollographql-client-name",
                "apollographql-client-version",
                "apollo-require-preflight"));
        cors.setExposedHeaders(List.of("Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(maxAge);
        source.registerCorsConfiguration(graphQlPath, cors);
        return source;
    }
}
