package dev.concierge.personalization.recommendation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Port: the stored top-K neighbours of items, as the last model computation left them (the
 * item-similarity table, cached). Items without neighbours are absent from the map.
 */
public interface ItemNeighbours {

    Mono<Map<String, List<Neighbour>>> neighbours(Collection<String> skus);

    /** When the model was computed; empty when it never was. */
    Mono<Instant> computedAt();
}
