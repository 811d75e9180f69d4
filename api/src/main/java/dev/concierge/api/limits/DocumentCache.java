package dev.concierge.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps each query text's parsed and validated document, so that the storefronts' few operations
 * are parsed and validated once rather than on every request (together about a seventh of a home
 * page's CPU time before this cache). Only documents that validated are kept, bounded by the total
 * length of their text.
 *
 * <p>A kept document skips {@link QueryLimits}, which runs during validation; the shape limits are
 * checked again here on every hit, because the complexity depends on the request's variables (a
 * list's {@code first}). A document over a limit gets the same error as on its first request.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;
    private final LimitsProperties limits;
    private final Supplier<GraphQLSchema> schema;

    DocumentCache(LimitsProperties limits, Supplier<GraphQLSchema> schema) {
        this.documents = Caffeine.newBuilder()
                .maximumWeight(limits.documentCacheChars())
                .weigher((String query, PreparsedDocumentEntry entry) -> query.length())
                .build();
        this.limits = limits;
        this.schema = schema;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry kept = documents.getIfPresent(input.getQuery());
        if (kept == null) {
            // Parsing and validating run the instrumentation (QueryLimits among it) as without a cache.
            PreparsedDocumentEntry entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                documents.put(input.getQuery(), entry);
            }
            return CompletableFuture.completedFuture(entry);
        }
        Map<String, Object> variables = input.getVariables();
        QueryShape.Excess excess =
                QueryShape.check(limits, schema.get(), kept.getDocument(), input.getOperationName(), variables);
        if (excess != null) {
            return CompletableFuture.completedFuture(
                    new PreparsedDocumentEntry(QueryLimits.error(excess.code(), excess.message())));
        }
        return CompletableFuture.completedFuture(kept);
    }

    /** How many documents are kept now (for tests). */
    long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }
}
