package dev.concierge.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code JSON} scalar: any JSON value, carried as plain Java values (maps, lists, strings,
 * numbers, booleans and null). Segment rules and content fields travel in it; their own validators
 * say what shape they need.
 */
final class JsonScalar implements Coercing<Object, Object> {

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
            .name("JSON")
            .description("Any JSON value")
            .coercing(new JsonScalar())
            .build();

    /** Nesting deeper than this is refused: rules and content fields are shallow. */
    static final int MAX_DEPTH = 32;

    private JsonScalar() {}

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) {
        if (plain(value, 0)) {
            return value;
        }
        throw new CoercingSerializeException(
                "Cannot serialize " + value.getClass().getSimpleName() + " as JSON");
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        if (plain(input, 0)) {
            return input;
        }
        throw new CoercingParseValueException("Expected a JSON value nested at most " + MAX_DEPTH + " deep");
    }

    @Override
    public @Nullable Object parseLiteral(
            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        return literal(input, variables, 0);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return toLiteral(input);
    }

    private static boolean plain(@Nullable Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String) || !plain(entry.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!plain(item, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static @Nullable Object literal(Value<?> input, CoercedVariables variables, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CoercingParseLiteralException("JSON nested more than " + MAX_DEPTH + " deep");
        }
        if (input instanceof NullValue) {
            return null;
        }
        if (input instanceof StringValue text) {
            return text.getValue();
        }
        if (input instanceof IntValue number) {
            BigInteger value = number.getValue();
            return value.bitLength() < 64 ? (Object) value.longValue() : new BigDecimal(value);
        }
        if (input instanceof FloatValue number) {
            return number.getValue();
        }
        if (input instanceof BooleanValue bool) {
            return bool.isValue();
        }
        if (input instanceof EnumValue name) {
            return name.getName();
        }
        if (input instanceof VariableReference reference) {
            return variables.get(reference.getName());
        }
        if (input instanceof ArrayValue array) {
            List<Object> list = new ArrayList<>(array.getValues().size());
            for (Value<?> item : array.getValues()) {
                list.add(literal(item, variables, depth + 1));
            }
            return list;
        }
        if (input instanceof ObjectValue object) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (ObjectField field : object.getObjectFields()) {
                map.put(field.getName(), literal(field.getValue(), variables, depth + 1));
            }
            return map;
        }
        throw new CoercingParseLiteralException("Not a JSON value: " + input);
    }

    private static Value<?> toLiteral(@Nullable Object value) {
        if (value == null) {
            return NullValue.of();
        }
        if (value instanceof String text) {
            return StringValue.of(text);
        }
        if (value instanceof Boolean bool) {
            return BooleanValue.of(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return new IntValue(new BigInteger(value.toString()));
        }
        if (value instanceof Number number) {
            return new FloatValue(new BigDecimal(number.toString()));
        }
        if (value instanceof Map<?, ?> map) {
            List<ObjectField> fields = new ArrayList<>(map.size());
            map.forEach((key, item) -> fields.add(new ObjectField(key.toString(), toLiteral(item))));
            return ObjectValue.newObjectValue().objectFields(fields).build();
        }
        if (value instanceof List<?> list) {
            ArrayValue.Builder array = ArrayValue.newArrayValue();
            for (Object item : list) {
                array.value(toLiteral(item));
            }
            return array.build();
        }
        throw new CoercingSerializeException("Cannot write " + value.getClass().getSimpleName() + " as JSON");
    }
}
