package dev.concierge.api.limits;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.concierge.api.graphql.GraphQlErrorResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import tools.jackson.databind.json.JsonMapper;

/** Wires the limits: the instrumentation and interceptors into GraphQL, the filters into WebFlux. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
class LimitsConfiguration {

    /** Picked up by Spring Boot's GraphQlSource with the other Instrumentation beans. */
    @Bean
    QueryLimits queryLimits(LimitsProperties limits) {
        return new QueryLimits(limits);
    }

    /**
     * The parsed-document cache, unless {@code concierge.limits.document-cache-chars} is 0. The
     * schema is looked up on first use: the GraphQlSource it belongs to is built with this customizer.
     */
    @Bean
    GraphQlSourceBuilderCustomizer documentCache(LimitsProperties limits, ObjectProvider<GraphQlSource> source) {
        return builder -> {
            if (limits.documentCacheChars() > 0) {
                DocumentCache cache =
                        new DocumentCache(limits, () -> source.getObject().schema());
                builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
            }
        };
    }

    @Bean
    WebGraphQlInterceptor parserLimits(LimitsProperties limits) {
        return new ParserLimits(limits);
    }

    @Bean
    WebGraphQlInterceptor subscriptionLimit(LimitsProperties limits) {
        return new SubscriptionLimit(limits.maxSubscriptionsPerConnection());
    }

    @Bean
    RequestSizeLimit requestSizeLimit(
            LimitsProperties limits, JsonMapper json, @Value("${spring.graphql.http.path:/graphql}") String path) {
        return new RequestSizeLimit(path, limits.maxRequestBytes(), new GraphQlErrorResponses(json));
    }

    @Bean
    RateLimiter rateLimiter(
            LimitsProperties limits, JsonMapper json, @Value("${spring.graphql.http.path:/graphql}") String path) {
        return new RateLimiter(path, limits.rateLimit(), new GraphQlErrorResponses(json), Ticker.systemTicker());
    }
}
