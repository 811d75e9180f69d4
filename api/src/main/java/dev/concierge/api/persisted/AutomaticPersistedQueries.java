package dev.concierge.api.persisted;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.concierge.personalization.cache.SharedCacheLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;

/**
 * The APQ store: documents by their hash, in a bounded Caffeine cache per instance in front of
 * Redis, which every instance shares (so a hash registered through one pod runs on all of them).
 *
 * <p>Not a {@code TwoLevelCache}: that is a read-through cache over a loader, while this store is
 * written by clients; and since a hash names exactly one document, entries never change and need
 * no invalidation bus. It uses the two-level cache's Redis adapter and honours its circuit breaker
 * (no Redis call while the shared level is known to be down) and its per-call deadline. Redis
 * trouble never fails a request: a lookup that cannot reach Redis is a miss (the client then sends
 * the full query), a registration that cannot is kept in this instance only.
 *
 * <p>Bounds: at most {@code l1MaxSize} documents of at most {@code maxDocumentLength} characters
 * per instance (2,000 of 20,000 by default: 80 MB in the worst case, a few MB for real documents),
 * and each document lives {@code l2Ttl} in Redis after it was last registered.
 */
final class AutomaticPersistedQueries {

    /** Redis keys: {@code concierge:apq:v1:<sha256>}. */
    static final String KEY_PREFIX = "concierge:apq:v1:";

    private final Cache<String, String> local;
    private final SharedCacheLevel shared;
    private final BooleanSupplier sharedAvailable;
    private final Duration timeout;
    private final PersistedQueryProperties.Cache bounds;

    AutomaticPersistedQueries(
            PersistedQueryProperties.Cache bounds,
            SharedCacheLevel shared,
            BooleanSupplier sharedAvailable,
            Duration timeout,
            Executor executor) {
        this.bounds = bounds;
        this.shared = shared;
        this.sharedAvailable = sharedAvailable;
        this.timeout = timeout;
        this.local = Caffeine.newBuilder()
                .maximumSize(bounds.l1MaxSize())
                .expireAfterWrite(bounds.l2Ttl())
                .executor(executor)
                .recordStats()
                .build();
    }

    /** The document registered under the hash, from this instance or Redis; empty when unknown. */
    Mono<String> find(String hash) {
        String known = local.getIfPresent(hash);
        if (known != null) {
            return Mono.just(known);
        }
        if (!sharedAvailable.getAsBoolean()) {
            return Mono.empty();
        }
        return Mono.defer(() -> shared.get(KEY_PREFIX + hash))
                .timeout(timeout)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                // A document whose hash does not match was not written by us: ignore it.
                .filter(document -> DocumentHash.of(document).equals(hash))
                .doOnNext(document -> local.put(hash, document))
                .onErrorResume(e -> Mono.empty());
    }

    /**
     * Stores the document under its hash, which the caller has checked; documents longer than
     * {@code maxDocumentLength} are not stored. Completes once Redis has it or could not be reached.
     */
    Mono<Void> register(String hash, String document) {
        if (document.length() > bounds.maxDocumentLength()) {
            return Mono.empty();
        }
        local.put(hash, document);
        if (!sharedAvailable.getAsBoolean()) {
            return Mono.empty();
        }
        return Mono.defer(
                        () -> shared.put(KEY_PREFIX + hash, document.getBytes(StandardCharsets.UTF_8), bounds.l2Ttl()))
                .timeout(timeout)
                .onErrorResume(e -> Mono.empty());
    }

    /** Documents held by this instance (after pending evictions), for tests and metrics. */
    long localSize() {
        local.cleanUp();
        return local.estimatedSize();
    }

    /** Forgets this instance's copies, as a restart would; Redis keeps its own. */
    void clearLocal() {
        local.invalidateAll();
    }
}
