package dev.concierge.api.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Lookups of single keys that arrive together become one bulk load. */
class BatchedLookupTests {

    private final List<Set<String>> loads = new CopyOnWriteArrayList<>();

    private BatchedLookup<String, String> lookup(int maxBatch, Duration window) {
        return new BatchedLookup<>(
                keys -> {
                    loads.add(keys);
                    Map<String, String> found = new HashMap<>();
                    for (String key : keys) {
                        if (!key.startsWith("missing")) {
                            found.put(key, key.toUpperCase(java.util.Locale.ROOT));
                        }
                    }
                    return Mono.just(found);
                },
                "none",
                maxBatch,
                window,
                Schedulers.parallel());
    }

    @Test
    void get_ofKeysAskedForTogether_makesOneLoad_andAnswersEachKey() {
        BatchedLookup<String, String> lookup = lookup(100, Duration.ofMillis(20));

        StepVerifier.create(Flux.just("a", "b", "missing-c", "a")
                        .flatMap(key -> lookup.get(key).map(value -> key + "=" + value))
                        .collectList())
                .assertNext(
                        answers -> assertThat(answers).containsExactlyInAnyOrder("a=A", "b=B", "missing-c=none", "a=A"))
                .verifyComplete();
        assertThat(loads).containsExactly(Set.of("a", "b", "missing-c"));
    }

    @Test
    void get_ofMoreKeysThanABatch_loadsInBatches() {
        BatchedLookup<String, String> lookup = lookup(2, Duration.ofMillis(20));
        List<String> keys = new ArrayList<>(List.of("a", "b", "c", "d", "e"));

        StepVerifier.create(Flux.fromIterable(keys).flatMap(lookup::get).collectList())
                .assertNext(values -> assertThat(values).containsExactlyInAnyOrder("A", "B", "C", "D", "E"))
                .verifyComplete();
        assertThat(loads).hasSize(3).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
    }

    @Test
    void get_whenTheLoadFails_failsEveryKeyOfTheBatch() {
        BatchedLookup<String, String> lookup = new BatchedLookup<>(
                keys -> Mono.error(new IllegalStateException("database down")),
                "none",
                10,
                Duration.ofMillis(5),
                Schedulers.parallel());

        StepVerifier.create(Flux.just("a", "b").flatMap(lookup::get))
                .expectErrorMessage("database down")
                .verify(Duration.ofSeconds(5));
    }
}
