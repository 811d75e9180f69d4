package dev.concierge.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import dev.concierge.api.config.ConciergeProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webflux.AuthenticationWebSocketInterceptor;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.util.StringUtils;

/**
 * Bearer JWT authentication for HTTP, SSE and WebSocket. The endpoint itself is open: anonymous
 * callers may read public data, and each GraphQL field checks the caller it needs.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(CorsProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            ReactiveJwtDecoder decoder,
            CorsProperties cors,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(spec -> spec.configurationSource(cors.source(graphQlPath)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .pathMatchers("/actuator/**")
                        .hasRole(Role.SRE.name())
                        .pathMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .anyExchange()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(new GraphQlAuthenticationEntryPoint())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(authenticationConverter())))
                .build();
    }

    /** Verifies tokens: against the configured JWK set or issuer in prod, the local key otherwise. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(ConciergeProperties properties) throws JOSEException {
        ConciergeProperties.Security security = properties.security();
        ConciergeProperties.Security.Jwt jwt = security.jwt();
        NimbusReactiveJwtDecoder decoder;
        String issuer;
        if (StringUtils.hasText(jwt.jwkSetUri())) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
            issuer = jwt.issuerUri();
        } else if (StringUtils.hasText(jwt.issuerUri())) {
            decoder =
                    NimbusReactiveJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
            issuer = jwt.issuerUri();
        } else if (StringUtils.hasText(security.localKeyFile())) {
            RSAKey key = LocalSigningKey.loadOrCreate(Path.of(security.localKeyFile()));
            decoder =
                    NimbusReactiveJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            issuer = security.localIssuer();
        } else {
            throw new IllegalStateException("No way to verify tokens: set concierge.security.jwt.issuer-uri or"
                    + " jwk-set-uri, or run with the embedded default, which keeps a local signing key");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(issuer == null ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
        if (StringUtils.hasText(jwt.audience())) {
            validators.add(new JwtClaimValidator<List<String>>(
                    "aud", audience -> audience != null && audience.contains(jwt.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /** graphql-ws clients send the token in the connection_init payload as {@code Authorization}. */
    @Bean
    AuthenticationWebSocketInterceptor webSocketAuthentication(ReactiveJwtDecoder decoder) {
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(authenticationConverter());
        return new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(), manager);
    }

    private static ReactiveJwtAuthenticationConverterAdapter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
