package dev.concierge.api.db;

import dev.concierge.api.config.ConciergeProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Prepares the database at start-up. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Runs before the server accepts traffic: every singleton is ready before the web server starts. */
    @Bean(initMethod = "run")
    DatabaseSetup databaseSetup(ConciergeProperties properties, Clock clock) {
        return new DatabaseSetup(properties, clock);
    }
}
