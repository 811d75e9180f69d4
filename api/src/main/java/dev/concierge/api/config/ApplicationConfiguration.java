package dev.concierge.api.config;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Application-wide beans: settings, the clock, statement deadlines and transactions. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConciergeProperties.class)
class ApplicationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every statement has a deadline: a stuck query fails as UNAVAILABLE instead of piling up. */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer statementTimeout(ConciergeProperties properties) {
        return options -> options.option(
                PostgresqlConnectionFactoryProvider.STATEMENT_TIMEOUT,
                properties.database().statementTimeout());
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }
}
