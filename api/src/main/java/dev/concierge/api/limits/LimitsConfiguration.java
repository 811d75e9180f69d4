package dev.concierge.api.limits;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.concierge.api.graphql.GraphQlErrorResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
