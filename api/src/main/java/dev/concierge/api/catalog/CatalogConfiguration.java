package dev.concierge.api.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue adapter and its batch loaders: any field that needs a product or a store asks the
 * {@code DataLoader<String, Product>} or {@code DataLoader<String, Store>} of the request, so one
 * query serves every parent.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    CatalogRepository catalogRepository(DatabaseClient db, JsonMapper json, BatchLoaderRegistry loaders) {
        CatalogRepository catalog = new CatalogRepository(db, json);
        loaders.forTypePair(String.class, Product.class)
                .registerMappedBatchLoader((skus, environment) -> catalog.productsBySku(skus));
        loaders.forTypePair(String.class, Store.class)
                .registerMappedBatchLoader(
                        (ids, environment) -> catalog.stores(ids).collectMap(Store::id));
        return catalog;
    }
}
