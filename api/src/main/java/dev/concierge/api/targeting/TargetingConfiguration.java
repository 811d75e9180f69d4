package dev.concierge.api.targeting;

import dev.concierge.api.audit.AuditTrail;
import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.page.PublishedChanges;
import dev.concierge.api.page.SnapshotRepository;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** Wires segment and experiment authoring, audience estimates and results. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AudienceProperties.class)
class TargetingConfiguration {

    @Bean
    SegmentRepository segmentRepository(DatabaseClient db, JsonMapper json) {
        return new SegmentRepository(db, json);
    }

    @Bean
    ExperimentRepository experimentRepository(DatabaseClient db) {
        return new ExperimentRepository(db);
    }

    @Bean
    AudienceEstimator audienceEstimator(
            DatabaseClient db, SnapshotRepository snapshots, AudienceProperties properties, Clock clock) {
        return new AudienceEstimator(db, snapshots, properties, clock);
    }

    @Bean
    Segments segments(
            SegmentRepository segments,
            AuditTrail audit,
            PublishedChanges changes,
            TransactionalOperator transactions,
            ConciergeProperties properties) {
        return new Segments(segments, audit, changes, transactions, properties);
    }

    @Bean
    Experiments experiments(
            ExperimentRepository experiments,
            AuditTrail audit,
            PublishedChanges changes,
            TransactionalOperator transactions,
            ConciergeProperties properties) {
        return new Experiments(experiments, audit, changes, transactions, properties);
    }
}
