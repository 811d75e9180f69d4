package dev.concierge.api.limits;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Refuses an operation that passes a shape limit before graphql-java validates it: validation's
 * cost grows with the document's size (overlapping fields are compared pairwise), so an alias or
 * fragment bomb must be stopped first.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

    private final LimitsProperties limits;

    QueryLimits(LimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, InstrumentationState state) {
        QueryShape.Excess excess = QueryShape.check(
                limits,
                parameters.getSchema(),
                parameters.getDocument(),
                parameters.getOperation(),
                parameters.getVariables() == null ? Map.of() : parameters.getVariables());
        if (excess != null) {
            throw new AbortExecutionException(List.of(error(excess.code(), excess.message())));
        }
        return super.beginValidation(parameters, state);
    }

    static GraphQLError error(String code, String message) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(Classification.LIMIT_EXCEEDED)
                .extensions(Map.of("code", code))
                .build();
    }

    /** The classification of refused requests. */
    enum Classification implements ErrorClassification {
        LIMIT_EXCEEDED
    }
}
