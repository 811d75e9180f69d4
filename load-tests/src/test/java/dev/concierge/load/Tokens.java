package dev.concierge.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for simulated callers, signed RS256 with the server's local key (the JWK file in
 * its embedded data directory), as {@code java -jar concierge.jar token} mints them: no extra
 * service, and no token request inside the measured load.
 */
final class Tokens {

    private static final String ISSUER = "concierge-local";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey key;
    private final String keyId;
    private final Map<String, String> minted = new ConcurrentHashMap<>();

    private Tokens(PrivateKey key, String keyId) {
        this.key = key;
        this.keyId = keyId;
    }

    static Tokens fromDataDirectory(Path dataDirectory) {
        Path file = dataDirectory.resolve("jwt-signing-key.json");
        try {
            JsonNode jwk = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(
                    big(jwk, "n"),
                    big(jwk, "e"),
                    big(jwk, "d"),
                    big(jwk, "p"),
                    big(jwk, "q"),
                    big(jwk, "dp"),
                    big(jwk, "dq"),
                    big(jwk, "qi"));
            return new Tokens(
                    KeyFactory.getInstance("RSA").generatePrivate(spec),
                    jwk.path("kid").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the server's signing key " + file.toAbsolutePath()
                            + " (set -Dconcierge.dataDirectory to the server's data directory)",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an RSA JWK: " + file, e);
        }
    }

    /** {@code Bearer …} for a subject with one role, minted once per subject and role, valid 12 hours. */
    String bearer(String subject, String role) {
        return minted.computeIfAbsent(subject + " " + role, k -> "Bearer " + mint(subject, role));
    }

    private String mint(String subject, String role) {
        try {
            long now = Instant.now().getEpochSecond();
            String header = JSON.writeValueAsString(Map.of("alg", "RS256", "kid", keyId));
            String claims = JSON.writeValueAsString(Map.of(
                    "iss",
                    ISSUER,
                    "sub",
                    subject,
                    "jti",
                    UUID.randomUUID().toString(),
                    "iat",
                    now,
                    "nbf",
                    now - 5,
                    "exp",
                    now + 12 * 3600,
                    "roles",
                    List.of(role)));
            String signingInput = encode(header) + "." + encode(claims);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64.encodeToString(signature.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot mint a token for " + subject, e);
        }
    }

    private static String encode(String json) {
        return BASE64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static BigInteger big(JsonNode jwk, String field) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path(field).asText()));
    }
}
