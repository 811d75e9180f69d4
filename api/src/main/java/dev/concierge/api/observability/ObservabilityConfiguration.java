package dev.concierge.api.observability;

import dev.concierge.personalization.recommendation.ItemNeighbours;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The application's metrics (see the package documentation for the names). */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    GraphQlMetrics graphQlMetrics(MeterRegistry registry) {
        return new GraphQlMetrics(registry);
    }

    /** Picked up by Spring Boot's GraphQlSource with the other Instrumentation beans. */
    @Bean
    OperationCapture graphQlOperationCapture() {
        return new OperationCapture();
    }

    @Bean
    DomainMetrics domainMetrics(MeterRegistry registry) {
        return new DomainMetrics(registry);
    }

    @Bean
    BackgroundGauges backgroundGauges(
            DatabaseClient db, ObjectProvider<ItemNeighbours> model, Clock clock, MeterRegistry registry) {
        return new BackgroundGauges(db, model.getIfUnique(), clock, registry);
    }

    /** The {@code postgresql} health component, in the readiness group. */
    @Bean
    PostgresHealthIndicator postgresql(BackgroundGauges gauges) {
        return new PostgresHealthIndicator(gauges::databaseAvailable);
    }
}
