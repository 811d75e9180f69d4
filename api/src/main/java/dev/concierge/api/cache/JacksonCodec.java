package dev.concierge.api.cache;

import dev.concierge.personalization.cache.Codec;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** A cache value as JSON, with the application's mapper; a {@link JavaType} covers generic values. */
final class JacksonCodec<V> implements Codec<V> {

    private final JsonMapper json;
    private final JavaType type;

    private JacksonCodec(JsonMapper json, JavaType type) {
        this.json = json;
        this.type = type;
    }

    static <V> JacksonCodec<V> of(JsonMapper json, Class<V> type) {
        return new JacksonCodec<>(json, json.constructType(type));
    }

    /** For generic values; the caller vouches that {@code type} describes {@code V}. */
    static <V> JacksonCodec<V> of(JsonMapper json, JavaType type) {
        return new JacksonCodec<>(json, type);
    }

    @Override
    public byte[] encode(V value) {
        return json.writeValueAsBytes(value);
    }

    @Override
    public V decode(byte[] bytes) {
        return json.readValue(bytes, type);
    }
}
