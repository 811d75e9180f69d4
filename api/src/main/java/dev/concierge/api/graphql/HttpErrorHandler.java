package dev.concierge.api.graphql;

import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests to the GraphQL endpoint that fail before GraphQL runs (a body that is not JSON, no
 * {@code query}) get their HTTP status with a GraphQL-shaped body and the code {@code BAD_REQUEST},
 * instead of the framework's generic error page.
 */
@Order(-2)
final class HttpErrorHandler implements WebExceptionHandler {

    /** The code for requests that are not GraphQL requests at all. */
    static final String BAD_REQUEST = "BAD_REQUEST";

    private final String path;
    private final GraphQlErrorResponses errors;

    HttpErrorHandler(String path, JsonMapper json) {
        this.path = path;
        this.errors = new GraphQlErrorResponses(json);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (!(failure instanceof ResponseStatusException status)
                || !status.getStatusCode().is4xxClientError()
                || !exchange.getRequest().getPath().value().equals(path)
                || response.isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatusCode code = status.getStatusCode();
        response.getHeaders().putAll(status.getHeaders());
        return errors.write(response, code, BAD_REQUEST, message(status), Map.of("status", code.value()));
    }

    private static String message(ResponseStatusException status) {
        return switch (status.getStatusCode().value()) {
            case 405 -> "Send GraphQL requests with POST";
            case 406 -> "Accept application/json, application/graphql-response+json or text/event-stream";
            case 415 -> "Send the request body as application/json";
            default ->
                "Not a GraphQL request: the body must be JSON with a \"query\" string"
                        + (status.getReason() == null ? "" : " (" + status.getReason() + ")");
        };
    }
}
