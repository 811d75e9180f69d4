package dev.concierge.api.cache;

import dev.concierge.personalization.cache.Codec;
import dev.concierge.personalization.cache.Consistency;
import dev.concierge.personalization.cache.TwoLevelCache;
import dev.concierge.personalization.cache.TwoLevelCaches;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the application's features make their caches: bounds from {@link CacheProperties}, values as
 * JSON in Redis (or a codec of their own), metrics registered. Create each cache once, at start-up
 * (in a {@code @Bean} method); names are unique.
 *
 * <pre>{@code
 * TwoLevelCache<String, CustomerSnapshot> snapshots = caches.create(
 *         "customer-snapshots", Consistency.READ_YOUR_WRITES,
 *         id -> id, id -> "customer:" + id,
 *         CustomerSnapshot.class, customers::snapshot);
 * // a writer, once its transaction has committed:
 * return purchase.then(snapshots.invalidate(customerId));
 * }</pre>
 */
public final class CacheFactory {

    private final TwoLevelCaches caches;
    private final CacheProperties properties;
    private final JsonMapper json;
    private final MeterRegistry registry;
    /** Micrometer holds meters' objects weakly; the caches live as long as the application. */
    private final List<TwoLevelCache<?, ?>> created = new CopyOnWriteArrayList<>();

    CacheFactory(TwoLevelCaches caches, CacheProperties properties, JsonMapper json, MeterRegistry registry) {
        this.caches = caches;
        this.properties = properties;
        this.json = json;
        this.registry = registry;
        // Fail at start-up on bad settings, not when a cache is first made.
        properties.check();
    }

    /**
     * A cache whose values are stored in Redis as JSON.
     *
     * @param keyToString a key's string form in Redis keys and bus messages, distinct per key
     * @param generationKey for {@link Consistency#READ_YOUR_WRITES}, the generation a key follows
     *     (e.g. {@code customer:<id>}, shared by all caches of a customer's data); null otherwise
     * @param loader the source; an empty result means "none" and is not cached
     */
    public <K, V> TwoLevelCache<K, V> create(
            String name,
            Consistency consistency,
            Function<K, String> keyToString,
            @Nullable Function<K, String> generationKey,
            Class<V> type,
            Function<K, Mono<V>> loader) {
        return create(name, consistency, keyToString, generationKey, JacksonCodec.of(json, type), loader);
    }

    /** As {@link #create(String, Consistency, Function, Function, Class, Function)}, for generic values. */
    public <K, V> TwoLevelCache<K, V> create(
            String name,
            Consistency consistency,
            Function<K, String> keyToString,
            @Nullable Function<K, String> generationKey,
            JavaType type,
            Function<K, Mono<V>> loader) {
        return create(name, consistency, keyToString, generationKey, JacksonCodec.<V>of(json, type), loader);
    }

    /** As {@link #create(String, Consistency, Function, Function, Class, Function)}, with a codec of its own. */
    public <K, V> TwoLevelCache<K, V> create(
            String name,
            Consistency consistency,
            Function<K, String> keyToString,
            @Nullable Function<K, String> generationKey,
            Codec<V> codec,
            Function<K, Mono<V>> loader) {
        TwoLevelCaches.CacheBuilder<K, V> builder = caches.<K, V>newCache(name)
                .consistency(consistency)
                .keys(keyToString)
                .codec(codec)
                .settings(properties.settingsFor(name))
                .loader(loader);
        if (generationKey != null) {
            builder.generationKey(generationKey);
        }
        TwoLevelCache<K, V> cache = builder.build();
        CacheMetrics.bind(registry, cache);
        created.add(cache);
        return cache;
    }

    /** Every cache made so far. */
    public List<TwoLevelCache<?, ?>> caches() {
        return List.copyOf(created);
    }
}
