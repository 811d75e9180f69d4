package dev.concierge.api.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/** GraphQL plumbing shared by every feature: scalars and error mapping. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(Scalars.DATE_TIME).scalar(Scalars.DATE);
    }

    @Bean
    DataFetcherExceptionResolver conciergeExceptionResolver() {
        return new ExceptionResolver();
    }

    @Bean
    WebGraphQlInterceptor errorCodeInterceptor() {
        return new ErrorCodeInterceptor();
    }
}
