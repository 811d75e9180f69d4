package dev.concierge.personalization.cache;

/**
 * Turns a cache's values into bytes for the shared level and back. Supplied per cache by the
 * application; when a value's format changes incompatibly, change {@link
 * TwoLevelCaches#KEY_FORMAT_VERSION} or the cache's name so that old entries are not read.
 */
public interface Codec<V> {

    byte[] encode(V value);

    /** May throw when the bytes are not a value of this format; the entry is then treated as a miss. */
    V decode(byte[] bytes);
}
