package dev.concierge.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a GraphQL-shaped error ({@code errors[0].extensions.code}) with an HTTP status, for requests
 * refused before GraphQL runs: not a GraphQL request, too large, rate limited.
 */
public final class GraphQlErrorResponses {

    private final JsonMapper json;

    public GraphQlErrorResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(
            ServerHttpResponse response, HttpStatusCode status, String code, String message, Map<String, Object> more) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.putAll(more);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        byte[] body = json.writeValueAsString(Map.of("errors", List.of(error))).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
