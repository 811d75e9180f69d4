package dev.concierge.api.limits;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * At most {@code maxSubscriptionsPerConnection} subscriptions open at once on one WebSocket; one
 * more gets {@code TOO_MANY_SUBSCRIPTIONS} and the others go on. A subscription stops counting when
 * it completes, fails, is cancelled by the client, or its connection closes.
 */
final class SubscriptionLimit implements WebGraphQlInterceptor {

    private final int max;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    SubscriptionLimit(int max) {
        this.max = max;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)) {
            return chain.next(request);
        }
        String connection = socket.getSessionInfo().getId();
        return chain.next(request).map(response -> {
            if (!(response.getExecutionResult().getData() instanceof Publisher<?> events)) {
                return response;
            }
            AtomicInteger count = open.computeIfAbsent(connection, id -> new AtomicInteger());
            if (count.incrementAndGet() > max) {
                release(connection, count);
                return response.transform(builder -> builder.data(null)
                        .errors(List.of(QueryLimits.error(
                                "TOO_MANY_SUBSCRIPTIONS",
                                "At most " + max + " subscriptions may be open on one connection"))));
            }
            Flux<?> counted = Flux.from(events).doFinally(signal -> release(connection, count));
            return response.transform(builder -> builder.data(counted));
        });
    }

    /** Open subscriptions on a connection, for tests and metrics. */
    int open(String connection) {
        AtomicInteger count = open.get(connection);
        return count == null ? 0 : count.get();
    }

    private void release(String connection, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            open.remove(connection, count);
        }
    }
}
