package dev.concierge.api.persisted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Raw GraphQL-over-HTTP requests with the {@code persistedQuery} extension, for one application. */
final class PersistedQueries {

    private final WebTestClient client;

    PersistedQueries(String baseUrl) {
        this.client = WebTestClient.bindToServer()
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    WebTestClient client() {
        return client;
    }

    static String sha256(String document) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document no other test has registered: a product query with a fresh operation name. */
    static String freshProductQuery() {
        return "query P" + UUID.randomUUID().toString().replace("-", "")
                + "($sku: ID!) { product(sku: $sku) { sku name } }";
    }

    static Map<String, Object> extension(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    /** POST with the query (or none) and the hash (or none). */
    WebTestClient.ResponseSpec post(@Nullable String query, @Nullable String hash, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (query != null) {
            body.put("query", query);
        }
        if (hash != null) {
            body.put("extensions", extension(hash));
        }
        body.put("variables", variables);
        return client.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** GET by hash only, as Apollo's link sends it. */
    WebTestClient.RequestHeadersSpec<?> getByHash(String hash, String variablesJson) {
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
        return client.get()
                .uri(uri -> uri.path("/graphql")
                        .queryParam("extensions", "{extensions}")
                        .queryParam("variables", "{variables}")
                        .build(extensions, variablesJson))
                .accept(MediaType.APPLICATION_JSON);
    }

    /** GET with the full query. */
    WebTestClient.RequestHeadersSpec<?> getByQuery(String query, String variablesJson) {
        return client.get()
                .uri(uri -> uri.path("/graphql")
                        .queryParam("query", "{query}")
                        .queryParam("variables", "{variables}")
                        .build(query, variablesJson))
                .accept(MediaType.APPLICATION_JSON);
    }
}
