package dev.concierge.api.persisted;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations of an Apollo persisted-query manifest ({@code "format":
 * "apollo-persisted-query-manifest", "version": 1}, as Apollo's {@code
 * generate-persisted-query-manifest} writes it), read once at start-up. An operation is found by
 * its manifest {@code id} or by the SHA-256 of its {@code body} (the hash Apollo's APQ link sends;
 * the two are the same unless the manifest was made with custom ids).
 */
final class TrustedDocuments {

    static final String FORMAT = "apollo-persisted-query-manifest";

    private static final Set<String> TYPES = Set.of("query", "mutation", "subscription");

    /** Bodies by manifest id and by the SHA-256 of the body. */
    private final Map<String, String> bodies;

    private TrustedDocuments(Map<String, String> bodies) {
        this.bodies = Map.copyOf(bodies);
    }

    /** Reads and checks the manifest; every problem found is in the exception, with its location. */
    static TrustedDocuments load(ResourceLoader resources, String location, JsonMapper json) {
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new ManifestException(location, List.of("no such file"));
        }
        JsonNode root;
        try (InputStream in = resource.getInputStream()) {
            root = json.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new ManifestException(location, List.of("not JSON: " + e.getMessage()));
        }
        return parse(root, location);
    }

    static TrustedDocuments parse(JsonNode root, String location) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ManifestException(location, List.of("not a JSON object"));
        }
        if (!FORMAT.equals(text(root.get("format")))) {
            problems.add("\"format\" must be \"" + FORMAT + "\"");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.intValue() != 1) {
            problems.add("\"version\" must be 1");
        }
        JsonNode operations = root.get("operations");
        Map<String, String> bodies = new HashMap<>();
        if (operations == null || !operations.isArray()) {
            problems.add("\"operations\" must be an array");
        } else {
            for (int i = 0; i < operations.size(); i++) {
                read(operations.get(i), "operations[" + i + "]", bodies, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(location, problems);
        }
        return new TrustedDocuments(bodies);
    }

    private static void read(JsonNode operation, String where, Map<String, String> bodies, List<String> problems) {
        String id = text(operation.get("id"));
        String body = text(operation.get("body"));
        String type = text(operation.get("type"));
        if (id == null || id.isBlank()) {
            problems.add(where + ": \"id\" must be a non-empty string");
        }
        if (body == null || body.isBlank()) {
            problems.add(where + ": \"body\" must be a non-empty string");
        }
        if (type != null && !TYPES.contains(type)) {
            problems.add(where + ": \"type\" must be query, mutation or subscription, not \"" + type + "\"");
        }
        if (id == null || id.isBlank() || body == null || body.isBlank()) {
            return;
        }
        try {
            Parser.parse(body);
        } catch (InvalidSyntaxException e) {
            problems.add(where + " (" + id + "): \"body\" is not a GraphQL document: " + e.getMessage());
            return;
        }
        // Usually one key: Apollo's ids are the body's hash.
        for (String key : new LinkedHashSet<>(List.of(id, DocumentHash.of(body)))) {
            String previous = bodies.putIfAbsent(key, body);
            if (previous != null && !previous.equals(body)) {
                problems.add(where + ": id " + key + " names two different documents");
            }
        }
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    /** The body of the operation with this manifest id or body hash; null when not listed. */
    @Nullable
    String find(String hash) {
        return bodies.get(hash);
    }

    /** Whether this exact document is listed. */
    boolean allows(String document) {
        return document.equals(bodies.get(DocumentHash.of(document)));
    }

    /** A manifest the application cannot start with. */
    static final class ManifestException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String location;
        private final List<String> problems;

        ManifestException(String location, List<String> problems) {
            super("The persisted-query manifest " + location + " cannot be used: " + String.join("; ", problems));
            this.location = location;
            this.problems = List.copyOf(problems);
        }

        String location() {
            return location;
        }

        List<String> problems() {
            return problems;
        }
    }
}
