package dev.concierge.api.catalog;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Catalogue rows the GraphQL fields ask for by key (products by sku for recommendations, carousels,
 * reminders and timeline items; stores by id for the nearest store), kept in memory for a short
 * while: nearly every page names the same few hundred products and few dozen stores, and without
 * this each page read them from PostgreSQL again. The catalogue changes outside the API (imports,
 * the seeder), so this is eventual like the cached store list: a change shows within {@code ttl}.
 * Keys that do not exist are not remembered.
 *
 * @param <V> the row
 */
final class CatalogCache<V> {

    private final AsyncCache<String, V> rows;
    private final Function<Collection<String>, Mono<Map<String, V>>> source;

    CatalogCache(long maxSize, Duration ttl, Function<Collection<String>, Mono<Map<String, V>>> source) {
        this.rows =
                Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).buildAsync();
        this.source = source;
    }

    /** The rows of these keys that exist, by key; one query for all that are not kept. */
    Mono<Map<String, V>> byKey(Collection<String> keys) {
        return Mono.fromFuture(
                () -> rows.getAll(
                        keys,
                        (missing, executor) -> source.apply(Set.copyOf(missing)).toFuture()),
                true);
    }
}
