package dev.concierge.api.persisted;

import static dev.concierge.api.persisted.PersistedQueries.freshProductQuery;
import static dev.concierge.api.persisted.PersistedQueries.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.security.Role;
import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.personalization.customer.ConsentPurpose;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Automatic Persisted Queries over POST and GET, and how GET responses may be cached (default mode: APQ). */
@ConciergeTest
class PersistedQueryTests {

    private static final String PUBLIC = "max-age=60, public";
    private static final String PRIVATE = "no-store, private";

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    private PersistedQueries http;
    private String sku;
    private String skuVariables;

    @BeforeEach
    void setUp() {
        http = new PersistedQueries(testers.baseUrl());
        sku = data.skus(1).get(0);
        skuVariables = "{\"sku\":\"" + sku + "\"}";
    }

    @Test
    void apq_registeredWithTheQuery_runsByHashAlone() {
        String query = freshProductQuery();
        String hash = sha256(query);

        http.post(query, hash, Map.of("sku", sku))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.product.sku")
                .isEqualTo(sku);

        http.post(null, hash, Map.of("sku", sku))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.product.sku")
                .isEqualTo(sku)
                .jsonPath("$.errors")
                .doesNotExist();
    }

    @Test
    void apq_unknownHash_isNotFound_asApolloClientsExpect() {
        String hash = sha256(freshProductQuery());

        http.post(null, hash, Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND")
                .jsonPath("$.errors[0].message")
                .isEqualTo("PersistedQueryNotFound")
                .jsonPath("$.data")
                .doesNotExist();
    }

    @Test
    void apq_unknownHash_withTheGraphQlResponseType_is400() {
        http.client()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("application/graphql-response+json"))
                .bodyValue(Map.of("extensions", PersistedQueries.extension(sha256(freshProductQuery()))))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void apq_queryWithAnotherDocumentsHash_isRejected_andNothingIsStored() {
        String query = freshProductQuery();
        String otherHash = sha256(freshProductQuery());

        http.post(query, otherHash, Map.of("sku", sku))
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PERSISTED_QUERY_HASH_MISMATCH")
                .jsonPath("$.data")
                .doesNotExist();

        http.post(null, otherHash, Map.of("sku", sku))
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void apq_invalidDocument_isNotRegistered() {
        String invalid = "query Invalid" + sha256(freshProductQuery()).substring(0, 8) + " { nope }";
        String hash = sha256(invalid);

        http.post(invalid, hash, Map.of())
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");

        http.post(null, hash, Map.of())
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    static Stream<Arguments> badExtensions() {
        return Stream.of(
                Arguments.of(Named.of("version 2", Map.of("version", 2, "sha256Hash", sha256("{ __typename }")))),
                Arguments.of(Named.of("no version", Map.of("sha256Hash", sha256("{ __typename }")))),
                Arguments.of(Named.of("hash not hexadecimal", Map.of("version", 1, "sha256Hash", "not-a-hash"))),
                Arguments.of(Named.of("hash in upper case", Map.of("version", 1, "sha256Hash", "AB".repeat(32)))),
                Arguments.of(Named.of("not an object", "abc")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badExtensions")
    void apq_malformedExtension_isBadUserInput(Object persistedQuery) {
        http.client()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ __typename }", "extensions", Map.of("persistedQuery", persistedQuery)))
                .exchange()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("BAD_USER_INPUT")
                .jsonPath("$.errors[0].extensions.field")
                .isEqualTo("extensions.persistedQuery");
    }

    @Test
    void get_byHash_forAnAnonymousProduct_isPublicAndCacheable() {
        String query = freshProductQuery();
        String hash = sha256(query);
        http.post(query, hash, Map.of("sku", sku)).expectStatus().isOk();

        http.getByHash(hash, skuVariables)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, PUBLIC)
                // Spring Security's no-cache headers must not contradict it.
                .expectHeader()
                .doesNotExist(HttpHeaders.PRAGMA)
                .expectHeader()
                .doesNotExist(HttpHeaders.EXPIRES)
                .expectHeader()
                .value(HttpHeaders.VARY, vary -> assertThat(vary).contains(HttpHeaders.AUTHORIZATION))
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.data.product.sku")
                .isEqualTo(sku);
    }

    @Test
    void get_byHash_unknown_isNotFound_andNotCacheable() {
        http.getByHash(sha256(freshProductQuery()), skuVariables)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, PRIVATE)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void get_anonymousPage_isPublic_butTheSamePageSignedIn_isPrivate() {
        String query = "query HomePage { page(slug: \"home\") { slug mode } }";

        http.getByQuery(query, "{}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, PUBLIC)
                .expectBody()
                .jsonPath("$.data.page.slug")
                .isEqualTo("home");

        String customer = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        http.getByQuery(query, "{}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + testers.token(customer, Role.CUSTOMER))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, PRIVATE)
                .expectBody()
                .jsonPath("$.data.page.slug")
                .isEqualTo("home");
    }

    @Test
    void get_me_isPrivate_signedIn_andSignedOut() {
        String customer = data.newCustomer();
        String query = "query Me { me { id } }";

        http.getByQuery(query, "{}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + testers.token(customer, Role.CUSTOMER))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, PRIVATE)
                .expectBody()
                .jsonPath("$.data.me.id")
                .isEqualTo(customer);

        http.getByQuery(query, "{}")
                .exchange()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, PRIVATE)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void get_publicAndPersonalFieldsTogether_isPrivate() {
        http.getByQuery("query Mixed($sku: ID!) { product(sku: $sku) { sku } me { id } }", skuVariables)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + testers.token(data.newCustomer(), Role.CUSTOMER))
                .exchange()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, PRIVATE);
    }

    @Test
    void get_mutation_is405WithAllowPost_inFullAndByHash() {
        String mutation = "mutation Typename" + sha256(freshProductQuery()).substring(0, 8) + " { __typename }";
        http.getByQuery(mutation, "{}")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "POST")
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, PRIVATE)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("BAD_REQUEST");

        String hash = sha256(mutation);
        http.post(mutation, hash, Map.of())
                .expectBody()
                .jsonPath("$.data.__typename")
                .isEqualTo("Mutation");
        http.getByHash(hash, "{}")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "POST");
    }

    @Test
    void get_variablesThatAreNotAJsonObject_is400() {
        for (String variables : List.of("not json", "[1]")) {
            http.getByQuery("query Product($sku: ID!) { product(sku: $sku) { sku } }", variables)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].extensions.code")
                    .isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void get_documentThatDoesNotParse_hasItsCode_andIsNotCacheable() {
        http.getByQuery("{ product(sku:", "{}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, PRIVATE)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("GRAPHQL_PARSE_FAILED");
    }

    @Test
    void post_keepsTheHeadersItHadBefore() {
        http.post("{ __typename }", null, Map.of())
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
    }
}
