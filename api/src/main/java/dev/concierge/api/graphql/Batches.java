package dev.concierge.api.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Support for {@code @BatchMapping}s that load the children of many parents in one query. */
public final class Batches {

    private Batches() {}

    /**
     * Groups children under their parents; every parent gets a list, empty when it has no child.
     *
     * @param load loads the children of the given parent ids in one query
     */
    public static <P, C> Mono<Map<P, List<C>>> byParent(
            List<P> parents,
            Function<P, String> parentId,
            Function<Collection<String>, Flux<C>> load,
            Function<C, String> childParentId) {
        Map<String, P> byId = parents.stream().collect(Collectors.toMap(parentId, p -> p, (a, b) -> a));
        return load.apply(byId.keySet()).collectMultimap(childParentId).map(grouped -> {
            Map<P, List<C>> result = new LinkedHashMap<>();
            for (P parent : parents) {
                result.put(parent, new ArrayList<>(grouped.getOrDefault(parentId.apply(parent), List.of())));
            }
            return result;
        });
    }
}
