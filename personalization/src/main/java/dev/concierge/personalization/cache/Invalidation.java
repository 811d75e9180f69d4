package dev.concierge.personalization.cache;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message on the {@link InvalidationBus}: which instance sent it, and what its receivers
 * evict from their L1 — one key of a cache, a whole cache ({@code key} null), or every cache
 * ({@code cache} null).
 */
public record Invalidation(
        String sender, @Nullable String cache, @Nullable String key) {

    public Invalidation {
        Objects.requireNonNull(sender, "sender");
        if (cache == null && key != null) {
            throw new IllegalArgumentException("An invalidation of a key names its cache");
        }
    }

    /** Every cache's L1, on every instance. */
    public static Invalidation everything(String sender) {
        return new Invalidation(sender, null, null);
    }
}
