package dev.concierge.api.graphql;

import dev.concierge.api.security.Role;
import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Testers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The HTTP edge of the GraphQL endpoint: what clients get for requests that are not quite right. */
@ConciergeTest
class GraphQlHttpTests {

    @Autowired
    Testers testers;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(testers.baseUrl()).build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"not JSON | not json", "JSON without a query | {}", "a JSON array | []"})
    void post_notAGraphQlRequest_is400WithBadRequestCode(String name, String body) {
        client().post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("BAD_REQUEST");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "syntax error | { product(sku: | GRAPHQL_PARSE_FAILED",
                "unknown field | { nope } | GRAPHQL_VALIDATION_FAILED",
                "missing selection | { nearestStores(location: {lat: 0, lon: 0}) } | GRAPHQL_VALIDATION_FAILED",
                "wrong argument type | { product(sku: {a: 1}) { sku } } | BAD_USER_INPUT"
            })
    void post_invalidDocument_hasAStableCode(String name, String query, String code) {
        client().post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo(code)
                .jsonPath("$.data")
                .doesNotExist();
    }

    @Test
    void get_isNotAllowed() {
        client().get()
                .uri("/graphql?operationName=Any")
                .exchange()
                .expectStatus()
                .isEqualTo(405);
    }

    @Test
    void graphiql_isServedOutsideProd() {
        client().get().uri("/graphiql?path=/graphql").exchange().expectStatus().isOk();
    }

    @Test
    void introspection_isOnOutsideProd() {
        client().post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __schema { queryType { name } } }"))
                .exchange()
                .expectBody()
                .jsonPath("$.data.__schema.queryType.name")
                .isEqualTo("Query");
    }

    @Test
    void liveness_isUp() {
        client().get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void health_hasTheGroupsComponents() {
        client().get()
                .uri("/actuator/health/readiness")
                .header("Authorization", "Bearer " + testers.token("sre-1", Role.SRE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.postgresql.status")
                .isEqualTo("UP")
                .jsonPath("$.components.readinessState.status")
                .isEqualTo("UP")
                .jsonPath("$.components.cache")
                .doesNotExist();
    }

    @Test
    void readiness_isUp() {
        client().get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }
}
