package dev.concierge.api.page;

import dev.concierge.api.cache.CacheFactory;
import dev.concierge.api.catalog.CatalogRepository;
import dev.concierge.personalization.cache.Consistency;
import dev.concierge.personalization.cache.TwoLevelCache;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.StoreLocation;
import dev.concierge.personalization.decision.PageContent;
import dev.concierge.personalization.experiment.Experiment;
import dev.concierge.personalization.recommendation.Popularity;
import dev.concierge.personalization.segment.Segment;
import java.util.List;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two-level caches in front of the page's reads. Customer snapshots are read-your-writes:
 * every write about a customer starts a new generation of {@code customer:<id>}, so no instance
 * serves the old snapshot once the write has returned. Content, segments, experiments, stores and
 * popularity are shared by everyone and invalidated by broadcast.
 */
class PageCaches {

    static final String ALL = "all";

    private final TwoLevelCache<String, CustomerSnapshot> snapshots;
    private final TwoLevelCache<String, PageContent> pages;
    private final TwoLevelCache<String, List<Segment>> segments;
    private final TwoLevelCache<String, List<Experiment>> experiments;
    private final TwoLevelCache<String, List<StoreLocation>> stores;
    private final TwoLevelCache<String, Popularity> popularity;

    PageCaches(
            CacheFactory caches,
            JsonMapper json,
            SnapshotRepository snapshotSource,
            ContentRepository contentSource,
            DefinitionsRepository definitions,
            PopularityRepository popularitySource,
            CatalogRepository catalog) {
        this.snapshots = caches.create(
                "customer-snapshots",
                Consistency.READ_YOUR_WRITES,
                id -> id,
                PageCaches::generation,
                CacheCodecs.snapshots(json),
                snapshotSource::load);
        this.pages = caches.create(
                "page-content", Consistency.EVENTUAL, slug -> slug, null, PageContent.class, contentSource::page);
        this.segments = caches.create(
                "segments",
                Consistency.EVENTUAL,
                key -> key,
                null,
                CacheCodecs.segments(json),
                key -> definitions.activeSegments());
        JavaType experimentList = json.getTypeFactory().constructCollectionType(List.class, Experiment.class);
        this.experiments = caches.create(
                "page-experiments", Consistency.EVENTUAL, slug -> slug, null, experimentList, definitions::experiments);
        JavaType storeList = json.getTypeFactory().constructCollectionType(List.class, StoreLocation.class);
        this.stores = caches.create(
                "stores",
                Consistency.EVENTUAL,
                key -> key,
                null,
                storeList,
                key -> catalog.allStores()
                        .map(store -> new StoreLocation(store.id(), store.name(), store.position()))
                        .collectList());
        this.popularity = caches.create(
                "popularity",
                Consistency.EVENTUAL,
                key -> key,
                null,
                Popularity.class,
                key -> popularitySource.compute());
    }

    /** The generation every cached view of one customer follows. */
    static String generation(String customerId) {
        return "customer:" + customerId;
    }

    Mono<CustomerSnapshot> snapshot(String customerId) {
        return snapshots.get(customerId);
    }

    Mono<Void> customerChanged(String customerId) {
        return snapshots.invalidate(customerId);
    }

    Mono<Void> contentChanged(String slug) {
        return pages.invalidate(slug);
    }

    Mono<Void> segmentsChanged() {
        return segments.invalidate(ALL);
    }

    Mono<Void> experimentsChanged(String slug) {
        return experiments.invalidate(slug);
    }

    Mono<PageContent> page(String slug) {
        return pages.get(slug);
    }

    Mono<List<Segment>> segments() {
        return segments.get(ALL);
    }

    Mono<List<Experiment>> experiments(String slug) {
        return experiments.get(slug);
    }

    Mono<List<StoreLocation>> stores() {
        return stores.get(ALL);
    }

    Mono<Popularity> popularity() {
        return popularity.get(ALL);
    }
}
