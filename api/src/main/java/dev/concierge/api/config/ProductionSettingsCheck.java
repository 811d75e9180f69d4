package dev.concierge.api.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Refuses to start the {@code prod} profile without PostgreSQL, Redis and a JWT issuer: nothing
 * embedded runs there, so each must come from the environment.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

    /** A required setting: the property and the environment variable that usually provides it. */
    record Setting(String property, String variable) {}

    static final List<Setting> REQUIRED = List.of(
            new Setting("concierge.database.host", "CONCIERGE_DATABASE_HOST"),
            new Setting("concierge.database.name", "CONCIERGE_DATABASE_NAME"),
            new Setting("concierge.database.username", "CONCIERGE_DATABASE_USERNAME"),
            new Setting("concierge.database.password", "CONCIERGE_DATABASE_PASSWORD"),
            new Setting("concierge.redis.host", "CONCIERGE_REDIS_HOST"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Setting setting : REQUIRED) {
            if (!StringUtils.hasText(environment.getProperty(setting.property()))) {
                missing.add(setting.variable() + " (" + setting.property() + ")");
            }
        }
        if (!StringUtils.hasText(environment.getProperty("concierge.security.jwt.issuer-uri"))
                && !StringUtils.hasText(environment.getProperty("concierge.security.jwt.jwk-set-uri"))) {
            missing.add("CONCIERGE_SECURITY_JWT_ISSUER_URI or CONCIERGE_SECURITY_JWT_JWK_SET_URI"
                    + " (concierge.security.jwt.issuer-uri / jwk-set-uri)");
        }
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 20;
    }
}
