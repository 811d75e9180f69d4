package dev.concierge.api.page;

import dev.concierge.api.cache.CacheFactory;
import dev.concierge.api.catalog.CatalogRepository;
import dev.concierge.api.profile.CustomerChanges;
import dev.concierge.personalization.decision.PersonalizePage;
import dev.concierge.personalization.recommendation.PopularityRecommender;
import dev.concierge.personalization.recommendation.Recommender;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the page: the core's use case over the PostgreSQL adapters. */
@Configuration(proxyBeanMethods = false)
class PageConfiguration {

    @Bean
    SnapshotRepository snapshotRepository(DatabaseClient db, JsonMapper json, Clock clock) {
        return new SnapshotRepository(db, json, clock);
    }

    @Bean
    ContentRepository contentRepository(DatabaseClient db, JsonMapper json) {
        return new ContentRepository(db, json);
    }

    @Bean
    DefinitionsRepository definitionsRepository(DatabaseClient db, JsonMapper json) {
        return new DefinitionsRepository(db, json);
    }

    @Bean
    PopularityRepository popularityRepository(DatabaseClient db, Clock clock) {
        return new PopularityRepository(db, clock);
    }

    @Bean
    ReminderRepository reminderRepository(DatabaseClient db) {
        return new ReminderRepository(db);
    }

    @Bean
    BatchedExposureLog exposureLog(DatabaseClient db) {
        return new BatchedExposureLog(db, 50_000, 500, Duration.ofMillis(250));
    }

    @Bean
    ConversionRecorder conversionRecorder(DatabaseClient db) {
        return new ConversionRecorder(db);
    }

    @Bean
    PageCaches pageCaches(
            CacheFactory caches,
            JsonMapper json,
            SnapshotRepository snapshots,
            ContentRepository content,
            DefinitionsRepository definitions,
            PopularityRepository popularity,
            CatalogRepository catalog) {
        return new PageCaches(caches, json, snapshots, content, definitions, popularity, catalog);
    }

    /** After a write about a customer: a new generation of everything cached about them. */
    @Bean
    CustomerChanges customerChanges(PageCaches caches) {
        return caches::customerChanged;
    }

    @Bean
    Recommender recommender(PageCaches caches) {
        return new PopularityRecommender(caches::popularity);
    }

    @Bean
    PersonalizePage personalizePage(PageCaches caches, BatchedExposureLog exposures, Clock clock) {
        return new PersonalizePage(
                caches::snapshot,
                caches::page,
                caches::segments,
                caches::experiments,
                caches::stores,
                exposures,
                clock);
    }
}
