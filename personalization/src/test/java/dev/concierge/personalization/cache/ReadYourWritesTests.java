package dev.concierge.personalization.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Two instances, one shared level: once invalidate() returns on A, B serves the write. */
class ReadYourWritesTests {

    private final TestCluster cluster = new TestCluster();
    private final TwoLevelCaches instanceA = cluster.instance();
    private final TwoLevelCaches instanceB = cluster.instance();

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void invalidate_onA_isReadOnB_assoonAsItReturns_evenWithoutTheBus() {
        TwoLevelCache<String, String> a = cluster.cache(instanceA, "snapshots", Consistency.READ_YOUR_WRITES);
        TwoLevelCache<String, String> b = cluster.cache(instanceB, "snapshots", Consistency.READ_YOUR_WRITES);
        cluster.source.put("42", "no purchases");
        a.get("42").block();
        b.get("42").block();
        cluster.bus.mode(InMemoryBus.Mode.DROP);

        cluster.source.put("42", "one purchase"); // the writer's commit
        a.invalidate("42").block();

        assertThat(b.get("42").block()).isEqualTo("one purchase");
        assertThat(a.get("42").block()).isEqualTo("one purchase");
        // B loaded it; A found B's value in L2.
        assertThat(cluster.loads("42")).isEqualTo(2);
        assertThat(a.stats().l2Hits()).isEqualTo(1);
    }

    @Test
    void invalidate_advancesTheGeneration_sharedByCachesWithTheSameGenerationKey() {
        TwoLevelCache<String, String> snapshotsA = cluster.cache(instanceA, "snapshots", Consistency.READ_YOUR_WRITES);
        TwoLevelCache<String, String> recommendationsB = cluster.builder(
                        instanceB, "recommendations", Consistency.READ_YOUR_WRITES)
                .loader(key -> cluster.load(key).map(value -> "recommended for " + value))
                .build();
        cluster.source.put("42", "no purchases");
        assertThat(recommendationsB.get("42").block()).isEqualTo("recommended for no purchases");
        Long before = generation("42");

        cluster.source.put("42", "one purchase");
        snapshotsA.invalidate("42").block();

        assertThat(generation("42")).isNotEqualTo(before);
        assertThat(recommendationsB.get("42").block()).isEqualTo("recommended for one purchase");
    }

    @Test
    void aLoadThatStartedBeforeTheWrite_isNotServedAfterInvalidate() {
        Sinks.Empty<Void> slowLoad = Sinks.empty();
        AtomicInteger loads = new AtomicInteger();
        TwoLevelCache<String, String> a = cluster.cache(instanceA, "snapshots", Consistency.READ_YOUR_WRITES);
        TwoLevelCache<String, String> b = cluster.builder(instanceB, "snapshots", Consistency.READ_YOUR_WRITES)
                .loader(key -> Mono.fromCallable(() -> cluster.source.get(key)) // reads the row now...
                        .delayUntil(row -> loads.incrementAndGet() == 1 ? slowLoad.asMono() : Mono.empty()))
                .build(); // ...and answers later
        cluster.source.put("42", "no purchases");

        CompletableFuture<String> slowRead = b.get("42").toFuture();
        cluster.source.put("42", "one purchase");
        a.invalidate("42").block();
        CompletableFuture<String> readAfterWrite = b.get("42").toFuture();
        slowLoad.tryEmitEmpty(); // the slow reader now writes its old row to L1 and L2

        assertThat(slowRead.join()).isEqualTo("no purchases");
        assertThat(readAfterWrite.join()).isEqualTo("one purchase");
        assertThat(b.get("42").block()).isEqualTo("one purchase");
        assertThat(a.get("42").block()).isEqualTo("one purchase");
    }

    @Test
    void invalidate_freesTheOtherInstancesL1ThroughTheBus() {
        TwoLevelCache<String, String> a = cluster.cache(instanceA, "snapshots", Consistency.READ_YOUR_WRITES);
        TwoLevelCache<String, String> b = cluster.cache(instanceB, "snapshots", Consistency.READ_YOUR_WRITES);
        cluster.source.put("42", "no purchases");
        b.get("42").block();
        assertThat(b.stats().l1Size()).isEqualTo(1);

        a.invalidate("42").block();

        assertThat(b.stats().l1Size()).isZero();
        assertThat(cluster.shared.keys()).noneMatch(key -> key.matches("concierge:v1:\\d+:snapshots:42"));
        assertThat(cluster.bus.published())
                .containsExactly(new Invalidation(instanceA.instanceId(), "snapshots", "42"));
    }

    @Test
    void get_readsTheGenerationOnEveryRead_oneRoundTripWithTheEpoch() {
        TwoLevelCache<String, String> a = cluster.cache(instanceA, "snapshots", Consistency.READ_YOUR_WRITES);
        cluster.source.put("42", "no purchases");
        a.get("42").block();
        int before = cluster.shared.calls();

        a.get("42").block();

        assertThat(cluster.shared.calls() - before)
                .as("epoch and generation, pipelined")
                .isEqualTo(2);
        assertThat(a.stats().l1Hits()).isEqualTo(1);
    }

    private Long generation(String customer) {
        return cluster.shared.keys().stream()
                .filter(key -> key.matches("concierge:v1:gen:\\d+:customer:" + customer))
                .map(cluster.shared::counterValue)
                .findFirst()
                .orElseThrow();
    }
}
