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
 * The products the GraphQL fields ask for by sku (recommendations, carousels, reminders, timeline
 * items), kept in memory for a short while: nearly every page names the same few hundred products,
 * and without this each page read them from PostgreSQL again. The catalogue changes outside the
 * API (imports, the seeder), so this is eventual like the store list: a change shows within
 * {@code ttl}. Skus that do not exist are not remembered.
 */
final class ProductCache {

    private final AsyncCache<String, Product> products;
    private final Function<Collection<String>, Mono<Map<String, Product>>> source;

    ProductCache(long maxSize, Duration ttl, Function<Collection<String>, Mono<Map<String, Product>>> source) {
        this.products =
                Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).buildAsync();
        this.source = source;
    }

    /** The products of these skus that exist, by sku; one query for all that are not kept. */
    Mono<Map<String, Product>> bySku(Collection<String> skus) {
        return Mono.fromFuture(
                () -> products.getAll(
                        skus,
                        (missing, executor) -> source.apply(Set.copyOf(missing)).toFuture()),
                true);
    }
}
