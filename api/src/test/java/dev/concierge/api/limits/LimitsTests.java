package dev.concierge.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.Testers;
import dev.concierge.api.support.TimelineSubscriptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/** Hostile documents and bodies against the default limits; each refused with its code, no 5xx. */
@ConciergeTest
class LimitsTests {

    @Autowired
    Testers testers;

    @Autowired
    LimitsProperties limits;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(testers.baseUrl()).build();
    }

    @Test
    void defaults_areTheDocumentedOnes() {
        assertThat(limits.maxDepth()).isEqualTo(12);
        assertThat(limits.maxComplexity()).isEqualTo(20_000);
        assertThat(limits.defaultListSize()).isEqualTo(5);
        assertThat(limits.maxListSize()).isEqualTo(100);
        assertThat(limits.maxAliases()).isEqualTo(30);
        assertThat(limits.maxRootFields()).isEqualTo(10);
        assertThat(limits.maxTokens()).isEqualTo(5000);
        assertThat(limits.maxRequestBytes()).isEqualTo(262_144);
        assertThat(limits.maxSubscriptionsPerConnection()).isEqualTo(10);
        assertThat(limits.rateLimit().requestsPerSecond()).isEqualTo(50);
        assertThat(limits.rateLimit().burst()).isEqualTo(100);
    }

    @Test
    void theRealPages_keepWithinTheLimits() {
        testers.customer("demo-1")
                .documentName("page")
                .variable("slug", "home")
                .execute()
                .path("page.slots")
                .entityList(Object.class)
                .hasSizeGreaterThan(0);
    }

    @Test
    void deepNesting_isQueryTooDeep() {
        // product -> goes with -> product -> ... through the catalogue's own cycle: 18 deep
        String inner = "sku";
        for (int i = 0; i < 8; i++) {
            inner = "goesWith(first: 1) { product { " + inner + " } }";
        }
        testers.anonymous()
                .document("{ product(sku: \"RNG-0001\") { " + inner + " } }")
                .execute()
                .errors()
                .satisfy(Errors.single("QUERY_TOO_DEEP"));
    }

    @Test
    void aliasBomb_isTooManyAliases() {
        StringBuilder query = new StringBuilder("{ nearestStores(location: {lat: 1, lon: 1}) { ");
        for (int i = 0; i < 200; i++) {
            query.append("a").append(i).append(": distanceKm ");
        }
        testers.anonymous()
                .document(query.append("} }").toString())
                .execute()
                .errors()
                .satisfy(Errors.single("TOO_MANY_ALIASES"));
    }

    @Test
    void fragmentBomb_isStoppedBeforeValidation() {
        // each fragment spreads the next twice: 2^20 fields once expanded, in a tiny document
        StringBuilder query =
                new StringBuilder("{ nearestStores(location: {lat: 41.9, lon: -87.6}) { store { ...F0 } } }");
        for (int i = 0; i < 20; i++) {
            query.append(" fragment F")
                    .append(i)
                    .append(" on Store { ...F")
                    .append(i + 1)
                    .append(" ...F")
                    .append(i + 1)
                    .append(" }");
        }
        query.append(" fragment F20 on Store { id name }");
        testers.anonymous().document(query.toString()).execute().errors().satisfy(Errors.single("QUERY_TOO_COMPLEX"));
    }

    @Test
    void fragmentCycle_isAValidationError_notAHang() {
        testers.anonymous()
                .document("{ nearestStores(location: {lat: 41.9, lon: -87.6}) { store { ...A } } }"
                        + " fragment A on Store { id ...B } fragment B on Store { name ...A }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .isNotEmpty()
                        .allSatisfy(error ->
                                assertThat(error.getExtensions()).containsEntry("code", "GRAPHQL_VALIDATION_FAILED")));
    }

    @Test
    void hugeListSizes_areQueryTooComplex() {
        testers.customer("demo-1").document("""
                        { me { purchaseTimeline(first: 100) { edges { node { items { product {
                            similar(first: 100) { product { goesWith(first: 100) { sku } } } } } } } } } }""").execute().errors().satisfy(Errors.single("QUERY_TOO_COMPLEX"));
    }

    /**
     * The parsed-document cache keeps the document after its first, small request; the same text
     * with larger {@code first} variables must still be refused, though it is not validated again.
     */
    @Test
    void cachedDocument_withListSizesFromVariables_isStillCheckedOnEveryRequest() {
        String document = """
                query timeline($outer: Int!, $inner: Int!) { me { purchaseTimeline(first: $outer) { edges { node {
                    items { product { similar(first: $inner) { product { goesWith(first: $inner) { product { sku } } } } } } } } } } }""";
        for (int i = 0; i < 2; i++) {
            testers.customer("demo-1")
                    .document(document)
                    .variable("outer", 1)
                    .variable("inner", 1)
                    .execute()
                    .path("me.purchaseTimeline.edges")
                    .hasValue();
        }
        testers.customer("demo-1")
                .document(document)
                .variable("outer", 100)
                .variable("inner", 100)
                .execute()
                .errors()
                .satisfy(Errors.single("QUERY_TOO_COMPLEX"));
        testers.customer("demo-1")
                .document(document)
                .variable("outer", 1)
                .variable("inner", 1)
                .execute()
                .path("me.purchaseTimeline.edges")
                .hasValue();
    }

    @Test
    void invalidDocument_isRefusedEveryTime_notCachedAsValid() {
        String document = "{ me { noSuchField } }";
        for (int i = 0; i < 2; i++) {
            testers.customer("demo-1")
                    .document(document)
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .singleElement()
                            .satisfies(error -> assertThat(error.getExtensions())
                                    .containsEntry("code", "GRAPHQL_VALIDATION_FAILED")));
        }
    }

    @Test
    void tooManyRootFields_isRefused() {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < 11; i++) {
            query.append("s").append(i).append(": nearestStores(location: {lat: 1, lon: 1}) { distanceKm } ");
        }
        testers.anonymous()
                .document(query.append('}').toString())
                .execute()
                .errors()
                .satisfy(Errors.single("TOO_MANY_ROOT_FIELDS"));
    }

    @Test
    void tooManyTokens_isAParseError() {
        StringBuilder query = new StringBuilder("{ nearestStores(location: {lat: 1, lon: 1}) { ");
        for (int i = 0; i < 6000; i++) {
            query.append("distanceKm ");
        }
        testers.anonymous()
                .document(query.append("} }").toString())
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error ->
                                assertThat(error.getExtensions()).containsEntry("code", "GRAPHQL_PARSE_FAILED")));
    }

    @Test
    void oversizedBody_is413PayloadTooLarge_declaredOrNot() {
        String huge = "x".repeat(300_000);
        client().post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }", "variables", Map.of("x", huge)))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void cors_allowsListedOrigins_only() {
        client().options()
                .uri("/graphql")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
        client().options()
                .uri("/graphql")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        client().post()
                .uri("/graphql")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void subscriptionsPerConnection_areCapped() {
        String token = testers.token("demo-1", dev.concierge.api.security.Role.CUSTOMER);
        WebSocketGraphQlTester socket = TimelineSubscriptions.webSocketTester(testers.port(), token);
        List<Disposable> open = new ArrayList<>();
        try {
            for (int i = 0; i < limits.maxSubscriptionsPerConnection(); i++) {
                open.add(socket.documentName("timeline")
                        .executeSubscription()
                        .toFlux()
                        .subscribe(response -> {}, error -> {}));
            }
            var refused = socket.documentName("timeline")
                    .executeSubscription()
                    .toFlux()
                    .next()
                    .timeout(Duration.ofSeconds(10))
                    .materialize()
                    .block();
            assertThat(refused).isNotNull();
            String outcome = refused.hasError()
                    ? refused.getThrowable().toString() + refused.getThrowable().getCause()
                    : String.valueOf(refused.get());
            if (refused.hasValue()) {
                refused.get().errors().satisfy(Errors.single("TOO_MANY_SUBSCRIPTIONS"));
            } else {
                assertThat(outcome).contains("TOO_MANY_SUBSCRIPTIONS");
            }
        } finally {
            open.forEach(Disposable::dispose);
            socket.stop().block(Duration.ofSeconds(5));
        }
    }
}
