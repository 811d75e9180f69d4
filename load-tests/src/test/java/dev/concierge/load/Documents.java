package dev.concierge.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** GraphQL request bodies from the {@code documents/*.graphql} files, loaded by name. */
final class Documents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Documents() {}

    static String load(String name) {
        try (InputStream in = Documents.class.getResourceAsStream("/documents/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("No document documents/" + name + ".graphql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON body of a GraphQL POST: the document and its variables. */
    static String body(String document, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return json(body);
    }

    /**
     * The body of an Automatic Persisted Query as Apollo Client sends it once the server knows the
     * document: its SHA-256 and the variables, without the text.
     */
    static String persisted(String document, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", variables);
        body.put("extensions", persistedQuery(document));
        return json(body);
    }

    /** The body that registers a persisted query (and runs it): the text and its hash. */
    static String registering(String document, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        body.put("extensions", persistedQuery(document));
        return json(body);
    }

    private static Map<String, Object> persistedQuery(String document) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256(document)));
    }

    static String sha256(String document) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
