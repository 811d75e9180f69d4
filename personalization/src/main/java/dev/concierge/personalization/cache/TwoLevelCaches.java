package dev.concierge.personalization.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The caches of one instance that share one L2 and one invalidation bus, and with them a circuit
 * breaker, the invalidations to replay after an outage, and a view of L2's availability. Build one
 * per application with {@link #builder}, then each cache with {@link #newCache}; both builders
 * reject bad settings at once. Close it on shutdown, before the ports' connections.
 *
 * <p>Bulk reads ({@code getAll}) are deliberately missing: with per-key loaders and per-key
 * generations they would be a loop of {@link TwoLevelCache#get}, which callers can write as well;
 * doing them right needs bulk loaders and pipelined L2 reads.
 */
public final class TwoLevelCaches implements AutoCloseable {

    /**
     * Part of every shared key. Change it when the layout of shared entries changes, or when
     * values change format incompatibly and the caches keep their names.
     */
    public static final String KEY_FORMAT_VERSION = "v1";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final SharedLevel shared;
    private final Ticker ticker;
    private final Executor executor;

    private TwoLevelCaches(Builder builder) {
        this.ticker = builder.ticker;
        this.executor = builder.executor;
        this.shared = new SharedLevel(
                builder.sharedLevel,
                builder.bus,
                builder.settings,
                builder.namespace,
                UUID.randomUUID().toString(),
                builder.ticker,
                builder.scheduler);
    }

    public static Builder builder(SharedCacheLevel sharedLevel, InvalidationBus bus) {
        return new Builder(sharedLevel, bus);
    }

    /** Starts a cache named {@code name} (lowercase letters, digits and dashes; unique here). */
    public <K, V> CacheBuilder<K, V> newCache(String name) {
        return new CacheBuilder<>(this, name);
    }

    /** Whether L2 is in use: false while the circuit breaker is open or probing. */
    public boolean sharedLevelAvailable() {
        return shared.available();
    }

    /** The availability of L2: the current state first, then each change. */
    public Flux<Boolean> sharedLevelAvailability() {
        return shared.availability();
    }

    /** This instance's id on the bus: it ignores its own messages, having acted on them already. */
    public String instanceId() {
        return shared.instance();
    }

    /** Stops listening to the bus and cancels timers; the caches still answer, from L1 and L2. */
    @Override
    public void close() {
        shared.close();
    }

    /** Settings shared by all caches, with defaults for production. */
    public static final class Builder {

        private final SharedCacheLevel sharedLevel;
        private final InvalidationBus bus;
        private SharedLevelSettings settings = SharedLevelSettings.DEFAULTS;
        private String namespace = "concierge";
        private Ticker ticker = Ticker.systemTicker();
        private Scheduler scheduler = Schedulers.parallel();
        private Executor executor = ForkJoinPool.commonPool();

        private Builder(SharedCacheLevel sharedLevel, InvalidationBus bus) {
            this.sharedLevel = Objects.requireNonNull(sharedLevel, "sharedLevel");
            this.bus = Objects.requireNonNull(bus, "bus");
        }

        public Builder settings(SharedLevelSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The first part of every shared key; {@code concierge} unless told otherwise. */
        public Builder namespace(String namespace) {
            if (!Pattern.matches("[A-Za-z0-9][A-Za-z0-9._-]*", namespace)) {
                throw new IllegalArgumentException("A namespace is letters, digits, '.', '_' and '-': " + namespace);
            }
            this.namespace = namespace;
            return this;
        }

        /** The clock of L1 expiry and of the circuit breaker; tests pass a controllable one. */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Where deadlines, probes and replays are scheduled. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Where Caffeine does its maintenance and refreshes. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public TwoLevelCaches build() {
            return new TwoLevelCaches(this);
        }
    }

    /** One cache's definition; {@link #build()} checks that it is complete and consistent. */
    public static final class CacheBuilder<K, V> {

        private final TwoLevelCaches caches;
        private final String name;
        private @Nullable Consistency consistency;
        private @Nullable Function<K, String> keys;
        private @Nullable Function<K, String> generationKeys;
        private @Nullable Codec<V> codec;
        private @Nullable CacheSettings settings;
        private @Nullable Function<K, Mono<V>> loader;

        private CacheBuilder(TwoLevelCaches caches, String name) {
            if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
                throw new IllegalArgumentException(
                        "A cache name is up to 64 lowercase letters, digits and dashes: '" + name + "'");
            }
            this.caches = caches;
            this.name = name;
        }

        public CacheBuilder<K, V> consistency(Consistency consistency) {
            this.consistency = Objects.requireNonNull(consistency, "consistency");
            return this;
        }

        /**
         * The key's string form in shared keys and bus messages: distinct keys must give distinct
         * strings.
         */
        public CacheBuilder<K, V> keys(Function<K, String> keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * For {@link Consistency#READ_YOUR_WRITES} only: the generation a key's values follow, e.g.
         * {@code customer:<id>}; caches that give the same generation key are invalidated together.
         */
        public CacheBuilder<K, V> generationKey(Function<K, String> generationKeys) {
            this.generationKeys = Objects.requireNonNull(generationKeys, "generationKeys");
            return this;
        }

        public CacheBuilder<K, V> codec(Codec<V> codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        public CacheBuilder<K, V> settings(CacheSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Loads a value from the source; an empty result means there is none, and nothing is cached. */
        public CacheBuilder<K, V> loader(Function<K, Mono<V>> loader) {
            this.loader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        public TwoLevelCache<K, V> build() {
            Consistency mode = required(consistency, "consistency");
            Function<K, String> keyFunction = required(keys, "keys");
            Codec<V> valueCodec = required(codec, "codec");
            CacheSettings cacheSettings = required(settings, "settings");
            Function<K, Mono<V>> valueLoader = required(loader, "loader");
            CacheEngine<K, V> cache = switch (mode) {
                case EVENTUAL -> {
                    if (generationKeys != null) {
                        throw new IllegalStateException(
                                "Cache " + name + " is EVENTUAL: a generation key has no meaning there");
                    }
                    yield new EventualCache<>(
                            name,
                            cacheSettings,
                            keyFunction,
                            valueCodec,
                            valueLoader,
                            caches.shared,
                            caches.ticker,
                            caches.executor);
                }
                case READ_YOUR_WRITES ->
                    new ReadYourWritesCache<>(
                            name,
                            cacheSettings,
                            keyFunction,
                            required(generationKeys, "generationKey"),
                            valueCodec,
                            valueLoader,
                            caches.shared,
                            caches.ticker,
                            caches.executor);
            };
            caches.shared.register(cache);
            return cache;
        }

        private <T> T required(@Nullable T value, String what) {
            if (value == null) {
                throw new IllegalStateException("Cache " + name + " needs " + what);
            }
            return value;
        }
    }
}
