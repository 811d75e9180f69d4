package dev.concierge.personalization.segment;

import dev.concierge.personalization.segment.Rule.Op;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The type of an attribute's value, which decides the operators a rule may use on it and the values
 * it may compare with. Rule values are canonical: strings, {@link BigDecimal}s (see {@link
 * Trees#canonical}), {@link Instant}s and booleans.
 */
enum ValueKind {
    TEXT("a string", EnumSet.of(Op.EQ, Op.NE, Op.IN, Op.CONTAINS, Op.STARTS_WITH, Op.EXISTS)),
    NUMBER("a number", EnumSet.of(Op.EQ, Op.NE, Op.LT, Op.LTE, Op.GT, Op.GTE, Op.IN, Op.EXISTS)),
    INSTANT("a date or date-time", EnumSet.of(Op.EQ, Op.NE, Op.LT, Op.LTE, Op.GT, Op.GTE, Op.IN, Op.EXISTS)),
    /** A free-form attribute: the type is only known when evaluating. */
    ANY("a string, number or boolean", EnumSet.allOf(Op.class));

    private final String description;
    private final Set<Op> ops;

    ValueKind(String description, Set<Op> ops) {
        this.description = description;
        this.ops = ops;
    }

    String description() {
        return description;
    }

    boolean allows(Op op) {
        return ops.contains(op);
    }

    String opNames() {
        StringJoiner names = new StringJoiner(", ");
        for (Op op : ops) {
            names.add(op.jsonName());
        }
        return names.toString();
    }

    /** What one compared value must be for this attribute and operator. */
    ValueKind operand(Op op) {
        if (this != ANY) {
            return this;
        }
        if (op.ordering()) {
            return NUMBER;
        }
        return op == Op.CONTAINS || op == Op.STARTS_WITH ? TEXT : ANY;
    }

    /**
     * The canonical form of a rule's value for this attribute and operator: a boolean for {@code
     * exists} (true when absent), an immutable non-empty list for {@code in}, else one value.
     */
    Object canonicalValue(Op op, @Nullable Object value) {
        if (op == Op.EXISTS) {
            if (value == null) {
                return Boolean.TRUE;
            }
            if (!(value instanceof Boolean)) {
                throw new InvalidRuleException(
                        "value", "exists takes no value or a boolean, found " + Trees.describe(value));
            }
            return value;
        }
        if (value == null) {
            throw new InvalidRuleException("value", "is required for " + op.jsonName());
        }
        ValueKind operand = operand(op);
        if (op == Op.IN) {
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                throw new InvalidRuleException(
                        "value",
                        "in needs a non-empty list of " + operand.plural() + ", found " + Trees.describe(value));
            }
            if (list.size() > SegmentRules.MAX_VALUES) {
                throw new InvalidRuleException(
                        "value", "may list at most " + SegmentRules.MAX_VALUES + " values, got " + list.size());
            }
            List<Object> values = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object element = operand.canonicalScalar("value[" + i + "]", op, list.get(i));
                values.add(element);
            }
            return List.copyOf(values);
        }
        return operand.canonicalScalar("value", op, value);
    }

    /** One value as the rule keeps it, or an error naming {@code param}. */
    Object canonicalScalar(String param, Op op, @Nullable Object value) {
        if (value instanceof String text && (this == TEXT || this == ANY)) {
            if (text.length() > SegmentRules.MAX_TEXT_LENGTH) {
                throw new InvalidRuleException(
                        param,
                        "must be at most " + SegmentRules.MAX_TEXT_LENGTH + " characters long, got " + text.length());
            }
            if (text.isEmpty() && (op == Op.CONTAINS || op == Op.STARTS_WITH)) {
                throw new InvalidRuleException(param, op.jsonName() + " needs a non-empty string");
            }
            return text;
        }
        if (value instanceof Number number && (this == NUMBER || this == ANY)) {
            BigDecimal decimal = decimal(number);
            if (decimal == null) {
                throw new InvalidRuleException(param, "expected a finite number, found " + Trees.describe(value));
            }
            return Checks.decimal(param, decimal);
        }
        if (value instanceof Boolean && this == ANY) {
            return value;
        }
        if (value instanceof Instant && this == INSTANT) {
            return value;
        }
        throw new InvalidRuleException(param, "expected " + description + ", found " + Trees.describe(value));
    }

    private String plural() {
        return switch (this) {
            case TEXT -> "strings";
            case NUMBER -> "numbers";
            case INSTANT -> "dates or date-times";
            case ANY -> "strings, numbers or booleans";
        };
    }

    /** A number as a decimal, or null when it has none (NaN, infinities, unknown kinds of number). */
    static @Nullable BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            // Float via its own decimal string, so that 0.1f stays 0.1.
            return Double.isFinite(value)
                    ? (number instanceof Float ? new BigDecimal(number.toString()) : BigDecimal.valueOf(value))
                    : null;
        }
        return null;
    }
}
