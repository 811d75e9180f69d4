package dev.concierge.api.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code timeline} subscription as a client app uses it: over graphql-ws with the token in the
 * {@code connection_init} payload, one connection per subscription, closed when the subscription
 * ends.
 */
public final class TimelineSubscriptions {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private TimelineSubscriptions() {}

    /** One event of the subscription, as the tests read it: a purchase or a service order. */
    public record Change(
            String kind,
            @Nullable String purchaseId,
            List<String> skus,
            @Nullable String serviceOrderId,
            @Nullable String status) {

        /** Reads the {@code timeline} field of {@code timeline.graphql}'s result. */
        @SuppressWarnings("unchecked")
        public static Change of(Map<String, Object> timeline) {
            Map<String, Object> purchase = (Map<String, Object>) timeline.get("purchase");
            Map<String, Object> order = (Map<String, Object>) timeline.get("serviceOrder");
            return new Change(
                    (String) timeline.get("kind"),
                    purchase == null ? null : (String) purchase.get("id"),
                    purchase == null ? List.of() : skus(purchase),
                    order == null ? null : (String) order.get("id"),
                    order == null ? null : (String) order.get("status"));
        }

        @SuppressWarnings("unchecked")
        private static List<String> skus(Map<String, Object> purchase) {
            List<Map<String, Object>> items = (List<Map<String, Object>>) purchase.get("items");
            return items.stream()
                    .map(item -> (Map<String, Object>) item.get("product"))
                    .map(product -> (String) product.get("sku"))
                    .toList();
        }
    }

    /**
     * The customer's timeline over graphql-ws at {@code ws://localhost:port/graphql}, as the holder of
     * {@code token}, or anonymously when it is null.
     */
    public static Flux<Change> overWebSocket(int port, @Nullable String token) {
        return Flux.usingWhen(
                Mono.fromSupplier(() -> webSocketTester(port, token)),
                tester -> tester.documentName("timeline")
                        .executeSubscription()
                        .toFlux()
                        .map(response ->
                                Change.of(response.path("timeline").entity(MAP).get())),
                WebSocketGraphQlTester::stop);
    }

    /** A graphql-ws tester that authenticates with {@code token} in the {@code connection_init} payload. */
    public static WebSocketGraphQlTester webSocketTester(int port, @Nullable String token) {
        WebSocketGraphQlTester.Builder<?> builder = WebSocketGraphQlTester.builder(
                        "ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .responseTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.interceptor(new WebSocketGraphQlClientInterceptor() {
                @Override
                public Mono<Object> connectionInitPayload() {
                    return Mono.just(Map.of("Authorization", "Bearer " + token));
                }
            });
        }
        return builder.build();
    }
}
