package dev.concierge.api.persisted;

import dev.concierge.api.persisted.PersistedQueryProperties.Mode;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/**
 * Resolves the document of each request before it runs, by the mode:
 *
 * <ul>
 *   <li>{@code APQ}: a hash without a query runs the registered document, or gets {@code
 *       PERSISTED_QUERY_NOT_FOUND}; a query with a hash must have that hash ({@code
 *       PERSISTED_QUERY_HASH_MISMATCH} otherwise) and is registered once it ran (parsed and valid:
 *       invalid documents never take space in the store); a query without a hash just runs.
 *   <li>{@code ALLOWLIST}: only the manifest's documents run, by hash or in full; anything else
 *       gets {@code PERSISTED_QUERY_NOT_ALLOWED}.
 *   <li>{@code OFF}: a hash without a query gets {@code PERSISTED_QUERY_NOT_SUPPORTED}; the
 *       extension is otherwise ignored.
 * </ul>
 *
 * <p>For {@code GET} (marked by {@link GetRequests}) it also refuses operations other than queries,
 * with HTTP 405 and {@code Allow: POST}: only then is the document known, a hash being all the URL
 * may carry. Runs right after the metrics interceptor, so that its rejections are counted too.
 */
final class PersistedQueryInterceptor implements WebGraphQlInterceptor, Ordered {

    /** Request attribute set by {@link GetRequests}: the request came as an HTTP GET. */
    static final String HTTP_GET = PersistedQueryInterceptor.class.getName() + ".GET";

    private final Mode mode;
    private final AutomaticPersistedQueries apq;
    private final @Nullable TrustedDocuments trusted;
    private final MeterRegistry registry;

    PersistedQueryInterceptor(
            Mode mode, AutomaticPersistedQueries apq, @Nullable TrustedDocuments trusted, MeterRegistry registry) {
        if (mode == Mode.ALLOWLIST && trusted == null) {
            throw new IllegalArgumentException("ALLOWLIST needs a manifest");
        }
        this.mode = mode;
        this.apq = apq;
        this.trusted = trusted;
        this.registry = registry;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String sent = PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(request.getDocument())
                ? null
                : request.getDocument();
        Object extension = request.getExtensions().get("persistedQuery");
        if (extension == null) {
            if (mode == Mode.ALLOWLIST && sent != null && !trusted().allows(sent)) {
                return reject(request, PersistedQueryErrors.notAllowed(DocumentHash.of(sent)), "not_allowed");
            }
            return run(request, sent, false, chain);
        }
        if (!(extension instanceof Map<?, ?> persistedQuery)) {
            return reject(
                    request, PersistedQueryErrors.badExtension("persistedQuery must be an object"), "bad_extension");
        }
        if (!(persistedQuery.get("version") instanceof Number version) || version.doubleValue() != 1) {
            return reject(
                    request,
                    PersistedQueryErrors.badExtension("Unsupported persisted query version: only version 1 is"),
                    "bad_extension");
        }
        if (!(persistedQuery.get("sha256Hash") instanceof String hash) || !DocumentHash.isWellFormed(hash)) {
            return reject(
                    request,
                    PersistedQueryErrors.badExtension("sha256Hash must be 64 lowercase hexadecimal digits"),
                    "bad_extension");
        }
        if (mode == Mode.OFF) {
            return sent == null
                    ? reject(request, PersistedQueryErrors.notSupported(), "not_supported")
                    : run(request, sent, false, chain);
        }
        if (sent != null && !hash.equals(DocumentHash.of(sent))) {
            return reject(request, PersistedQueryErrors.hashMismatch(hash), "hash_mismatch");
        }
        if (mode == Mode.ALLOWLIST) {
            String listed = sent != null
                    ? (trusted().allows(sent) ? sent : null)
                    : trusted().find(hash);
            if (listed == null) {
                return reject(request, PersistedQueryErrors.notAllowed(hash), "not_allowed");
            }
            count("trusted");
            return run(request, listed, sent == null, chain);
        }
        if (sent == null) {
            return apq.find(hash)
                    .flatMap(document -> {
                        count("hit");
                        return run(request, document, true, chain);
                    })
                    .switchIfEmpty(Mono.defer(() -> reject(request, PersistedQueryErrors.notFound(hash), "not_found")));
        }
        return run(request, sent, false, chain).flatMap(response -> {
            if (!response.getExecutionResult().isDataPresent()) {
                return Mono.just(response);
            }
            count("registered");
            return apq.register(hash, sent).thenReturn(response);
        });
    }

    private Mono<WebGraphQlResponse> run(
            WebGraphQlRequest request, @Nullable String document, boolean replace, Chain chain) {
        if (document != null && Boolean.TRUE.equals(request.getAttributes().get(HTTP_GET))) {
            OperationDefinition.Operation type = operationType(document, request.getOperationName());
            if (type != null && type != OperationDefinition.Operation.QUERY) {
                return Mono.error(new MethodNotAllowedException(HttpMethod.GET, Set.of(HttpMethod.POST)));
            }
        }
        if (replace && document != null) {
            request.configureExecutionInput(
                    (input, builder) -> builder.query(document).build());
        }
        return chain.next(request);
    }

    /** The type of the operation the request selects; null when the document does not say (it then fails to run). */
    static OperationDefinition.@Nullable Operation operationType(String document, @Nullable String operationName) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (InvalidSyntaxException e) {
            return null;
        }
        List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
        List<OperationDefinition> selected = operationName == null || operationName.isEmpty()
                ? operations
                : operations.stream()
                        .filter(operation -> Objects.equals(operationName, operation.getName()))
                        .toList();
        return selected.size() == 1 ? selected.get(0).getOperation() : null;
    }

    private Mono<WebGraphQlResponse> reject(WebGraphQlRequest request, GraphQLError error, String outcome) {
        count(outcome);
        ExecutionResult result =
                ExecutionResult.newExecutionResult().addError(error).build();
        return Mono.just(
                new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }

    private TrustedDocuments trusted() {
        return Objects.requireNonNull(trusted, "ALLOWLIST has a manifest");
    }

    private void count(String outcome) {
        Counter.builder("concierge.graphql.persisted.queries")
                .description("Persisted-query lookups and registrations by outcome")
                .tag("mode", mode.name())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
