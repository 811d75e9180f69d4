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
 * query serves every parent. Products are kept in memory for {@code concierge.catalog.product-cache.ttl}
 * (60 s by default, at most {@code max-size} of them): see {@link ProductCache}.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    CatalogRepository catalogRepository(
            DatabaseClient db,
            JsonMapper json,
            BatchLoaderRegistry loaders,
            @Value("${concierge.catalog.product-cache.max-size:20000}") long productCacheSize,
            @Value("${concierge.catalog.product-cache.ttl:60s}") Duration productCacheTtl) {
        CatalogRepository catalog = new CatalogRepository(db, json);
        ProductCache products = new ProductCache(productCacheSize, productCacheTtl, catalog::productsBySku);
        loaders.forTypePair(String.class, Product.class)
                .registerMappedBatchLoader((skus, environment) -> products.bySku(skus));
        loaders.forTypePair(String.class, Store.class)
                .registerMappedBatchLoader(
                        (ids, environment) -> catalog.stores(ids).collectMap(Store::id));
        return catalog;
    }
}
