package dev.concierge.api.embedded;

import dev.concierge.api.security.LocalSigningKey;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Starts the embedded servers before any bean is created, unless the {@code prod} profile is
 * active or {@code concierge.embedded.enabled=false}, and points the database and Redis settings
 * at them.
 */
public class EmbeddedServersEnvironment implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public EmbeddedServersEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedServersEnvironment.class);
    }

    static final String PROPERTY_SOURCE = "conciergeEmbeddedServers";
    static final String ACTIVE_DATA_DIRECTORY = "concierge.embedded.active-data-directory";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("prod"))
                || !environment.getProperty("concierge.embedded.enabled", Boolean.class, true)
                || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        Path dataDirectory = Path.of(
                environment.getProperty("concierge.embedded.data-directory", EmbeddedServers.DEFAULT_DATA_DIRECTORY));
        boolean fresh = environment.getProperty("concierge.embedded.fresh", Boolean.class, false);
        boolean durable = environment.getProperty("concierge.embedded.durable", Boolean.class, true);
        EmbeddedServers servers = EmbeddedServers.acquire(dataDirectory, fresh, durable);
        log.info("Embedded PostgreSQL on port %d and Redis on port %d (started in %d ms), data in %s"
                .formatted(
                        servers.postgresPort(), servers.redisPort(), servers.startMillis(), servers.dataDirectory()));

        Map<String, Object> properties = new HashMap<>();
        properties.put(ACTIVE_DATA_DIRECTORY, servers.dataDirectory().toString());
        properties.put("concierge.database.host", "localhost");
        properties.put("concierge.database.port", servers.postgresPort());
        properties.put("concierge.database.name", "postgres");
        properties.put("concierge.database.username", "postgres");
        properties.put("concierge.database.password", "");
        properties.put("concierge.redis.host", "127.0.0.1");
        properties.put("concierge.redis.port", servers.redisPort());
        properties.put(
                "concierge.security.local-key-file",
                servers.dataDirectory().resolve(LocalSigningKey.FILE_NAME).toString());
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    @Override
    public int getOrder() {
        // After the configuration files have been read, so that they can choose the data directory.
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
