package dev.concierge.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The cache alone, on a small schema: what it keeps, what it does not, and its bound. */
class DocumentCacheTests {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator()
            .makeExecutableSchema(
                    new SchemaParser()
                            .parse("type Query { items(first: Int): [Item] } type Item { id: ID name: String }"),
                    RuntimeWiring.newRuntimeWiring().build());

    private static LimitsProperties limits(long chars) {
        return new Binder(new MapConfigurationPropertySource(Map.of(
                        "concierge.limits.document-cache-chars",
                        String.valueOf(chars),
                        "concierge.limits.max-complexity",
                        "50")))
                .bindOrCreate("concierge.limits", Bindable.of(LimitsProperties.class));
    }

    private static GraphQL graphQl(DocumentCache cache) {
        return GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(cache).build();
    }

    @Test
    void keepsValidDocuments_once_andNeverInvalidOnes() {
        DocumentCache cache = new DocumentCache(limits(10_000), () -> SCHEMA);
        GraphQL graphQl = graphQl(cache);

        graphQl.execute("{ items { id } }");
        graphQl.execute("{ items { id } }");
        assertThat(cache.size()).isOne();

        assertThat(graphQl.execute("{ items { nope } }").getErrors()).isNotEmpty();
        assertThat(graphQl.execute("{ items { nope } }").getErrors()).isNotEmpty();
        assertThat(cache.size()).isOne();
    }

    @Test
    void aHit_isNotParsedAgain() {
        DocumentCache cache = new DocumentCache(limits(10_000), () -> SCHEMA);
        AtomicInteger parses = new AtomicInteger();
        ExecutionInput input =
                ExecutionInput.newExecutionInput("{ items { id name } }").build();
        for (int i = 0; i < 3; i++) {
            cache.getDocumentAsync(input, in -> {
                        parses.incrementAndGet();
                        return new PreparsedDocumentEntry(Parser.parse(in.getQuery()));
                    })
                    .join();
        }
        assertThat(parses.get()).isOne();
    }

    @Test
    void aHitOverTheComplexityBudget_isRefusedWithTheLimitsCode() {
        DocumentCache cache = new DocumentCache(limits(10_000), () -> SCHEMA);
        GraphQL graphQl = graphQl(cache);
        String query = "query q($n: Int) { items(first: $n) { id name } }";
        assertThat(graphQl.execute(ExecutionInput.newExecutionInput(query).variables(Map.of("n", 2)))
                        .getErrors())
                .isEmpty();

        var refused = graphQl.execute(ExecutionInput.newExecutionInput(query).variables(Map.of("n", 100)));

        assertThat(refused.getErrors())
                .singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX"));
    }

    @Test
    void isBoundedByTheLengthOfTheTextsItKeeps() {
        DocumentCache cache = new DocumentCache(limits(200), () -> SCHEMA);
        GraphQL graphQl = graphQl(cache);
        for (int i = 0; i < 50; i++) {
            graphQl.execute("{ a" + i + ": items { id } }");
        }
        assertThat(cache.size()).isLessThan(50).isPositive();
    }
}
