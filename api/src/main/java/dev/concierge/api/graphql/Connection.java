package dev.concierge.api.graphql;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A Relay connection (the class name must end in "Connection" for spring-graphql to pass it through): a page: edges with cursors and page info. Built from one query that asked for
 * {@code size + 1} rows, the extra row only telling whether more follow.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(
            boolean hasNextPage,
            boolean hasPreviousPage,
            @Nullable String startCursor,
            @Nullable String endCursor) {}

    public static <T> Connection<T> of(
            List<T> rows, int size, boolean hasPrevious, Function<T, Instant> at, Function<T, String> id) {
        List<T> page = rows.size() > size ? rows.subList(0, size) : rows;
        List<Edge<T>> edges = page.stream()
                .map(row -> new Edge<>(Cursors.encode(at.apply(row), id.apply(row)), row))
                .toList();
        return new Connection<>(
                edges,
                new PageInfo(
                        rows.size() > size,
                        hasPrevious,
                        edges.isEmpty() ? null : edges.get(0).cursor(),
                        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }
}
