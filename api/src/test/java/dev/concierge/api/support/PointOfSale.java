package dev.concierge.api.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A till: the point of sale's writes over HTTP, without blocking, so that a test can make them
 * while it verifies a subscription (StepVerifier runs its tasks on whichever thread delivered the
 * last signal, often a Netty event loop, where blocking is refused). Documents come from
 * {@code graphql-test/}.
 */
public final class PointOfSale {

    private final HttpGraphQlClient client;

    /** A till talking to the application at {@code baseUrl} with a token that has role POS. */
    public PointOfSale(String baseUrl, String token) {
        this.client = HttpGraphQlClient.builder(WebClient.builder().baseUrl(baseUrl + "/graphql"))
                .header("Authorization", "Bearer " + token)
                .documentSource(new ResourceDocumentSource(
                        List.of(new ClassPathResource("graphql-test/")), ResourceDocumentSource.FILE_EXTENSIONS))
                .build();
    }

    /** Sells one {@code sku} at its catalogue price in {@code storeId}; the new purchase's id. */
    public Mono<String> recordPurchase(String customerId, String storeId, String sku) {
        Map<String, Object> input = Map.of(
                "idempotencyKey",
                "test-" + UUID.randomUUID(),
                "customerId",
                customerId,
                "storeId",
                storeId,
                "channel",
                "STORE",
                "items",
                List.of(Map.of("sku", sku, "quantity", 1)));
        return client.documentName("recordPurchase")
                .variable("input", input)
                .retrieve("recordPurchase.purchase.id")
                .toEntity(String.class);
    }

    /** Opens a repair of {@code sku} in {@code storeId}; the new order's id. */
    public Mono<String> createServiceOrder(String customerId, String storeId, String sku) {
        Map<String, Object> input = Map.of(
                "customerId", customerId,
                "kind", "REPAIR",
                "description", "Resize to 54",
                "sku", sku,
                "storeId", storeId);
        return client.documentName("createServiceOrder")
                .variable("input", input)
                .retrieve("createServiceOrder.serviceOrder.id")
                .toEntity(String.class);
    }

    /** Moves a service order to {@code status}; the status it then has. */
    public Mono<String> updateServiceOrderStatus(String serviceOrderId, String status) {
        return client.documentName("updateServiceOrderStatus")
                .variable("input", Map.of("serviceOrderId", serviceOrderId, "status", status))
                .retrieve("updateServiceOrderStatus.serviceOrder.status")
                .toEntity(String.class);
    }
}
