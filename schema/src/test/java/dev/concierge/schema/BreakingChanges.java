package dev.concierge.schema;

import static graphql.schema.GraphQLTypeUtil.isNonNull;
import static graphql.schema.GraphQLTypeUtil.simplePrint;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputValueDefinition;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The changes from a baseline schema to the current one that can break a client written against
 * the baseline: a type, field, argument, input field, enum value or union member removed; a type's
 * kind, a field's type or an input's type changed; a new required argument or input field on an
 * existing field or input type. Additions a client can ignore are not reported.
 */
final class BreakingChanges {

    private final List<String> found = new ArrayList<>();

    private BreakingChanges() {}

    static List<String> between(GraphQLSchema baseline, GraphQLSchema current) {
        BreakingChanges changes = new BreakingChanges();
        for (GraphQLNamedType old : baseline.getAllTypesAsList()) {
            if (!old.getName().startsWith("__")) {
                changes.compare(old, current.getTypeMap().get(old.getName()));
            }
        }
        return List.copyOf(changes.found);
    }

    private void compare(GraphQLNamedType old, GraphQLNamedType now) {
        String name = old.getName();
        if (now == null) {
            found.add("type " + name + " was removed");
        } else if (now.getClass() != old.getClass()) {
            found.add("type " + name + " changed kind from " + kind(old) + " to " + kind(now));
        } else if (old instanceof GraphQLFieldsContainer oldType) {
            compareFields(oldType, (GraphQLFieldsContainer) now);
        } else if (old instanceof GraphQLInputObjectType oldInput) {
            compareInputs(
                    field -> "input field " + name + "." + field,
                    oldInput.getFields(),
                    ((GraphQLInputObjectType) now).getFields());
        } else if (old instanceof GraphQLEnumType oldEnum) {
            for (GraphQLEnumValueDefinition value : oldEnum.getValues()) {
                if (((GraphQLEnumType) now).getValue(value.getName()) == null) {
                    found.add("enum value " + name + "." + value.getName() + " was removed");
                }
            }
        } else if (old instanceof GraphQLUnionType oldUnion) {
            List<String> members = ((GraphQLUnionType) now)
                    .getTypes().stream().map(GraphQLNamedOutputType::getName).toList();
            for (GraphQLNamedOutputType member : oldUnion.getTypes()) {
                if (!members.contains(member.getName())) {
                    found.add("union member " + name + "." + member.getName() + " was removed");
                }
            }
        }
    }

    private void compareFields(GraphQLFieldsContainer old, GraphQLFieldsContainer now) {
        for (GraphQLFieldDefinition oldField : old.getFieldDefinitions()) {
            String path = old.getName() + "." + oldField.getName();
            GraphQLFieldDefinition newField = now.getFieldDefinition(oldField.getName());
            if (newField == null) {
                found.add("field " + path + " was removed");
                continue;
            }
            if (!simplePrint(oldField.getType()).equals(simplePrint(newField.getType()))) {
                found.add("field " + path + " changed type from " + simplePrint(oldField.getType()) + " to "
                        + simplePrint(newField.getType()));
            }
            compareInputs(
                    argument -> "argument " + path + "(" + argument + ")",
                    oldField.getArguments(),
                    newField.getArguments());
        }
    }

    /** Arguments of a field, or fields of an input type: none removed or retyped, no new required one. */
    private void compareInputs(
            UnaryOperator<String> path,
            List<? extends GraphQLInputValueDefinition> old,
            List<? extends GraphQLInputValueDefinition> now) {
        Map<String, GraphQLInputValueDefinition> added = new LinkedHashMap<>();
        now.forEach(input -> added.put(input.getName(), input));
        for (GraphQLInputValueDefinition oldInput : old) {
            GraphQLInputValueDefinition newInput = added.remove(oldInput.getName());
            if (newInput == null) {
                found.add(path.apply(oldInput.getName()) + " was removed");
            } else if (!simplePrint(oldInput.getType()).equals(simplePrint(newInput.getType()))) {
                found.add(path.apply(oldInput.getName()) + " changed type from " + simplePrint(oldInput.getType())
                        + " to " + simplePrint(newInput.getType()));
            }
        }
        for (GraphQLInputValueDefinition input : added.values()) {
            if (isNonNull(input.getType()) && !hasDefault(input)) {
                found.add("new required " + path.apply(input.getName()) + " (non-null without a default)");
            }
        }
    }

    private static boolean hasDefault(GraphQLInputValueDefinition input) {
        return input instanceof GraphQLArgument argument
                ? argument.hasSetDefaultValue()
                : ((GraphQLInputObjectField) input).hasSetDefaultValue();
    }

    private static String kind(GraphQLNamedType type) {
        return type.getClass().getSimpleName().replace("GraphQL", "");
    }
}
