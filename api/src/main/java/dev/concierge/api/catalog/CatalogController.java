package dev.concierge.api.catalog;

import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.graphql.Cursors;
import dev.concierge.personalization.customer.GeoPoint;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Public catalogue queries: a product, and the stores nearest a location. */
@Controller
class CatalogController {

    private final CatalogRepository catalog;
    private final ConciergeProperties properties;

    CatalogController(CatalogRepository catalog, ConciergeProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @QueryMapping
    Mono<Product> product(@Argument String sku) {
        return catalog.products(List.of(sku)).next();
    }

    @QueryMapping
    Mono<List<StoreDistance>> nearestStores(@Argument LocationInput location, @Argument @Nullable Integer first) {
        int size = Cursors.pageSize(first, 3, properties.limits().nearestStores());
        GeoPoint from = new GeoPoint(location.lat(), location.lon());
        return catalog.allStores()
                .map(store -> new StoreDistance(store, from.distanceKm(store.position())))
                .sort(Comparator.comparingDouble(StoreDistance::distanceKm))
                .take(size)
                .collectList();
    }

    /** The GraphQL {@code LocationInput}. */
    record LocationInput(double lat, double lon) {}
}
