package dev.concierge.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
