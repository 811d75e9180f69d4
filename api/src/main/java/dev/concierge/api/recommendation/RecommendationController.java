package dev.concierge.api.recommendation;

import dev.concierge.api.catalog.Product;
import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.graphql.Cursors;
import dev.concierge.api.security.Caller;
import dev.concierge.api.security.Role;
import dev.concierge.personalization.recommendation.ItemToItemRecommender;
import dev.concierge.personalization.recommendation.Recommendations;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A product's {@code similar} and {@code goesWith} lists, and the SRE's {@code
 * rebuildRecommendations}. Each product's lists come from the cached neighbours of its sku; the
 * neighbour lists of many products asked for at once are loaded with one query.
 */
@Controller
class RecommendationController {

    /** The default {@code first} of {@code similar} and {@code goesWith}, as in the schema. */
    static final int RELATED_DEFAULT = 6;

    private final ItemToItemRecommender recommender;
    private final RecommendationJob job;
    private final ConciergeProperties properties;

    RecommendationController(ItemToItemRecommender recommender, RecommendationJob job, ConciergeProperties properties) {
        this.recommender = recommender;
        this.job = job;
        this.properties = properties;
    }

    @SchemaMapping(typeName = "Product")
    Mono<List<Recommendations.Item>> similar(Product product, @Argument @Nullable Integer first) {
        int size = Cursors.pageSize(first, RELATED_DEFAULT, properties.limits().pageSize());
        return recommender.similar(product.sku(), size).map(Recommendations::items);
    }

    @SchemaMapping(typeName = "Product")
    Mono<List<Recommendations.Item>> goesWith(Product product, @Argument @Nullable Integer first) {
        int size = Cursors.pageSize(first, RELATED_DEFAULT, properties.limits().pageSize());
        return recommender.goesWith(product.sku(), size).map(Recommendations::items);
    }

    @MutationMapping
    Mono<ModelRun> rebuildRecommendations() {
        return Caller.current()
                .map(caller -> caller.require(Role.SRE))
                .flatMap(caller -> job.rebuild(ModelRun.Trigger.ON_DEMAND, caller.subject()));
    }
}
