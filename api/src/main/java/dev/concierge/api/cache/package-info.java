/**
 * The two-level cache's adapters: Redis as the shared level and the invalidation bus, a Jackson
 * codec, settings, metrics and health; other features create their caches through {@link
 * dev.concierge.api.cache.CacheFactory}.
 */
@NullMarked
package dev.concierge.api.cache;

import org.jspecify.annotations.NullMarked;
