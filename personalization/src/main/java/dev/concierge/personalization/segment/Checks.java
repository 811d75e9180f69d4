package dev.concierge.personalization.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the rule records; each failure names the JSON parameter. */
final class Checks {

    private Checks() {}

    static int between(String param, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidRuleException(param, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A day window; the rules over daily rows say why their maximum is lower. */
    static int window(String param, int days, int max) {
        if (days < 1 || days > max) {
            String why = max == SegmentRules.MAX_DAILY_WINDOW_DAYS
                    ? " (the snapshot keeps " + (max + 1) + " days of daily rows)"
                    : "";
            throw new InvalidRuleException(param, "must be between 1 and " + max + " days" + why + ", got " + days);
        }
        return days;
    }

    static @Nullable Integer optionalWindow(String param, @Nullable Integer days, int max) {
        return days == null ? null : window(param, days, max);
    }

    static String text(String param, String value) {
        if (value.isBlank()) {
            throw new InvalidRuleException(param, "must not be blank");
        }
        if (value.length() > SegmentRules.MAX_TEXT_LENGTH) {
            throw new InvalidRuleException(
                    param,
                    "must be at most " + SegmentRules.MAX_TEXT_LENGTH + " characters long, got " + value.length());
        }
        return value;
    }

    /** A non-empty, immutable set of enum constants, iterated in declaration order. */
    static <E extends Enum<E>> Set<E> constants(String param, Class<E> type, Collection<E> values) {
        if (values.isEmpty()) {
            throw new InvalidRuleException(param, "must list at least one value");
        }
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }

    /** Distinct non-blank strings in lower case, in the given order. */
    static List<String> lowerCaseTexts(String param, List<String> values) {
        if (values.isEmpty()) {
            throw new InvalidRuleException(param, "must list at least one value");
        }
        if (values.size() > SegmentRules.MAX_VALUES) {
            throw new InvalidRuleException(
                    param, "may list at most " + SegmentRules.MAX_VALUES + " values, got " + values.size());
        }
        List<String> distinct = new ArrayList<>(values.size());
        for (String value : values) {
            String lower = text(param, value).toLowerCase(Locale.ROOT);
            if (!distinct.contains(lower)) {
                distinct.add(lower);
            }
        }
        return List.copyOf(distinct);
    }

    static BigDecimal decimal(String param, BigDecimal value) {
        BigDecimal canonical = Trees.canonical(value);
        if (canonical == null) {
            throw new InvalidRuleException(param, Trees.DECIMAL_LIMITS + ", got " + value);
        }
        return canonical;
    }
}
