package dev.concierge.api.graphql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.web.server.WebExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/** GraphQL plumbing shared by every feature: scalars and error mapping. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(Scalars.DATE_TIME).scalar(Scalars.DATE).scalar(JsonScalar.JSON);
    }

    @Bean
    DataFetcherExceptionResolver conciergeExceptionResolver() {
        return new ExceptionResolver();
    }

    @Bean
    SubscriptionExceptionResolver conciergeSubscriptionExceptionResolver() {
        return ExceptionResolver.forSubscriptions();
    }

    @Bean
    WebExceptionHandler graphQlHttpErrorHandler(
            @Value("${spring.graphql.http.path:/graphql}") String path, JsonMapper json) {
        return new HttpErrorHandler(path, json);
    }

    @Bean
    WebGraphQlInterceptor errorCodeInterceptor() {
        return new ErrorCodeInterceptor();
    }
}
