package dev.concierge.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.personalization.ConciergeException;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.security.access.AccessDeniedException;

/** Every exception a resolver can throw becomes one error with a stable code and no internals. */
class ExceptionResolverTests {

    static Stream<Arguments> failures() {
        return Stream.of(
                failure("bad input", () -> ConciergeException.badInput("input.sku", "unknown"), "BAD_USER_INPUT"),
                failure("not found", () -> ConciergeException.notFound("no such thing"), "NOT_FOUND"),
                failure("conflict", () -> ConciergeException.conflict("key reused"), "CONFLICT"),
                failure("access denied", () -> new AccessDeniedException("denied"), "FORBIDDEN"),
                failure("constraint race", () -> new DataIntegrityViolationException("fk"), "BAD_USER_INPUT"),
                failure("database timeout", () -> new QueryTimeoutException("slow"), "UNAVAILABLE"),
                failure("a bug", () -> new IllegalStateException("secret internal detail"), "INTERNAL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void resolver_mapsTheExceptionToOneCodedError(String name, Supplier<RuntimeException> failure, String code) {
        GraphQLError error = run(failure);
        assertThat(error.getExtensions()).containsEntry("code", code);
        assertThat(error.getPath()).containsExactly("thing");
        assertThat(error.getMessage()).doesNotContain("secret internal detail", "Exception");
        if (code.equals("INTERNAL")) {
            assertThat(error.getExtensions().get("correlationId")).asString().hasSize(36);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void resolver_neverLeaksAStackTrace(String name, Supplier<RuntimeException> failure, String code) {
        assertThat(run(failure).toSpecification().toString()).doesNotContain("at dev.", "at org.", "\tat ");
    }

    @SuppressWarnings("unchecked")
    private static GraphQLError run(Supplier<RuntimeException> failure) {
        GraphQLSchema schema = new SchemaGenerator()
                .makeExecutableSchema(
                        new SchemaParser().parse("type Query { thing: String }"),
                        RuntimeWiring.newRuntimeWiring()
                                .type(
                                        "Query",
                                        type -> type.dataFetcher("thing", (DataFetcher<String>) env -> {
                                            throw failure.get();
                                        }))
                                .build());
        GraphQL graphQl = GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(
                        DataFetcherExceptionResolver.createExceptionHandler(List.of(new ExceptionResolver())))
                .build();
        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput("{ thing }")
                .graphQLContext(Map.of())
                .build());
        assertThat(result.getErrors()).hasSize(1);
        return result.getErrors().get(0);
    }

    private static Arguments failure(String name, Supplier<RuntimeException> failure, String code) {
        return Arguments.of(name, failure, code);
    }
}
