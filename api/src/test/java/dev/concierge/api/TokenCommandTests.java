package dev.concierge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenCommandTests {

    @TempDir
    Path dataDirectory;

    /** What one run of the command printed and returned. */
    record Run(int exitCode, String out, String err) {}

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = TokenCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private RSAKey keyFile() throws Exception {
        return RSAKey.parse(Files.readString(dataDirectory.resolve("jwt-signing-key.json")));
    }

    @Test
    void token_printsJwtWithSubjectRolesIssuerAndDefaultExpiry_signedWithTheDataDirectorysKey() throws Exception {
        Instant before = Instant.now();

        Run run = run("--subject", "demo-1", "--roles", "pos,CUSTOMER", "--data-directory", dataDirectory.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        SignedJWT jwt = SignedJWT.parse(run.out().strip());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("demo-1");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER", "POS");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("concierge-local");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
                .isBetween(
                        before.plus(Duration.ofHours(12)).minusSeconds(1),
                        Instant.now().plus(Duration.ofHours(12)));
        RSAKey key = keyFile();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();
    }

    @Test
    void token_withTtl_expiresAfterIt() throws Exception {
        Instant before = Instant.now();

        Run run = run(
                "--subject", "pos-1", "--roles", "POS", "--ttl", "PT5M", "--data-directory", dataDirectory.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(SignedJWT.parse(run.out().strip())
                        .getJWTClaimsSet()
                        .getExpirationTime()
                        .toInstant())
                .isBetween(
                        before.plus(Duration.ofMinutes(5)).minusSeconds(1),
                        Instant.now().plus(Duration.ofMinutes(5)));
    }

    @Test
    void token_runTwice_signsWithTheSameStoredKey() throws Exception {
        String[] args = {"--subject", "demo-2", "--roles", "CUSTOMER", "--data-directory", dataDirectory.toString()};

        SignedJWT first = SignedJWT.parse(run(args).out().strip());
        SignedJWT second = SignedJWT.parse(run(args).out().strip());

        RSASSAVerifier verifier = new RSASSAVerifier(keyFile().toRSAPublicKey());
        assertThat(first.verify(verifier)).isTrue();
        assertThat(second.verify(verifier)).isTrue();
    }

    @Test
    void token_withEqualsSyntax_readsInlineValues() throws Exception {
        Run run = run("--subject=demo-3", "--roles=CUSTOMER", "--data-directory=" + dataDirectory);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(SignedJWT.parse(run.out().strip()).getJWTClaimsSet().getSubject())
                .isEqualTo("demo-3");
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("unknown role", new String[] {"--subject", "x", "--roles", "CUSTOMER,ADMIN"}, "ADMIN"),
                Arguments.of("no subject", new String[] {"--roles", "CUSTOMER"}, "--subject"),
                Arguments.of("no roles", new String[] {"--subject", "x"}, "--roles"),
                Arguments.of("empty roles", new String[] {"--subject", "x", "--roles", ","}, "role"),
                Arguments.of("bad ttl", new String[] {"--subject", "x", "--roles", "POS", "--ttl", "12h"}, "--ttl"),
                Arguments.of(
                        "negative ttl", new String[] {"--subject", "x", "--roles", "POS", "--ttl", "-PT1H"}, "--ttl"),
                Arguments.of("option without value", new String[] {"--subject", "x", "--roles"}, "--roles"),
                Arguments.of("stray argument", new String[] {"demo-1", "--roles", "POS"}, "demo-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void token_withMistake_exits2WithUsageOnStderrAndPrintsNoToken(String name, String[] args, String mentioned) {
        Run run = run(Stream.concat(Stream.of("--data-directory", dataDirectory.toString()), Stream.of(args))
                .toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(mentioned).contains("Usage: java -jar concierge.jar token");
    }
}
