package dev.concierge.api.observability;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.validation.ValidationError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A graphql-java instrumentation that tells {@link GraphQlMetrics} which operation a request runs:
 * its name and type, from the parsed document (before validation, so that requests failing
 * validation are attributed too). It writes into the {@link Operation} the interceptor put into
 * the request's {@link GraphQLContext}; requests without one (none reach here) are left alone.
 */
final class OperationCapture extends SimplePerformantInstrumentation {

    /** The operation of one request, as far as it is known; written once parsed. */
    static final class Operation {

        static final String KEY = Operation.class.getName();

        volatile @Nullable String name;
        volatile OperationDefinition.@Nullable Operation type;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(
            InstrumentationValidationParameters parameters, @Nullable InstrumentationState state) {
        Operation operation = operationOf(parameters.getExecutionInput());
        if (operation != null) {
            OperationDefinition definition = find(parameters.getDocument(), parameters.getOperation());
            if (definition != null) {
                operation.name = definition.getName();
                operation.type = definition.getOperation();
            }
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public @Nullable InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        Operation operation =
                parameters.getExecutionContext().getGraphQLContext().get(Operation.KEY);
        OperationDefinition definition = parameters.getExecutionContext().getOperationDefinition();
        if (operation != null && definition != null) {
            operation.name = definition.getName();
            operation.type = definition.getOperation();
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static @Nullable Operation operationOf(ExecutionInput input) {
        return input.getGraphQLContext().get(Operation.KEY);
    }

    /** The operation the request names, or its only one; null when that is ambiguous or unknown. */
    private static @Nullable OperationDefinition find(Document document, @Nullable String name) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (name == null || name.isEmpty()) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        for (OperationDefinition operation : operations) {
            if (name.equals(operation.getName())) {
                return operation;
            }
        }
        return null;
    }
}
