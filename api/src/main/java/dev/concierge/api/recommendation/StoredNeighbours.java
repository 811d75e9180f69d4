package dev.concierge.api.recommendation;

import dev.concierge.api.cache.CacheFactory;
import dev.concierge.api.recommendation.ModelStore.ModelVersion;
import dev.concierge.personalization.cache.Consistency;
import dev.concierge.personalization.cache.TwoLevelCache;
import dev.concierge.personalization.recommendation.ItemNeighbours;
import dev.concierge.personalization.recommendation.Neighbour;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link ItemNeighbours} port over item_similarity, behind two caches shared by every instance
 * (both EVENTUAL): {@code recommendation-model}, the newest model's id and freshness, and {@code
 * item-neighbours}, one item's neighbour list keyed by model id and sku. Misses that arrive together
 * are loaded with one query ({@link BatchedLookup}). A rebuild invalidates only the model entry
 * (broadcast): every instance then reads lists under the new model's id, and the old lists expire;
 * an incremental update invalidates the lists of the items it changed.
 */
class StoredNeighbours implements ItemNeighbours {

    private static final String LATEST = "latest";

    private final TwoLevelCache<String, ModelVersion> versions;
    private final TwoLevelCache<ModelSku, List<Neighbour>> lists;

    /** One item's list under one model. */
    record ModelSku(long model, String sku) {

        String id() {
            return model + ":" + sku;
        }
    }

    StoredNeighbours(
            CacheFactory caches, JsonMapper json, ModelStore store, BatchedLookup<String, List<Neighbour>> lookup) {
        this.versions = caches.create(
                "recommendation-model",
                Consistency.EVENTUAL,
                key -> key,
                null,
                ModelVersion.class,
                key -> store.latest());
        JavaType neighbourList = json.getTypeFactory().constructCollectionType(List.class, Neighbour.class);
        // An item without neighbours is cached as an empty list: it is asked for as often as any.
        this.lists = caches.create(
                "item-neighbours",
                Consistency.EVENTUAL,
                ModelSku::id,
                null,
                neighbourList,
                key -> lookup.get(key.sku()));
    }

    @Override
    public Mono<Map<String, List<Neighbour>>> neighbours(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Mono.just(Map.of());
        }
        return versions.get(LATEST)
                .flatMap(version -> Flux.fromIterable(new LinkedHashSet<>(skus))
                        .flatMap(sku -> lists.get(new ModelSku(version.id(), sku))
                                .filter(list -> !list.isEmpty())
                                .map(list -> Map.entry(sku, list)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public Mono<Instant> computedAt() {
        return versions.get(LATEST).mapNotNull(ModelVersion::computedAt);
    }

    /** After a rebuild has committed: every instance moves to the new model. */
    Mono<Void> modelChanged() {
        return versions.invalidate(LATEST);
    }

    /** After an incremental update of these items has committed. */
    Mono<Void> itemsChanged(Collection<String> skus) {
        return versions.get(LATEST)
                .flatMapMany(version ->
                        Flux.fromIterable(skus).concatMap(sku -> lists.invalidate(new ModelSku(version.id(), sku))))
                .then();
    }
}
