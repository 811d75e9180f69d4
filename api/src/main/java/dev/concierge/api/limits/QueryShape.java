package dev.concierge.api.limits;

import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnmodifiedType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Measures an operation before it is validated or run: depth, cost, aliases and root fields, with
 * fragments expanded. The walk stops as soon as a limit is passed, so that a fragment bomb (each
 * fragment spreading the next twice) costs the server no more than the limit; a fragment cycle is
 * not followed (validation reports it).
 */
final class QueryShape {

    /** Which limit an operation passed, with the figure that passed it. */
    record Excess(String code, String message) {}

    private final LimitsProperties limits;
    private final GraphQLSchema schema;
    private final Map<String, Object> variables;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();
    private int depth;
    private long cost;
    private int aliases;
    private @Nullable Excess excess;

    private QueryShape(LimitsProperties limits, GraphQLSchema schema, Map<String, Object> variables) {
        this.limits = limits;
        this.schema = schema;
        this.variables = variables;
    }

    /** The first limit the operation passes, or null when it keeps within all of them. */
    static @Nullable Excess check(
            LimitsProperties limits,
            GraphQLSchema schema,
            Document document,
            @Nullable String operationName,
            Map<String, Object> variables) {
        QueryShape shape = new QueryShape(limits, schema, variables);
        OperationDefinition operation = null;
        int operations = 0;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                shape.fragments.put(fragment.getName(), fragment);
            } else if (definition instanceof OperationDefinition candidate) {
                operations++;
                if (operationName == null ? operation == null : operationName.equals(candidate.getName())) {
                    operation = candidate;
                }
            }
        }
        if (operation == null || (operationName == null && operations > 1)) {
            return null; // validation or execution says what is wrong
        }
        GraphQLFieldsContainer root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        int rootFields = shape.countRootFields(operation.getSelectionSet());
        if (rootFields > limits.maxRootFields()) {
            return new Excess(
                    "TOO_MANY_ROOT_FIELDS",
                    "The operation asks for " + rootFields + " top-level fields; the limit is "
                            + limits.maxRootFields());
        }
        shape.selections(operation.getSelectionSet(), root, 1, null);
        return shape.excess;
    }

    private int countRootFields(SelectionSet selections) {
        int count = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field) {
                count++;
            } else if (selection instanceof InlineFragment inline) {
                count += countRootFields(inline.getSelectionSet());
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null && expanding.add(fragment.getName())) {
                    count += countRootFields(fragment.getSelectionSet());
                    expanding.remove(fragment.getName());
                }
            }
            if (count > limits.maxRootFields()) {
                return count;
            }
        }
        return count;
    }

    /** The cost of a selection set under {@code parent}; fields at {@code level} deep. */
    private long selections(
            @Nullable SelectionSet selections,
            @Nullable GraphQLType parent,
            int level,
            @Nullable Integer inheritedSize) {
        if (selections == null) {
            return 0;
        }
        long total = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (excess != null) {
                return total;
            }
            if (selection instanceof Field field) {
                total += field(field, parent, level, inheritedSize);
            } else if (selection instanceof InlineFragment inline) {
                GraphQLType type = inline.getTypeCondition() == null
                        ? parent
                        : schema.getType(inline.getTypeCondition().getName());
                total += selections(inline.getSelectionSet(), type, level, inheritedSize);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null && expanding.add(fragment.getName())) {
                    GraphQLType type =
                            schema.getType(fragment.getTypeCondition().getName());
                    total += selections(fragment.getSelectionSet(), type, level, inheritedSize);
                    expanding.remove(fragment.getName());
                }
            }
        }
        return total;
    }

    private long field(Field field, @Nullable GraphQLType parent, int level, @Nullable Integer inheritedSize) {
        if (field.getName().startsWith("__")) {
            return 0; // introspection: bounded by the schema, and off in prod
        }
        if (field.getAlias() != null && ++aliases > limits.maxAliases()) {
            excess = new Excess(
                    "TOO_MANY_ALIASES",
                    "The document uses more than " + limits.maxAliases() + " aliases, fragments expanded");
            return 0;
        }
        if (level > depth) {
            depth = level;
            if (depth > limits.maxDepth()) {
                excess = new Excess(
                        "QUERY_TOO_DEEP",
                        "The query nests fields " + depth + " deep; the limit is " + limits.maxDepth());
                return 0;
            }
        }
        // one for the field itself, counted before its selections, so that the walk ends early
        if (++cost > limits.maxComplexity()) {
            return tooCostly();
        }
        GraphQLFieldDefinition definition = parent instanceof GraphQLFieldsContainer container
                ? container.getFieldDefinition(field.getName())
                : null;
        if (definition == null) {
            return 1; // unknown here: validation reports it
        }
        Integer first = first(field);
        GraphQLType type = definition.getType();
        if (type instanceof GraphQLNonNull nonNull) {
            type = nonNull.getWrappedType();
        }
        long size = 1;
        if (type instanceof GraphQLList) {
            size = first != null ? first : inheritedSize != null ? inheritedSize : limits.defaultListSize();
        }
        GraphQLUnmodifiedType named = graphql.schema.GraphQLTypeUtil.unwrapAll(type);
        long children = selections(field.getSelectionSet(), named, level + 1, first);
        long extra = Math.multiplyExact(Math.max(size, 0), children);
        cost += extra - children; // the children were counted once while walking
        if (cost > limits.maxComplexity()) {
            return tooCostly();
        }
        return 1 + extra;
    }

    private long tooCostly() {
        if (excess == null) {
            excess = new Excess(
                    "QUERY_TOO_COMPLEX",
                    "The query would cost more than " + limits.maxComplexity()
                            + " (1 per field, list selections times their `first`)");
        }
        return 0;
    }

    /** The field's {@code first} argument as a literal or a variable, when it has one. */
    private @Nullable Integer first(Field field) {
        for (Argument argument : field.getArguments()) {
            if (!argument.getName().equals("first")) {
                continue;
            }
            Object value = argument.getValue() instanceof VariableReference reference
                    ? variables.get(reference.getName())
                    : argument.getValue() instanceof IntValue literal ? literal.getValue() : null;
            if (value instanceof Number number) {
                long size = number.longValue();
                return (int) Math.max(0, Math.min(size, limits.maxListSize()));
            }
        }
        return null;
    }
}
