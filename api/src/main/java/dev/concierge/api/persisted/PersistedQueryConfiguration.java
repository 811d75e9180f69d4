package dev.concierge.api.persisted;

import dev.concierge.api.cache.CacheProperties;
import dev.concierge.api.persisted.PersistedQueryProperties.Mode;
import dev.concierge.personalization.cache.SharedCacheLevel;
import dev.concierge.personalization.cache.TwoLevelCaches;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/** Wires persisted queries: the APQ store, the manifest, the interceptor and the GET route. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersistedQueryProperties.class)
class PersistedQueryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersistedQueryConfiguration.class);

    @Bean
    AutomaticPersistedQueries automaticPersistedQueries(
            PersistedQueryProperties properties,
            SharedCacheLevel sharedLevel,
            TwoLevelCaches caches,
            CacheProperties cacheProperties) {
        return new AutomaticPersistedQueries(
                properties.cache(),
                sharedLevel,
                caches::sharedLevelAvailable,
                cacheProperties.redisTimeout(),
                ForkJoinPool.commonPool());
    }

    @Bean
    PersistedQueryInterceptor persistedQueryInterceptor(
            PersistedQueryProperties properties,
            AutomaticPersistedQueries apq,
            ResourceLoader resources,
            JsonMapper json,
            MeterRegistry registry) {
        Mode mode = properties.effectiveMode();
        TrustedDocuments trusted = mode == Mode.ALLOWLIST ? manifest(properties, resources, json) : null;
        log.info(
                "Persisted queries: {}{}",
                mode,
                mode == Mode.ALLOWLIST ? " (only the operations of " + properties.manifest() + ")" : "");
        return new PersistedQueryInterceptor(mode, apq, trusted, registry);
    }

    private static TrustedDocuments manifest(
            PersistedQueryProperties properties, ResourceLoader resources, JsonMapper json) {
        @Nullable String location = properties.manifest();
        if (location == null || location.isBlank()) {
            throw new TrustedDocuments.ManifestException(
                    "(not set)",
                    List.of("concierge.graphql.persisted-queries.mode is ALLOWLIST, which runs only the operations of"
                            + " a manifest, but concierge.graphql.persisted-queries.manifest is not set"));
        }
        return TrustedDocuments.load(resources, location, json);
    }

    /** Picked up by Spring Boot's GraphQlSource with the other Instrumentation beans. */
    @Bean
    TouchedFields touchedFields() {
        return new TouchedFields();
    }

    /** Ahead of Spring Boot's GraphQL routes, whose {@code GET /graphql} answers 405. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGetRoute(
            @Value("${spring.graphql.http.path:/graphql}") String path,
            WebGraphQlHandler graphQl,
            JsonMapper json,
            PersistedQueryProperties properties) {
        return new GetRequests(path, graphQl, json, properties.get()).routes();
    }
}
