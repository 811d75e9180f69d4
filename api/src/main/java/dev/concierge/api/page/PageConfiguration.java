package dev.concierge.api.page;

import dev.concierge.api.cache.CacheFactory;
import dev.concierge.api.catalog.CatalogRepository;
import dev.concierge.api.observability.DomainMetrics;
import dev.concierge.api.profile.CustomerChanges;
import dev.concierge.personalization.decision.PersonalizePage;
import dev.concierge.personalization.recommendation.ItemNeighbours;
import dev.concierge.personalization.recommendation.ItemToItemRecommender;
import dev.concierge.personalization.recommendation.RecommenderSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Wires the page: the core's use case over the PostgreSQL adapters, and the recommender it shows. */
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
    RecentInteractionRepository recentInteractionRepository(DatabaseClient db) {
        return new RecentInteractionRepository(db);
    }

    @Bean
    CachedReminders reminders(CacheFactory caches, JsonMapper json, DatabaseClient db) {
        return new CachedReminders(caches, json, new ReminderRepository(db));
    }

    @Bean
    BatchedExposureLog exposureLog(DatabaseClient db, DomainMetrics metrics) {
        return new BatchedExposureLog(db, 50_000, 500, Duration.ofMillis(250), metrics::exposed);
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

    /** After an editorial change: every instance drops what it cached of it. */
    @Bean
    PublishedChanges publishedChanges(PageCaches caches) {
        return new PublishedChanges() {
            @Override
            public Mono<Void> contentChanged(String slug) {
                return caches.contentChanged(slug);
            }

            @Override
            public Mono<Void> segmentsChanged() {
                return caches.segmentsChanged();
            }

            @Override
            public Mono<Void> experimentsChanged(String slug) {
                return caches.experimentsChanged(slug);
            }
        };
    }

    /**
     * The item-to-item recommender over the stored neighbours (the recommendation package's
     * adapter) and the cached popularity table.
     */
    @Bean
    ItemToItemRecommender recommender(ItemNeighbours neighbours, PageCaches caches) {
        return new ItemToItemRecommender(neighbours, caches::popularity, RecommenderSettings.DEFAULTS);
    }

    @Bean
    CachedRecommendations cachedRecommendations(
            CacheFactory caches,
            PageCaches pageCaches,
            ItemNeighbours neighbours,
            RecentInteractionRepository recentInteractions,
            ItemToItemRecommender recommender) {
        return new CachedRecommendations(caches, pageCaches::snapshot, neighbours, recentInteractions, recommender);
    }

    @Bean
    PagePreviews pagePreviews(PageCaches caches, ContentRepository content, Clock clock) {
        return new PagePreviews(caches, content, clock);
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
