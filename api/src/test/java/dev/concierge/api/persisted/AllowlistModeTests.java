package dev.concierge.api.persisted;

import static dev.concierge.api.persisted.PersistedQueries.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.api.ConciergeApplication;
import dev.concierge.api.persisted.TrustedDocuments.ManifestException;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Trusted-documents mode: an instance with a manifest (and no mode set, so the manifest turns
 * {@code ALLOWLIST} on) runs only the manifest's operations. Started as {@code TwoInstanceTests}
 * starts its instances, on the same embedded servers as the other tests.
 */
class AllowlistModeTests {

    private static final String PRODUCT =
            "query TrustedProduct($sku: ID!) {\n  product(sku: $sku) {\n    sku\n    name\n  }\n}";
    private static final String MUTATION = "mutation TrustedTypename {\n  __typename\n}";

    private static ConfigurableApplicationContext app;
    private static PersistedQueries http;
    private static String sku;

    @BeforeAll
    static void startWithAManifest() {
        app = start("--concierge.graphql.persisted-queries.manifest=classpath:persisted/manifest.json");
        http = new PersistedQueries(Testers.of(app).baseUrl());
        sku = new TestData(app.getBean(DatabaseClient.class)).skus(1).get(0);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** As arguments, not default properties: application.yml's {@code server.port} would win over those. */
    private static ConfigurableApplicationContext start(String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--concierge.embedded.data-directory=target/embedded-test-data",
                "--concierge.embedded.fresh=true",
                "--concierge.embedded.durable=false",
                "--concierge.retention.enabled=false"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(ConciergeApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void listedOperation_runsByHash_overPostAndGet() {
        http.post(null, sha256(PRODUCT), Map.of("sku", sku))
                .expectBody()
                .jsonPath("$.data.product.sku")
                .isEqualTo(sku);

        http.getByHash(sha256(PRODUCT), "{\"sku\":\"" + sku + "\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=60, public")
                .expectBody()
                .jsonPath("$.data.product.sku")
                .isEqualTo(sku);
    }

    @Test
    void listedOperation_runsInFull_withOrWithoutItsHash() {
        for (String hash : new String[] {null, sha256(PRODUCT)}) {
            http.post(PRODUCT, hash, Map.of("sku", sku))
                    .expectBody()
                    .jsonPath("$.data.product.sku")
                    .isEqualTo(sku);
        }
    }

    @Test
    void unlistedQuery_isNotAllowed_inFull_byHash_andOverGet() {
        String unlisted = "query Other($sku: ID!) { product(sku: $sku) { sku } }";

        http.post(unlisted, null, Map.of("sku", sku))
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PERSISTED_QUERY_NOT_ALLOWED")
                .jsonPath("$.errors[0].message")
                .isEqualTo("PersistedQueryNotAllowed")
                .jsonPath("$.data")
                .doesNotExist();
        // Registering is not possible either: the hash stays unknown.
        http.post(unlisted, sha256(unlisted), Map.of("sku", sku))
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
        http.post(null, sha256(unlisted), Map.of("sku", sku))
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
        http.getByQuery(unlisted, "{\"sku\":\"" + sku + "\"}")
                .exchange()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store, private")
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
    }

    @Test
    void listedMutation_runsOverPost_butNotOverGet() {
        http.post(null, sha256(MUTATION), Map.of())
                .expectBody()
                .jsonPath("$.data.__typename")
                .isEqualTo("Mutation");

        http.getByHash(sha256(MUTATION), "{}")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "POST");
    }

    @Test
    void badManifest_failsTheStart_sayingWhatIsWrong() {
        assertThatThrownBy(() ->
                        start("--concierge.graphql.persisted-queries.manifest=classpath:persisted/bad-manifest.json"))
                .satisfies(failure -> {
                    FailureAnalysis analysis = new ManifestFailureAnalyzer().analyze(failure);
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .contains("classpath:persisted/bad-manifest.json")
                            .contains("\"version\" must be 1")
                            .contains("operations[0] (x): \"body\" is not a GraphQL document");
                    assertThat(analysis.getAction()).contains("concierge.graphql.persisted-queries.manifest");
                });
    }

    @Test
    void allowlistWithoutAManifest_failsTheStart() {
        assertThatThrownBy(() -> start("--concierge.graphql.persisted-queries.mode=ALLOWLIST"))
                .hasRootCauseInstanceOf(ManifestException.class)
                .rootCause()
                .hasMessageContaining("concierge.graphql.persisted-queries.manifest is not set");
    }
}
