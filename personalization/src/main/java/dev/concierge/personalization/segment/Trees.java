package dev.concierge.personalization.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Building the canonical generic tree (what Jackson reads JSON into) and canonical numbers. */
final class Trees {

    /** Integer digits a decimal may have: well past any amount or count, and cheap to compare. */
    static final int MAX_INTEGER_DIGITS = 19;

    static final int MAX_FRACTION_DIGITS = 18;

    static final String DECIMAL_LIMITS = "must have at most " + MAX_INTEGER_DIGITS + " digits before the point and "
            + MAX_FRACTION_DIGITS + " after it";

    private Trees() {}

    /** A one-key object, as every rule node is. */
    static Map<String, Object> node(String key, Object value) {
        Map<String, Object> node = new LinkedHashMap<>(2);
        node.put(key, value);
        return node;
    }

    static Map<String, Object> params() {
        return new LinkedHashMap<>();
    }

    static List<Object> ruleList(List<Rule> rules) {
        List<Object> list = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            list.add(rule.toTree());
        }
        return list;
    }

    static List<Object> names(Collection<? extends Enum<?>> constants) {
        List<Object> list = new ArrayList<>(constants.size());
        for (Enum<?> constant : constants) {
            list.add(constant.name());
        }
        return list;
    }

    /** A canonical decimal as a tree number: a {@code Long} when whole, else the {@code BigDecimal}. */
    static Object number(BigDecimal canonical) {
        if (canonical.scale() == 0 && canonical.precision() <= 18) {
            return canonical.longValue();
        }
        return canonical;
    }

    static Object number(double value) {
        BigDecimal canonical = canonical(BigDecimal.valueOf(value));
        return canonical == null ? BigDecimal.valueOf(value) : number(canonical);
    }

    /**
     * The one representation of a decimal's value: no trailing zeros and never a negative scale, so
     * that equal values are equal records. Null when the value is out of the limits, which also keeps
     * values such as {@code 1e999999999} from being expanded.
     */
    static @Nullable BigDecimal canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_FRACTION_DIGITS) {
            return null;
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** How an error message shows a value it did not expect. */
    static String describe(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Instant) {
            return "the instant " + value;
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
