package dev.concierge.personalization.recommendation;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** The item-similarity table in a map, answering at once, as a warm cache does. */
final class InMemoryNeighbours implements ItemNeighbours {

    private final Map<String, List<Neighbour>> table;
    private final @Nullable Instant computedAt;

    InMemoryNeighbours(Map<String, List<Neighbour>> table, @Nullable Instant computedAt) {
        this.table = Map.copyOf(table);
        this.computedAt = computedAt;
    }

    @Override
    public Mono<Map<String, List<Neighbour>>> neighbours(Collection<String> skus) {
        Map<String, List<Neighbour>> found = new HashMap<>();
        for (String sku : skus) {
            List<Neighbour> neighbours = table.get(sku);
            if (neighbours != null) {
                found.put(sku, neighbours);
            }
        }
        return Mono.just(found);
    }

    @Override
    public Mono<Instant> computedAt() {
        return Mono.justOrEmpty(computedAt);
    }
}
