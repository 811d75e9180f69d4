package dev.concierge.api.retention;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionConfiguration {

    @Bean
    RetentionJob retentionJob(
            DatabaseClient db, TransactionalOperator transactions, RetentionProperties settings, MeterRegistry meters) {
        return new RetentionJob(db, transactions, settings, meters);
    }

    @Bean
    RetentionSchedule retentionSchedule(RetentionJob job, RetentionProperties settings, Clock clock) {
        return new RetentionSchedule(job, settings, clock);
    }
}
