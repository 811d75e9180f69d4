package dev.concierge.api.persisted;

import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Records the root fields an operation actually ran (after fragments, {@code @skip} and {@code
 * @include}), into the {@link Fields} that {@link GetRequests} puts into the request's {@link
 * GraphQLContext}; requests without one (every POST) are left alone.
 */
final class TouchedFields extends SimplePerformantInstrumentation {

    /** The root fields one request ran. */
    static final class Fields {

        static final String KEY = Fields.class.getName();

        private final Set<String> names = ConcurrentHashMap.newKeySet();

        Set<String> names() {
            return Set.copyOf(names);
        }
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(
            InstrumentationFieldParameters parameters, @Nullable InstrumentationState state) {
        Fields fields = parameters.getExecutionContext().getGraphQLContext().get(Fields.KEY);
        if (fields != null && parameters.getExecutionStepInfo().getPath().getLevel() == 1) {
            fields.names.add(
                    parameters.getExecutionStepInfo().getFieldDefinition().getName());
        }
        return SimpleInstrumentationContext.noOp();
    }
}
