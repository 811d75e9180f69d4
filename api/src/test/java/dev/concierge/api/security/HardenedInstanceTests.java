package dev.concierge.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.concierge.api.ConciergeApplication;
import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.support.Testers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An instance of its own, set up as production would be on these two points: tokens must name the
 * API as their audience, and each client has a (here tiny) rate limit. The shared test instance
 * runs with neither.
 */
class HardenedInstanceTests {

    private static final String AUDIENCE = "concierge-storefront";

    private static ConfigurableApplicationContext app;
    private static Testers testers;
    private static RSAKey key;
    private static String issuer;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(ConciergeApplication.class)
                .run(
                        "--server.port=0",
                        "--concierge.embedded.data-directory=target/embedded-test-data",
                        "--concierge.embedded.fresh=true",
                        "--concierge.embedded.durable=false",
                        "--concierge.security.jwt.audience=" + AUDIENCE,
                        "--concierge.limits.rate-limit.requests-per-second=1",
                        "--concierge.limits.rate-limit.burst=3");
        testers = Testers.of(app);
        ConciergeProperties.Security security =
                app.getBean(ConciergeProperties.class).security();
        key = LocalSigningKey.loadOrCreate(Path.of(security.localKeyFile()));
        issuer = security.localIssuer();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static WebTestClient.ResponseSpec ask(@Nullable String token, String query) {
        WebTestClient.RequestBodySpec request = WebTestClient.bindToServer()
                .baseUrl(testers.baseUrl())
                .build()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.bodyValue(Map.of("query", query)).exchange();
    }

    /** A CUSTOMER token for {@code subject}, signed with {@code signer}, with the given claims. */
    private static String token(
            RSAKey signer, String subject, String tokenIssuer, @Nullable String audience, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(tokenIssuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("roles", List.of("CUSTOMER"));
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signer.getKeyID())
                        .build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(signer));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Test
    void aTokenForThisApi_isAccepted() {
        ask(token(key, "demo-1", issuer, AUDIENCE, Duration.ofHours(1)), "{ me { id } }")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.me.id")
                .isEqualTo("demo-1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"no audience", "another audience", "expired", "another issuer", "forged", "unsigned", "garbage"})
    void aBadToken_is401Unauthenticated_withNoData(String kind) throws JOSEException {
        String token = switch (kind) {
            case "no audience" -> token(key, "demo-1", issuer, null, Duration.ofHours(1));
            case "another audience" -> token(key, "demo-1", issuer, "another-api", Duration.ofHours(1));
            case "expired" -> token(key, "demo-1", issuer, AUDIENCE, Duration.ofMinutes(-10));
            case "another issuer" -> token(key, "demo-1", "https://evil.example", AUDIENCE, Duration.ofHours(1));
            case "forged" ->
                token(
                        new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate(),
                        "demo-1",
                        issuer,
                        AUDIENCE,
                        Duration.ofHours(1));
            case "unsigned" -> unsigned("demo-1");
            default -> "not-a-token";
        };
        ask(token, "{ me { id email } }")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.data")
                .doesNotExist();
    }

    /** The header and claims of a real token with the signature cut off, and {@code alg: none}. */
    private static String unsigned(String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String claims =
                token(key, subject, issuer, AUDIENCE, Duration.ofHours(1)).split("\\.")[1];
        return header + "." + claims + ".";
    }

    @Test
    void overTheRate_isRateLimitedWithARetryHint_perClient() {
        String alice = token(key, "rate-alice", issuer, AUDIENCE, Duration.ofHours(1));
        String bob = token(key, "rate-bob", issuer, AUDIENCE, Duration.ofHours(1));
        // the first requests of a fresh instance are slow; warm it up with clients of their own
        for (int i = 0; i < 3; i++) {
            ask(token(key, "rate-warm-" + i, issuer, AUDIENCE, Duration.ofHours(1)), "{ __typename }")
                    .expectStatus()
                    .isOk();
        }
        for (int i = 0; i < 3; i++) {
            ask(alice, "{ __typename }").expectStatus().isOk();
        }
        ask(alice, "{ __typename }")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("Retry-After", "1")
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("RATE_LIMITED")
                .jsonPath("$.errors[0].extensions.retryAfterSeconds")
                .isEqualTo(1);
        // another client has its own bucket, and so has an anonymous caller (by address)
        ask(bob, "{ __typename }").expectStatus().isOk();
        ask(null, "{ __typename }").expectStatus().isOk();
    }
}
