package dev.concierge.api.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real client proves APQ over GET: Apollo Client 4 with its persisted-queries link ({@code
 * useGETForHashedQueries}), run by the machine's Node from {@code src/test/node/apollo-apq.mjs}.
 */
@ConciergeTest
class ApolloClientTests {

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Autowired
    JsonMapper json;

    @Test
    void apolloClient_registersOnNotFound_thenQueriesByHashOverGet_cacheably() {
        String sku = data.skus(1).get(0);
        String nonce = UUID.randomUUID().toString().replace("-", "");

        NodeScripts.Result result = NodeScripts.run("apollo-apq.mjs", testers.baseUrl() + "/graphql", sku, nonce);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode run = json.readTree(result.stdout());
        // A fresh document: the hash over GET is not found, the link sends it in full over POST.
        JsonNode first = run.get("first");
        assertThat(first.get("exchanges")).hasSize(2);
        assertThat(first.at("/exchanges/0/method").asString()).isEqualTo("GET");
        assertThat(first.at("/exchanges/0/hashOnly").asBoolean()).isTrue();
        assertThat(first.at("/exchanges/0/cacheControl").asString()).isEqualTo("no-store, private");
        assertThat(first.at("/exchanges/1/method").asString()).isEqualTo("POST");
        assertThat(first.at("/exchanges/1/status").asInt()).isEqualTo(200);
        assertThat(first.at("/data/product/sku").asString()).isEqualTo(sku);
        // Another client (another page load): one GET by hash, which a CDN may cache.
        JsonNode second = run.get("second");
        assertThat(second.get("exchanges")).hasSize(1);
        assertThat(second.at("/exchanges/0/method").asString()).isEqualTo("GET");
        assertThat(second.at("/exchanges/0/hashOnly").asBoolean()).isTrue();
        assertThat(second.at("/exchanges/0/status").asInt()).isEqualTo(200);
        assertThat(second.at("/exchanges/0/cacheControl").asString()).isEqualTo("max-age=60, public");
        assertThat(second.at("/data/product/sku").asString()).isEqualTo(sku);
    }
}
