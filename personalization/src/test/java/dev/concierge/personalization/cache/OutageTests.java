package dev.concierge.personalization.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The shared level fails or hangs: callers never see it, the breaker stops the calls, and what
 * could not be invalidated is replayed when the level is back.
 */
class OutageTests {

    private static final SharedLevelSettings SETTINGS = SharedLevelSettings.DEFAULTS;

    private final TestCluster cluster = new TestCluster();
    private final TwoLevelCaches instanceA = cluster.instance(SETTINGS);
    private final TwoLevelCaches instanceB = cluster.instance(SETTINGS);

    @AfterEach
    void close() {
        cluster.close();
    }

    @ParameterizedTest
    @EnumSource(Consistency.class)
    void get_whileTheSharedLevelFails_servesTheSource_andTheBreakerOpensAfterThreeFailures(Consistency consistency) {
        TwoLevelCache<String, String> cache = cluster.cache(instanceA, "profiles", consistency);
        cluster.shared.mode(InMemorySharedLevel.Mode.FAILING);
        IntStream.range(0, 10).forEach(i -> cluster.source.put("k" + i, "v" + i));

        for (int i = 0; i < 3; i++) {
            assertThat(cache.get("k" + i).block()).isEqualTo("v" + i);
        }
        assertThat(instanceA.sharedLevelAvailable()).isFalse();
        int callsWhenOpened = cluster.shared.calls();

        for (int i = 3; i < 10; i++) {
            assertThat(cache.get("k" + i).block()).isEqualTo("v" + i);
        }
        assertThat(cluster.shared.calls()).as("no calls while open").isEqualTo(callsWhenOpened);
        assertThat(cache.stats().l2Errors()).isEqualTo(3);
    }

    @Test
    void get_whileTheSharedLevelHangs_givesUpAfterTheTimeout() {
        TwoLevelCache<String, String> cache = cluster.cache(instanceA, "profiles", Consistency.READ_YOUR_WRITES);
        cluster.source.put("42", "Ada");
        cluster.shared.mode(InMemorySharedLevel.Mode.HANGING);

        CompletableFuture<String> read = cache.get("42").toFuture();
        cluster.advance(SETTINGS.timeout().minusMillis(1));
        assertThat(read).isNotDone();
        cluster.advance(Duration.ofMillis(1));

        assertThat(read).isCompletedWithValue("Ada");
        assertThat(cache.stats().l2Errors()).isEqualTo(1);
    }

    @Test
    void eventual_whileTheSharedLevelIsDown_keepsServingL1() {
        TwoLevelCache<String, String> cache = cluster.cache(instanceA, "content", Consistency.EVENTUAL);
        cluster.source.put("home", "v1");
        cache.get("home").block();
        cluster.shared.mode(InMemorySharedLevel.Mode.FAILING);
        cluster.source.put("home", "v2");

        assertThat(cache.get("home").block()).isEqualTo("v1");
        assertThat(cluster.loads("home")).isEqualTo(1);
    }

    @Test
    void readYourWrites_whileTheSharedLevelIsDown_neverServesL1_butSharesConcurrentLoads() {
        Sinks.Empty<Void> gate = Sinks.empty();
        AtomicInteger loads = new AtomicInteger();
        TwoLevelCache<String, String> cache = cluster.builder(instanceA, "snapshots", Consistency.READ_YOUR_WRITES)
                .loader(key -> Mono.fromCallable(() -> cluster.source.get(key))
                        .delayUntil(row -> loads.incrementAndGet() == 5 ? gate.asMono() : Mono.empty()))
                .build();
        cluster.source.put("42", "no purchases");
        cache.get("42").block();
        cluster.shared.mode(InMemorySharedLevel.Mode.FAILING);
        cluster.source.put("42", "one purchase");

        for (int failure = 1; failure <= SETTINGS.failureThreshold(); failure++) {
            assertThat(cache.get("42").block()).isEqualTo("one purchase");
        }
        assertThat(loads).as("each from the source").hasValue(4);
        assertThat(instanceA.sharedLevelAvailable()).isFalse();

        List<CompletableFuture<String>> concurrent = IntStream.range(0, 100)
                .mapToObj(i -> cache.get("42").toFuture())
                .toList();
        gate.tryEmitEmpty();
        assertThat(concurrent).allSatisfy(read -> assertThat(read).isCompletedWithValue("one purchase"));
        assertThat(loads).as("one load for the hundred").hasValue(5);
        assertThat(cache.get("42").block()).isEqualTo("one purchase");
        assertThat(loads).as("and never kept").hasValue(6);
    }

    @Test
    void theBreaker_probesOncePerOpenDuration_andClosesWhenTheLevelAnswers() {
        TwoLevelCache<String, String> cache = cluster.cache(instanceA, "profiles", Consistency.EVENTUAL);
        List<Boolean> availability = new CopyOnWriteArrayList<>();
        instanceA.sharedLevelAvailability().subscribe(availability::add);
        cache.get("warm-up").block();
        cluster.shared.mode(InMemorySharedLevel.Mode.FAILING);
        IntStream.range(0, 3).forEach(i -> cache.get("k" + i).block());
        int calls = cluster.shared.calls();

        cluster.advance(SETTINGS.openDuration());
        assertThat(cluster.shared.calls()).as("one probe").isEqualTo(calls + 1);
        assertThat(instanceA.sharedLevelAvailable()).isFalse();
        cluster.advance(SETTINGS.openDuration().dividedBy(2));
        assertThat(cluster.shared.calls()).isEqualTo(calls + 1);

        cluster.shared.mode(InMemorySharedLevel.Mode.UP);
        cluster.advance(SETTINGS.openDuration());
        assertThat(cluster.shared.calls()).isEqualTo(calls + 2);
        assertThat(instanceA.sharedLevelAvailable()).isTrue();
        assertThat(availability).containsExactly(true, false, true);

        cluster.source.put("k9", "v9");
        assertThat(cache.get("k9").block()).isEqualTo("v9");
        assertThat(cluster.shared.calls()).as("L2 in use again").isGreaterThan(calls + 2);
    }

    @Test
    void invalidationsDuringAnOutage_areReplayed_soOldSharedEntriesDoNotComeBack() {
        TwoLevelCache<String, String> a = cluster.cache(instanceA, "snapshots", Consistency.READ_YOUR_WRITES);
        TwoLevelCache<String, String> b = cluster.cache(instanceB, "snapshots", Consistency.READ_YOUR_WRITES);
        TwoLevelCache<String, String> contentA = cluster.cache(instanceA, "content", Consistency.EVENTUAL);
        TwoLevelCache<String, String> contentB = cluster.cache(instanceB, "content", Consistency.EVENTUAL);
        cluster.source.put("42", "no purchases");
        cluster.source.put("home", "v1");
        a.get("42").block();
        contentA.get("home").block();

        cluster.shared.mode(InMemorySharedLevel.Mode.FAILING);
        cluster.bus.mode(InMemoryBus.Mode.FAIL);
        cluster.source.put("42", "one purchase");
        cluster.source.put("home", "v2");
        a.invalidate("42").block(); // completes: nothing fails for the caller
        contentA.invalidate("home").block();
        // The writer's own instance does not trust L2 for those keys until the replay.
        assertThat(a.get("42").block()).isEqualTo("one purchase");

        cluster.shared.mode(InMemorySharedLevel.Mode.UP);
        cluster.bus.mode(InMemoryBus.Mode.DELIVER);
        cluster.advance(SETTINGS.openDuration());

        assertThat(instanceA.sharedLevelAvailable()).isTrue();
        assertThat(b.get("42").block()).isEqualTo("one purchase");
        assertThat(contentB.get("home").block()).isEqualTo("v2");
        assertThat(cluster.bus.published())
                .contains(
                        new Invalidation(instanceA.instanceId(), "snapshots", "42"),
                        new Invalidation(instanceA.instanceId(), "content", "home"));
    }

    @Test
    void aFailedInvalidation_withTheBreakerClosed_isReplayedAfterTheOpenDuration() {
        TwoLevelCache<String, String> a = cluster.cache(instanceA, "snapshots", Consistency.READ_YOUR_WRITES);
        TwoLevelCache<String, String> b = cluster.cache(instanceB, "snapshots", Consistency.READ_YOUR_WRITES);
        cluster.source.put("42", "no purchases");
        b.get("42").block();

        cluster.shared.mode(InMemorySharedLevel.Mode.FAILING);
        cluster.source.put("42", "one purchase");
        a.invalidate("42").block();
        cluster.shared.mode(InMemorySharedLevel.Mode.UP);
        assertThat(instanceA.sharedLevelAvailable())
                .as("one failure does not open")
                .isTrue();

        cluster.advance(SETTINGS.openDuration());

        assertThat(b.get("42").block()).isEqualTo("one purchase");
    }

    @Test
    void moreLostInvalidationsThanItRemembers_moveEveryInstanceToANewEpoch() {
        SharedLevelSettings small = new SharedLevelSettings(
                SETTINGS.timeout(), SETTINGS.failureThreshold(), SETTINGS.openDuration(), 2, SETTINGS.generationTtl());
        TwoLevelCaches writer = cluster.instance(small);
        TwoLevelCache<String, String> content = cluster.cache(writer, "content", Consistency.EVENTUAL);
        TwoLevelCache<String, String> contentB = cluster.cache(instanceB, "content", Consistency.EVENTUAL);
        TwoLevelCache<String, String> snapshotsB = cluster.cache(instanceB, "snapshots", Consistency.READ_YOUR_WRITES);
        List<String> keys = List.of("p1", "p2", "p3");
        keys.forEach(key -> {
            cluster.source.put(key, "old " + key);
            contentB.get(key).block();
            snapshotsB.get(key).block();
        });
        Long epoch = cluster.shared.counterValue("concierge:v1:epoch");

        cluster.shared.mode(InMemorySharedLevel.Mode.FAILING);
        cluster.bus.mode(InMemoryBus.Mode.FAIL);
        keys.forEach(key -> {
            cluster.source.put(key, "new " + key);
            content.invalidate(key).block();
        });
        assertThat(content.get("p1").block())
                .as("everything bypasses L2 on the writer")
                .isEqualTo("new p1");

        cluster.shared.mode(InMemorySharedLevel.Mode.UP);
        cluster.bus.mode(InMemoryBus.Mode.DELIVER);
        cluster.advance(small.openDuration());

        assertThat(cluster.shared.counterValue("concierge:v1:epoch")).isNotEqualTo(epoch);
        assertThat(cluster.bus.published()).contains(Invalidation.everything(writer.instanceId()));
        keys.forEach(key -> {
            assertThat(contentB.get(key).block()).isEqualTo("new " + key);
            assertThat(snapshotsB.get(key).block()).isEqualTo("new " + key);
            assertThat(content.get(key).block()).isEqualTo("new " + key);
        });
    }

    @Test
    void anInstanceThatMissedTheEpochMessage_learnsTheEpochOnItsNextRead() {
        SharedLevelSettings small = new SharedLevelSettings(
                SETTINGS.timeout(), SETTINGS.failureThreshold(), SETTINGS.openDuration(), 1, SETTINGS.generationTtl());
        TwoLevelCaches writer = cluster.instance(small);
        TwoLevelCache<String, String> snapshots = cluster.cache(writer, "snapshots", Consistency.READ_YOUR_WRITES);
        TwoLevelCache<String, String> snapshotsB = cluster.cache(instanceB, "snapshots", Consistency.READ_YOUR_WRITES);
        cluster.source.put("p1", "old");
        cluster.source.put("p2", "old");
        snapshotsB.get("p1").block();
        snapshotsB.get("p2").block();

        cluster.shared.mode(InMemorySharedLevel.Mode.FAILING);
        cluster.bus.mode(InMemoryBus.Mode.DROP);
        cluster.source.put("p1", "new");
        cluster.source.put("p2", "new");
        snapshots.invalidate("p1").block();
        snapshots.invalidate("p2").block();
        cluster.shared.mode(InMemorySharedLevel.Mode.UP);
        cluster.advance(small.openDuration());

        assertThat(snapshotsB.get("p1").block()).isEqualTo("new");
        assertThat(snapshotsB.get("p2").block()).isEqualTo("new");
    }
}
