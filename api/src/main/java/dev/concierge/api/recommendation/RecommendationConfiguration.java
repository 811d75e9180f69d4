package dev.concierge.api.recommendation;

import dev.concierge.api.cache.CacheFactory;
import dev.concierge.personalization.recommendation.ItemSimilarityTrainer;
import dev.concierge.personalization.recommendation.Neighbour;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the recommendation model: its PostgreSQL adapters, the cached {@code ItemNeighbours} port,
 * the rebuild job and its schedule, and the incremental update after purchases (one of the
 * purchase listeners).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecommendationProperties.class)
class RecommendationConfiguration {

    /** The most skus one neighbours query asks for. */
    static final int NEIGHBOURS_BATCH = 500;

    /** How long a cache miss waits for others to share its neighbours query. */
    static final Duration NEIGHBOURS_BATCH_WINDOW = Duration.ofMillis(2);

    @Bean
    ModelStore modelStore(DatabaseClient db) {
        return new ModelStore(db);
    }

    @Bean
    InteractionRepository interactionRepository(DatabaseClient db) {
        return new InteractionRepository(db);
    }

    @Bean
    ItemSimilarityTrainer itemSimilarityTrainer(RecommendationProperties properties) {
        return new ItemSimilarityTrainer(properties.training().settings());
    }

    @Bean
    StoredNeighbours itemNeighbours(
            CacheFactory caches, JsonMapper json, ModelStore store, RecommendationProperties properties) {
        int topK = properties.training().topK();
        BatchedLookup<String, List<Neighbour>> lookup = new BatchedLookup<>(
                skus -> store.neighbours(skus, topK),
                List.of(),
                NEIGHBOURS_BATCH,
                NEIGHBOURS_BATCH_WINDOW,
                Schedulers.parallel());
        return new StoredNeighbours(caches, json, store, lookup);
    }

    @Bean
    RecommendationJob recommendationJob(
            ModelStore store,
            InteractionRepository interactions,
            ItemSimilarityTrainer trainer,
            StoredNeighbours neighbours,
            TransactionalOperator transactions,
            RecommendationProperties properties,
            MeterRegistry meters,
            Clock clock) {
        return new RecommendationJob(store, interactions, trainer, neighbours, transactions, properties, meters, clock);
    }

    @Bean
    RecommendationSchedule recommendationSchedule(
            RecommendationJob job, RecommendationProperties properties, Clock clock) {
        return new RecommendationSchedule(job, properties.job(), clock);
    }

    /** A purchase listener: RecordPurchase tells it after each purchase commits. */
    @Bean
    IncrementalUpdates incrementalRecommendationUpdates(
            ModelStore store,
            InteractionRepository interactions,
            ItemSimilarityTrainer trainer,
            StoredNeighbours neighbours,
            TransactionalOperator transactions,
            RecommendationProperties properties,
            MeterRegistry meters,
            Clock clock) {
        return new IncrementalUpdates(
                store, interactions, trainer, neighbours, transactions, properties, meters, clock);
    }
}
