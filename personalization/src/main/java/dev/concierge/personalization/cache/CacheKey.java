package dev.concierge.personalization.cache;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An L1 key: equal by the key's string form alone, so that an invalidation that carries only the
 * string (from the bus) finds the entry, while loaders still get the caller's key.
 */
final class CacheKey<K> {

    private final String id;
    private final @Nullable K key;

    private CacheKey(String id, @Nullable K key) {
        this.id = id;
        this.key = key;
    }

    static <K> CacheKey<K> of(String id, K key) {
        return new CacheKey<>(id, Objects.requireNonNull(key));
    }

    /** A key to find or remove an entry with; never stored. */
    static <K> CacheKey<K> probe(String id) {
        return new CacheKey<>(id, null);
    }

    String id() {
        return id;
    }

    K key() {
        return Objects.requireNonNull(key, "a probe key has no key");
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CacheKey<?> that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
