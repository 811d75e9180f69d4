package dev.concierge.api.catalog;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue adapter and its batch loaders: any field that needs a product or a store asks the
 * {@code DataLoader<String, Product>} or {@code DataLoader<String, Store>} of the request, so one
 * query serves every parent. Products and stores are kept in memory for {@code
 * concierge.catalog.cache.ttl} (60 s by default, at most {@code max-size} of each): see {@link
 * CatalogCache}.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    CatalogRepository catalogRepository(
            DatabaseClient db,
            JsonMapper json,
            BatchLoaderRegistry loaders,
            @Value("${concierge.catalog.cache.max-size:20000}") long cacheSize,
            @Value("${concierge.catalog.cache.ttl:60s}") Duration cacheTtl) {
        CatalogRepository catalog = new CatalogRepository(db, json);
        CatalogCache<Product> products = new CatalogCache<>(cacheSize, cacheTtl, catalog::productsBySku);
        CatalogCache<Store> stores = new CatalogCache<>(
                cacheSize, cacheTtl, ids -> catalog.stores(ids).collectMap(Store::id));
        loaders.forTypePair(String.class, Product.class)
                .registerMappedBatchLoader((skus, environment) -> products.byKey(skus));
        loaders.forTypePair(String.class, Store.class)
                .registerMappedBatchLoader((ids, environment) -> stores.byKey(ids));
        return catalog;
    }
}
