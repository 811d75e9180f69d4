package dev.concierge.api.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.security.Role;
import dev.concierge.api.support.Actions;
import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.PointOfSale;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.api.support.TimelineSubscriptions;
import dev.concierge.api.support.TimelineSubscriptions.Change;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

@ConciergeTest
class TimelineSubscriptionTests {

    /** The longest any one test may take, from subscribing to its last expectation. */
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(15);

    /** The longest wait for each event: a missing one then fails the step that expected it, by name. */
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(5);

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    private PointOfSale till;
    private String store;
    private String sku;
    private String otherSku;

    @BeforeEach
    void till() {
        till = new PointOfSale(testers.baseUrl(), testers.token("pos-terminal-1", Role.POS));
        store = data.storeIds().get(0);
        List<String> skus = data.skus(2);
        sku = skus.get(0);
        otherSku = skus.get(1);
    }

    @Test
    void timeline_overWebSocket_deliversPurchaseThenServiceOrderChanges() {
        String customer = data.newCustomer();
        List<String> purchases = new CopyOnWriteArrayList<>();
        AtomicReference<String> order = new AtomicReference<>();
        AtomicReference<String> delivered = new AtomicReference<>();
        AtomicReference<String> received = new AtomicReference<>();
        Actions actions = new Actions();

        StepVerifier.create(actions.untilFirst(
                        overWebSocket(customer),
                        () -> till.recordPurchase(customer, store, sku).doOnNext(purchases::add)))
                .assertNext(change -> {
                    assertThat(change.kind()).isEqualTo("PURCHASE_RECORDED");
                    assertThat(change.skus()).containsExactly(sku);
                    assertThat(change.serviceOrderId()).isNull();
                    delivered.set(change.purchaseId());
                })
                .as("the purchase")
                .then(() -> actions.run(till.createServiceOrder(customer, store, sku)
                        .doOnNext(order::set)
                        .flatMap(id -> till.updateServiceOrderStatus(id, "IN_PROGRESS"))))
                .assertNext(change -> {
                    assertThat(change.kind()).isEqualTo("SERVICE_ORDER_CHANGED");
                    assertThat(change.status()).isEqualTo("RECEIVED");
                    assertThat(change.purchaseId()).isNull();
                    received.set(change.serviceOrderId());
                })
                .as("the new service order")
                .assertNext(change -> {
                    assertThat(change.kind()).isEqualTo("SERVICE_ORDER_CHANGED");
                    assertThat(change.serviceOrderId()).isEqualTo(order.get());
                    assertThat(change.status()).isEqualTo("IN_PROGRESS");
                })
                .as("the service order's status change")
                .then(actions::finish)
                .expectComplete()
                .verify(TEST_TIMEOUT);

        assertThat(purchases).contains(delivered.get());
        assertThat(received.get()).isEqualTo(order.get());
    }

    @Test
    void timeline_otherCustomersPurchase_isNotDelivered() {
        String buyer = data.newCustomer();
        String bystander = data.newCustomer();
        AtomicReference<String> bought = new AtomicReference<>();
        Actions actions = new Actions();

        StepVerifier.create(
                        actions.untilFirst(overWebSocket(bystander), () -> till.recordPurchase(bystander, store, sku)))
                .assertNext(change -> assertThat(change.skus()).containsExactly(sku))
                .then(() ->
                        actions.run(till.recordPurchase(buyer, store, otherSku).doOnNext(bought::set)))
                .expectNoEvent(Duration.ofSeconds(1))
                // Still live, and what comes next is the bystander's own purchase, not the buyer's late.
                .then(() -> actions.run(till.recordPurchase(bystander, store, sku)))
                .assertNext(change -> assertThat(change.skus()).containsExactly(sku))
                .then(actions::finish)
                .expectComplete()
                .verify(TEST_TIMEOUT);

        assertThat(bought.get()).as("the buyer's purchase was recorded").isNotNull();
    }

    static Stream<Arguments> callersWithoutCustomerRole() {
        return Stream.of(
                Arguments.of(Named.of("anonymous", null), "UNAUTHENTICATED"),
                Arguments.of(Named.of("point of sale", Role.POS), "FORBIDDEN"));
    }

    @ParameterizedTest
    @MethodSource("callersWithoutCustomerRole")
    void timeline_withoutCustomerRole_endsWithError(@Nullable Role role, String code) {
        String token = role == null ? null : testers.token("pos-terminal-1", role);

        StepVerifier.create(TimelineSubscriptions.overWebSocket(testers.port(), token))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(
                                SubscriptionErrorException.class,
                                subscriptionError -> assertThat(subscriptionError.getErrors())
                                        .singleElement()
                                        .extracting(ResponseError::getExtensions)
                                        .satisfies(extensions ->
                                                assertThat(extensions).containsEntry("code", code))))
                .verify(TEST_TIMEOUT);
    }

    @Test
    void timeline_overServerSentEvents_deliversPurchaseAsNextEvent() {
        String customer = data.newCustomer();
        List<String> purchases = new CopyOnWriteArrayList<>();
        AtomicReference<String> delivered = new AtomicReference<>();
        Actions actions = new Actions();

        StepVerifier.create(actions.untilFirst(
                        overServerSentEvents(testers.token(customer, Role.CUSTOMER)),
                        () -> till.recordPurchase(customer, store, sku).doOnNext(purchases::add)))
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("next");
                    assertThat(event.data()).containsOnlyKeys("data");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> timeline = (Map<String, Object>)
                            ((Map<String, Object>) event.data().get("data")).get("timeline");
                    Change change = Change.of(timeline);
                    assertThat(change.kind()).isEqualTo("PURCHASE_RECORDED");
                    assertThat(change.skus()).containsExactly(sku);
                    delivered.set(change.purchaseId());
                })
                .then(actions::finish)
                .expectComplete()
                .verify(TEST_TIMEOUT);

        assertThat(purchases).contains(delivered.get());
    }

    private Flux<Change> overWebSocket(String customer) {
        return TimelineSubscriptions.overWebSocket(testers.port(), testers.token(customer, Role.CUSTOMER))
                .timeout(EVENT_TIMEOUT);
    }

    /** The subscription as a browser's EventSource-style client sends it: a POST accepting text/event-stream. */
    private Flux<ServerSentEvent<Map<String, Object>>> overServerSentEvents(String token) {
        String document = new ResourceDocumentSource(
                        List.of(new ClassPathResource("graphql-test/")), ResourceDocumentSource.FILE_EXTENSIONS)
                .getDocument("timeline")
                .block();
        return WebClient.create(testers.baseUrl())
                .post()
                .uri("/graphql")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .bodyValue(Map.of("query", document))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .timeout(EVENT_TIMEOUT);
    }
}
