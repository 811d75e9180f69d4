package dev.concierge.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every Concierge setting, under the {@code concierge} prefix; the README's configuration table
 * documents them.
 */
@Validated
@ConfigurationProperties("concierge")
public record ConciergeProperties(
        @Valid @NotNull @DefaultValue Database database,
        @Valid @NotNull @DefaultValue Security security,
        @Valid @NotNull @DefaultValue DemoData demoData,
        @Valid @NotNull @DefaultValue Limits limits) {

    /** Where the system of record lives; the embedded default fills these in itself. */
    public record Database(
            String host,
            @DefaultValue("5432") int port,
            String name,
            String username,
            String password,
            @DefaultValue("10s") Duration statementTimeout) {

        /** The JDBC address Flyway and the demo-data loader use. */
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }
    }

    /** Bearer-token settings: a local signing key by default, an issuer or JWK set in prod. */
    public record Security(
            String localKeyFile,
            @DefaultValue(Security.LOCAL_ISSUER) String localIssuer,
            @DefaultValue("12h") Duration localTokenLifetime,
            @Valid @NotNull @DefaultValue Jwt jwt) {

        /** The issuer of development tokens signed with the local key. */
        public static final String LOCAL_ISSUER = "concierge-local";

        /** An external identity provider. */
        public record Jwt(String issuerUri, String jwkSetUri, String audience) {}
    }

    /** The demo retailer loaded on first start of an empty database. */
    public record DemoData(@DefaultValue("true") boolean enabled) {}

    /** Input limits: the largest accepted batches, pages and strings. */
    public record Limits(
            @Min(1) @Max(10_000) @DefaultValue("500") int trackEventsBatch,
            @Min(1) @Max(1_000) @DefaultValue("100") int pageSize,
            @Min(1) @Max(100) @DefaultValue("50") int purchaseItems,
            @Min(16) @Max(100_000) @DefaultValue("512") int stringLength,
            @Min(1) @Max(1_000) @DefaultValue("20") int nearestStores) {}
}
