package dev.concierge.personalization.cache;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/** Bad settings fail when the cache is defined, not when it is first used. */
class SettingsTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final TestCluster cluster = new TestCluster();

    @AfterEach
    void close() {
        cluster.close();
    }

    static Stream<Arguments> badCacheSettings() {
        return Stream.of(
                bad("no entries", () -> new CacheSettings(0, MINUTE, Duration.ZERO, MINUTE), "l1MaxSize"),
                bad("zero L1 TTL", () -> new CacheSettings(10, Duration.ZERO, Duration.ZERO, MINUTE), "l1Ttl"),
                bad("negative L2 TTL", () -> new CacheSettings(10, MINUTE, Duration.ZERO, MINUTE.negated()), "l2Ttl"),
                bad(
                        "sub-millisecond L2 TTL",
                        () -> new CacheSettings(10, MINUTE, Duration.ZERO, Duration.ofNanos(5)),
                        "l2Ttl"),
                bad("refresh after expiry", () -> new CacheSettings(10, MINUTE, MINUTE, MINUTE), "refreshAfter"),
                bad("negative refresh", () -> new CacheSettings(10, MINUTE, MINUTE.negated(), MINUTE), "refreshAfter"),
                bad(
                        "no failures before opening",
                        () -> new SharedLevelSettings(MINUTE, 0, MINUTE, 10, Duration.ofDays(1)),
                        "failureThreshold"),
                bad(
                        "zero timeout",
                        () -> new SharedLevelSettings(Duration.ZERO, 3, MINUTE, 10, Duration.ofDays(1)),
                        "timeout"),
                bad(
                        "nothing remembered",
                        () -> new SharedLevelSettings(MINUTE, 3, MINUTE, 0, Duration.ofDays(1)),
                        "maxPendingInvalidations"),
                bad(
                        "generations that expire at once",
                        () -> new SharedLevelSettings(MINUTE, 3, MINUTE, 10, Duration.ZERO),
                        "generationTtl"));
    }

    @ParameterizedTest
    @MethodSource
    void badCacheSettings(Runnable settings, String named) {
        assertThatThrownBy(settings::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named);
    }

    static Stream<Arguments> incompleteCaches() {
        return Stream.of(
                incomplete("without a loader", builder -> builder.loader(null), "loader"),
                incomplete(
                        "read-your-writes without a generation key",
                        builder -> builder.generationKey(null),
                        "generationKey"),
                incomplete(
                        "eventual with a generation key",
                        builder -> builder.consistency(Consistency.EVENTUAL),
                        "generation key has no meaning"));
    }

    @ParameterizedTest
    @MethodSource
    void incompleteCaches(Function<Definition, Definition> change, String message) {
        Definition definition = change.apply(new Definition());
        assertThatThrownBy(() -> definition.build(cluster.instance()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(message);
    }

    @Test
    void newCache_rejectsNamesThatDoNotFitAKey() {
        TwoLevelCaches caches = cluster.instance();
        for (String name : new String[] {"", "Snapshots", "snap shots", "a:b", "x".repeat(65)}) {
            assertThatThrownBy(() -> caches.newCache(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void newCache_rejectsATakenName() {
        TwoLevelCaches caches = cluster.instance();
        assertThatCode(() -> new Definition().build(caches)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Definition().build(caches))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already exists");
    }

    /** A read-your-writes cache definition whose parts a case removes or changes. */
    static final class Definition {
        Consistency consistency = Consistency.READ_YOUR_WRITES;
        Function<String, Mono<String>> loader = Mono::just;
        Function<String, String> generationKey = key -> key;

        Definition loader(Function<String, Mono<String>> loader) {
            this.loader = loader;
            return this;
        }

        Definition generationKey(Function<String, String> generationKey) {
            this.generationKey = generationKey;
            return this;
        }

        Definition consistency(Consistency consistency) {
            this.consistency = consistency;
            return this;
        }

        TwoLevelCache<String, String> build(TwoLevelCaches caches) {
            TwoLevelCaches.CacheBuilder<String, String> builder = caches.<String, String>newCache("snapshots")
                    .consistency(consistency)
                    .keys(Function.identity())
                    .codec(TestCluster.STRINGS)
                    .settings(TestCluster.SETTINGS);
            if (loader != null) {
                builder.loader(loader);
            }
            if (generationKey != null) {
                builder.generationKey(generationKey);
            }
            return builder.build();
        }
    }

    private static Arguments bad(String name, Runnable settings, String named) {
        return Arguments.of(Named.of(name, settings), named);
    }

    private static Arguments incomplete(String name, Function<Definition, Definition> change, String message) {
        return Arguments.of(Named.of(name, change), message);
    }
}
