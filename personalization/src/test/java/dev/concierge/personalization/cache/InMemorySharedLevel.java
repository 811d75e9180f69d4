package dev.concierge.personalization.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** The shared level as a map with expiry on a controllable clock; it can fail or hang, and counts calls. */
final class InMemorySharedLevel implements SharedCacheLevel {

    enum Mode {
        UP,
        FAILING,
        HANGING
    }

    private record Stored(byte[] value, long expiresAt) {}

    private final LongSupplier nanos;
    private final Map<String, Stored> data = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Mode mode = Mode.UP;

    InMemorySharedLevel(LongSupplier nanos) {
        this.nanos = nanos;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** Calls made so far, answered or not. */
    int calls() {
        return calls.get();
    }

    Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        data.keySet().forEach(key -> {
            if (live(key) != null) {
                keys.add(key);
            }
        });
        return keys;
    }

    @Nullable
    Long counterValue(String key) {
        byte[] value = live(key);
        return value == null ? null : Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    }

    @Override
    public Mono<byte[]> get(String key) {
        return call(() -> live(key));
    }

    @Override
    public Mono<Void> put(String key, byte[] value, Duration ttl) {
        return call(() -> {
                    data.put(key, new Stored(value.clone(), nanos.getAsLong() + ttl.toNanos()));
                    return Boolean.TRUE;
                })
                .then();
    }

    @Override
    public Mono<Void> delete(String key) {
        return call(() -> {
                    data.remove(key);
                    return Boolean.TRUE;
                })
                .then();
    }

    @Override
    public Mono<Long> counter(String key) {
        return call(() -> counterValue(key));
    }

    @Override
    public Mono<Long> initCounter(String key, long initial, @Nullable Duration keepFor) {
        return call(() -> {
            synchronized (this) {
                if (live(key) == null) {
                    data.put(key, new Stored(ascii(initial), expiry(keepFor, Long.MAX_VALUE)));
                }
                return counterValue(key);
            }
        });
    }

    @Override
    public Mono<Long> advanceCounter(String key, long step, @Nullable Duration keepFor) {
        return call(() -> {
            synchronized (this) {
                Long current = counterValue(key);
                long next = (current == null ? 0 : current) + step;
                long keptUntil =
                        current == null ? Long.MAX_VALUE : data.get(key).expiresAt();
                data.put(key, new Stored(ascii(next), expiry(keepFor, keptUntil)));
                return next;
            }
        });
    }

    private <T> Mono<T> call(Supplier<@Nullable T> action) {
        calls.incrementAndGet();
        return switch (mode) {
            case UP -> Mono.fromSupplier(action);
            case FAILING -> Mono.error(new IllegalStateException("Connection refused"));
            case HANGING -> Mono.never();
        };
    }

    private byte @Nullable [] live(String key) {
        Stored stored = data.get(key);
        if (stored == null) {
            return null;
        }
        if (stored.expiresAt() - nanos.getAsLong() <= 0) {
            data.remove(key, stored);
            return null;
        }
        return stored.value();
    }

    private long expiry(@Nullable Duration keepFor, long otherwise) {
        return keepFor == null ? otherwise : nanos.getAsLong() + keepFor.toNanos();
    }

    private static byte[] ascii(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }
}
