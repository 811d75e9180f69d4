package dev.concierge.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signs development tokens with the local key: the {@code token} command and the tests use it. */
public final class TokenMinter {

    private final RSAKey key;
    private final String issuer;

    public TokenMinter(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** A token for {@code subject} with {@code roles}, valid for {@code lifetime} from now. */
    public String mint(String subject, Collection<Role> roles, Duration lifetime) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one role");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim(
                        "roles",
                        roles.stream().map(Role::name).distinct().sorted().toList())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token with the local key", e);
        }
        return jwt.serialize();
    }

    /** Parses a comma-separated role list such as {@code CUSTOMER,POS}, case-insensitively. */
    public static List<Role> parseRoles(String roles) {
        return java.util.Arrays.stream(roles.split(","))
                .map(String::trim)
                .filter(role -> !role.isEmpty())
                .map(role -> {
                    try {
                        return Role.valueOf(role.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                "unknown role '" + role + "'; use one of " + java.util.Arrays.toString(Role.values()));
                    }
                })
                .toList();
    }
}
