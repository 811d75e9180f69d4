package dev.concierge.api.persisted;

import dev.concierge.api.persisted.TouchedFields.Fields;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /graphql?query=…} or {@code ?extensions={"persistedQuery":…}}, with {@code variables}
 * and {@code extensions} as URL-encoded JSON and {@code operationName}, as the GraphQL-over-HTTP
 * specification and Apollo's {@code useGETForHashedQueries} send them. It runs through the same
 * {@link WebGraphQlHandler} (hence the same interceptors) as POST; {@link PersistedQueryInterceptor}
 * refuses anything but queries with 405. A GET with neither parameter is left to Spring Boot's
 * route, which answers 405 as before.
 *
 * <p>{@code Cache-Control} is {@code public, max-age=…} only when a shared cache may give the
 * response to anyone asking the same URL: the request has no {@code Authorization} header (the
 * caller is a signed-out visitor, so nothing personal can be in it: {@code me} and the like fail
 * without a token), the operation ran without errors, and every root field it ran (recorded by
 * {@link TouchedFields} during execution, not guessed from the text) is one of the configured
 * public fields. Everything else is {@code private, no-store}. {@code Vary: Authorization, Accept}
 * keeps a cache from giving a signed-out response to a signed-in customer.
 */
final class GetRequests {

    private static final List<MediaType> RESPONSE_TYPES =
            List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON);

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final String path;
    private final WebGraphQlHandler graphQl;
    private final JsonMapper json;
    private final PersistedQueryProperties.Get settings;

    GetRequests(String path, WebGraphQlHandler graphQl, JsonMapper json, PersistedQueryProperties.Get settings) {
        this.path = path;
        this.graphQl = graphQl;
        this.json = json;
        this.settings = settings;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(
                RequestPredicates.GET(path)
                        .and(request -> request.queryParam("query").isPresent()
                                || request.queryParam("extensions").isPresent()),
                this::handle);
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        // Errors rendered by the HTTP error handler (400, 405, 406) keep this; a success replaces it.
        request.exchange()
                .getResponse()
                .getHeaders()
                .setCacheControl(CacheControl.noStore().cachePrivate());
        return Mono.fromCallable(() -> toGraphQl(request)).flatMap(graphQlRequest -> {
            MediaType type = responseType(request);
            Fields touched = new Fields();
            graphQlRequest.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(Fields.KEY, touched);
                return input;
            });
            return graphQl.handleRequest(graphQlRequest).flatMap(response -> respond(request, response, type, touched));
        });
    }

    private WebGraphQlRequest toGraphQl(ServerRequest request) {
        SerializableGraphQlRequest body = new SerializableGraphQlRequest();
        request.queryParam("query").ifPresent(body::setQuery);
        request.queryParam("operationName").filter(name -> !name.isEmpty()).ifPresent(body::setOperationName);
        body.setVariables(jsonObject(request, "variables"));
        body.setExtensions(jsonObject(request, "extensions"));
        request.attributes().put(PersistedQueryInterceptor.HTTP_GET, Boolean.TRUE);
        return new WebGraphQlRequest(
                request.uri(),
                request.headers().asHttpHeaders(),
                request.cookies(),
                request.remoteAddress().orElse(null),
                request.attributes(),
                body,
                request.exchange().getRequest().getId(),
                request.exchange().getLocaleContext().getLocale());
    }

    private Map<String, Object> jsonObject(ServerRequest request, String parameter) {
        String text = request.queryParam(parameter).orElse("");
        if (text.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, Object> value = json.readValue(text, JSON_OBJECT);
            if (value == null) {
                throw new ServerWebInputException("\"" + parameter + "\" must be a JSON object");
            }
            return value;
        } catch (JacksonException e) {
            throw new ServerWebInputException("\"" + parameter + "\" must be a JSON object");
        }
    }

    /** As the POST handler: the first of the accepted types it can write, else application/json. */
    private static MediaType responseType(ServerRequest request) {
        List<MediaType> accepted;
        try {
            accepted = request.headers().accept();
        } catch (InvalidMediaTypeException e) {
            throw new NotAcceptableStatusException("Could not parse the Accept header: " + e.getMessage());
        }
        for (MediaType type : accepted) {
            for (MediaType supported : RESPONSE_TYPES) {
                if (supported.equalsTypeAndSubtype(type)) {
                    return supported;
                }
            }
        }
        return MediaType.APPLICATION_JSON;
    }

    private Mono<ServerResponse> respond(
            ServerRequest request, WebGraphQlResponse response, MediaType type, Fields touched) {
        boolean executed = response.getExecutionResult().isDataPresent();
        // As the POST handler: with the GraphQL response type, a request that did not run is a 400.
        HttpStatus status = !executed && MediaTypes.APPLICATION_GRAPHQL_RESPONSE.equals(type)
                ? HttpStatus.BAD_REQUEST
                : HttpStatus.OK;
        CacheControl cacheControl = isPublic(request, response, touched)
                ? CacheControl.maxAge(settings.publicMaxAge()).cachePublic()
                : CacheControl.noStore().cachePrivate();
        return ServerResponse.status(status)
                .headers(headers -> headers.putAll(response.getResponseHeaders()))
                .contentType(type)
                .cacheControl(cacheControl)
                .varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT)
                .bodyValue(response.toMap());
    }

    private boolean isPublic(ServerRequest request, WebGraphQlResponse response, Fields touched) {
        if (settings.publicMaxAge().isZero()
                || request.headers().firstHeader(HttpHeaders.AUTHORIZATION) != null
                || !response.getExecutionResult().isDataPresent()
                || !response.getExecutionResult().getErrors().isEmpty()) {
            return false;
        }
        Set<String> ran = touched.names();
        return !ran.isEmpty() && settings.publicFields().containsAll(ran);
    }
}
