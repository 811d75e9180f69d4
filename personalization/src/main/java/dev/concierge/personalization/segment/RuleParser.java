package dev.concierge.personalization.segment;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.CustomerSnapshot.OpenServiceOrder;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import dev.concierge.personalization.segment.Rule.Attribute.Field;
import dev.concierge.personalization.segment.Rule.Op;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** One parse of a rule tree: walks it depth first, counting nodes, and builds the records. */
final class RuleParser {

    static final List<String> PREDICATES = List.of(
            "attribute",
            "loyaltyTier",
            "birthdayWithin",
            "anniversaryWithin",
            "purchased",
            "browsed",
            "spend",
            "openServiceOrder",
            "channel",
            "device",
            "nearStore",
            "newCustomer",
            "returningCustomer",
            "lastPurchase");

    /** The statuses {@code openServiceOrder} accepts, in declaration order. */
    private static final ServiceOrderStatus[] OPEN_STATUSES =
            Rule.HasOpenServiceOrder.OPEN_STATUSES.toArray(new ServiceOrderStatus[0]);

    private int nodes;

    Rule rule(@Nullable Object tree, String path, int depth) {
        if (depth > SegmentRules.MAX_DEPTH) {
            throw ConciergeException.badInput(
                    path, "rules may nest at most " + SegmentRules.MAX_DEPTH + " levels deep; this one is deeper");
        }
        if (++nodes > SegmentRules.MAX_NODES) {
            throw ConciergeException.badInput(
                    path, "a rule may have at most " + SegmentRules.MAX_NODES + " nodes; this is one more");
        }
        if (!(tree instanceof Map<?, ?> node)) {
            throw ConciergeException.badInput(
                    path,
                    "expected a rule: an object with one key (all, any, not or a predicate), found "
                            + Trees.describe(tree));
        }
        if (node.size() != 1) {
            throw ConciergeException.badInput(
                    path,
                    "expected an object with exactly one key (all, any, not or a predicate), found "
                            + (node.isEmpty() ? "none" : node.size() + " keys: " + keys(node)));
        }
        Map.Entry<?, ?> entry = node.entrySet().iterator().next();
        String key = String.valueOf(entry.getKey());
        Object value = entry.getValue();
        String at = path + "." + key;
        return switch (key) {
            case "all" -> build(path, () -> new Rule.All(children(value, at, depth)));
            case "any" -> build(path, () -> new Rule.Any(children(value, at, depth)));
            case "not" -> new Rule.Not(rule(value, at, depth + 1));
            default -> predicate(key, value, at);
        };
    }

    private List<Rule> children(@Nullable Object value, String path, int depth) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw ConciergeException.badInput(
                    path, "expected a non-empty list of rules, found " + Trees.describe(value));
        }
        if (list.size() > SegmentRules.MAX_CHILDREN) {
            throw ConciergeException.badInput(
                    path, "may list at most " + SegmentRules.MAX_CHILDREN + " rules, found " + list.size());
        }
        List<Rule> rules = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            rules.add(rule(list.get(i), path + "[" + i + "]", depth + 1));
        }
        return rules;
    }

    private Rule predicate(String name, @Nullable Object value, String path) {
        return switch (name) {
            case "attribute" -> attribute(Params.of(value, path, "name", "op", "value"));
            case "loyaltyTier" -> loyaltyTier(Params.of(value, path, "in", "atLeast"));
            case "birthdayWithin" -> {
                Params params = Params.of(value, path, "days", "pastDays");
                yield build(path, () -> new Rule.BirthdayWithin(params.wholeNumber("days"), pastDays(params)));
            }
            case "anniversaryWithin" -> {
                Params params = Params.of(value, path, "days", "pastDays");
                yield build(path, () -> new Rule.AnniversaryWithin(params.wholeNumber("days"), pastDays(params)));
            }
            case "purchased" -> purchased(Params.of(value, path, "sku", "category", "withinDays"));
            case "browsed" -> {
                Params params = Params.of(value, path, "category", "atLeast", "withinDays", "eventTypes");
                yield build(
                        path,
                        () -> new Rule.Browsed(
                                params.constant("category", ProductCategory.values()),
                                params.has("atLeast") ? params.wholeNumber("atLeast") : 1,
                                params.wholeNumber("withinDays"),
                                params.has("eventTypes")
                                        ? params.constants("eventTypes", EventType.class, EventType.values())
                                        : EnumSet.allOf(EventType.class)));
            }
            case "spend" -> {
                Params params = Params.of(value, path, "op", "amount", "withinDays");
                yield build(
                        path,
                        () -> new Rule.Spend(
                                params.op("op", Op.GTE, Op.GT, Op.LTE, Op.LT),
                                params.amount("amount"),
                                params.optionalWholeNumber("withinDays")));
            }
            case "openServiceOrder" -> {
                Params params = Params.of(value, path, "status", "kind");
                yield build(
                        path,
                        () -> new Rule.HasOpenServiceOrder(
                                params.has("status")
                                        ? params.constants("status", ServiceOrderStatus.class, OPEN_STATUSES)
                                        : Rule.HasOpenServiceOrder.OPEN_STATUSES,
                                params.has("kind") ? params.constant("kind", OpenServiceOrder.Kind.values()) : null));
            }
            case "channel" -> {
                Params params = Params.of(value, path, "in");
                yield build(path, () -> new Rule.ChannelIn(params.constants("in", Channel.class, Channel.values())));
            }
            case "device" -> {
                Params params = Params.of(value, path, "in");
                yield build(path, () -> new Rule.DeviceIn(params.texts("in")));
            }
            case "nearStore" -> {
                Params params = Params.of(value, path, "withinKm", "store");
                yield build(
                        path,
                        () -> new Rule.NearStore(
                                params.number("withinKm").doubleValue(), params.optionalText("store")));
            }
            case "newCustomer" -> {
                Params params = Params.of(value, path, "joinedWithinDays");
                yield build(path, () -> new Rule.NewCustomer(params.wholeNumber("joinedWithinDays")));
            }
            case "returningCustomer" -> {
                Params params = Params.of(value, path, "minPurchases");
                yield build(
                        path,
                        () -> new Rule.ReturningCustomer(
                                params.has("minPurchases")
                                        ? params.wholeNumber("minPurchases")
                                        : Rule.ReturningCustomer.DEFAULT_MIN_PURCHASES));
            }
            case "lastPurchase" -> {
                Params params = Params.of(value, path, "olderThanDays");
                yield build(path, () -> new Rule.LastPurchase(params.wholeNumber("olderThanDays")));
            }
            default ->
                throw ConciergeException.badInput(
                        path,
                        "unknown predicate '" + name + "'; expected all, any, not or one of "
                                + String.join(", ", PREDICATES));
        };
    }

    private static int pastDays(Params params) {
        return params.has("pastDays") ? params.wholeNumber("pastDays") : 0;
    }

    private static Rule attribute(Params params) {
        String name = params.text("name");
        Op op = params.op("op", Op.values());
        if (name.startsWith(Rule.CustomAttribute.PREFIX)) {
            String key = name.substring(Rule.CustomAttribute.PREFIX.length());
            Object value = params.has("value") ? params.attributeValue(ValueKind.ANY, op) : null;
            return build(params.path(), () -> new Rule.CustomAttribute(key, op, value));
        }
        Field field = null;
        for (Field candidate : Field.values()) {
            if (candidate.jsonName().equals(name)) {
                field = candidate;
            }
        }
        if (field == null) {
            StringJoiner known = new StringJoiner(", ");
            for (Field candidate : Field.values()) {
                known.add(candidate.jsonName());
            }
            throw ConciergeException.badInput(
                    params.path("name"),
                    "unknown attribute '" + name + "'; expected one of " + known + " or " + Rule.CustomAttribute.PREFIX
                            + "<key>");
        }
        if (!field.kind().allows(op)) {
            throw ConciergeException.badInput(
                    params.path("op"),
                    name + " is " + field.kind().description() + ", so op must be one of "
                            + field.kind().opNames() + "; got " + op.jsonName());
        }
        Field known = field;
        Object value = params.has("value") ? params.attributeValue(field.kind(), op) : null;
        return build(params.path(), () -> new Rule.Attribute(known, op, value));
    }

    private static Rule loyaltyTier(Params params) {
        if (params.has("in") == params.has("atLeast")) {
            throw ConciergeException.badInput(
                    params.path(),
                    "expected exactly one of 'in' or 'atLeast', found " + (params.has("in") ? "both" : "neither"));
        }
        if (params.has("in")) {
            return build(
                    params.path(),
                    () -> new Rule.TierIn(params.constants("in", LoyaltyTier.class, LoyaltyTier.values())));
        }
        return new Rule.TierAtLeast(params.constant("atLeast", LoyaltyTier.values()));
    }

    private static Rule purchased(Params params) {
        if (params.has("sku") == params.has("category")) {
            throw ConciergeException.badInput(
                    params.path(),
                    "expected exactly one of 'sku' or 'category', found " + (params.has("sku") ? "both" : "neither"));
        }
        if (params.has("sku")) {
            return build(
                    params.path(),
                    () -> new Rule.PurchasedSku(params.text("sku"), params.optionalWholeNumber("withinDays")));
        }
        return build(
                params.path(),
                () -> new Rule.PurchasedCategory(
                        params.constant("category", ProductCategory.values()),
                        params.optionalWholeNumber("withinDays")));
    }

    /** Builds a record, reporting its argument errors at {@code path.<param>}. */
    private static Rule build(String path, Supplier<Rule> rule) {
        try {
            return rule.get();
        } catch (InvalidRuleException e) {
            throw ConciergeException.badInput(path + "." + e.param(), e.problem());
        }
    }

    private static String keys(Map<?, ?> node) {
        StringJoiner keys = new StringJoiner(", ");
        for (Object key : node.keySet()) {
            keys.add(String.valueOf(key));
        }
        return keys.toString();
    }

    /** A predicate's parameters, read with errors at their paths. Absent and {@code null} are alike. */
    static final class Params {

        private final Map<?, ?> map;
        private final String path;

        private Params(Map<?, ?> map, String path) {
            this.map = map;
            this.path = path;
        }

        static Params of(@Nullable Object value, String path, String... known) {
            if (!(value instanceof Map<?, ?> map)) {
                throw ConciergeException.badInput(
                        path, "expected an object of parameters, found " + Trees.describe(value));
            }
            for (Object key : map.keySet()) {
                if (!Arrays.asList(known).contains(key)) {
                    throw ConciergeException.badInput(
                            path + "." + key, "unknown parameter '" + key + "'; expected " + String.join(", ", known));
                }
            }
            return new Params(map, path);
        }

        String path() {
            return path;
        }

        String path(String key) {
            return path + "." + key;
        }

        boolean has(String key) {
            return map.get(key) != null;
        }

        private Object required(String key) {
            Object value = map.get(key);
            if (value == null) {
                throw ConciergeException.badInput(path(key), "is required");
            }
            return value;
        }

        String text(String key) {
            return RuleParser.string(required(key), path(key));
        }

        @Nullable
        String optionalText(String key) {
            return has(key) ? text(key) : null;
        }

        List<String> texts(String key) {
            List<?> list = list(key);
            List<String> texts = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                texts.add(RuleParser.string(list.get(i), path(key) + "[" + i + "]"));
            }
            return texts;
        }

        int wholeNumber(String key) {
            return RuleParser.wholeNumber(required(key), path(key));
        }

        @Nullable
        Integer optionalWholeNumber(String key) {
            return has(key) ? wholeNumber(key) : null;
        }

        BigDecimal number(String key) {
            return RuleParser.decimal(required(key), path(key));
        }

        /** A number or a decimal string, as money often travels as a string to keep its precision. */
        BigDecimal amount(String key) {
            Object value = required(key);
            if (value instanceof String text) {
                try {
                    return RuleParser.decimal(new BigDecimal(text.strip()), path(key));
                } catch (NumberFormatException e) {
                    throw ConciergeException.badInput(
                            path(key), "expected a number or a decimal string, found " + Trees.describe(value));
                }
            }
            if (!(value instanceof Number)) {
                throw ConciergeException.badInput(
                        path(key), "expected a number or a decimal string, found " + Trees.describe(value));
            }
            return RuleParser.decimal(value, path(key));
        }

        Op op(String key, Op... allowed) {
            Object value = required(key);
            StringJoiner names = new StringJoiner(", ");
            for (Op op : allowed) {
                if (op.jsonName().equals(value)) {
                    return op;
                }
                names.add(op.jsonName());
            }
            throw ConciergeException.badInput(
                    path(key), "expected one of " + names + ", found " + Trees.describe(value));
        }

        <E extends Enum<E>> E constant(String key, E[] allowed) {
            return RuleParser.constant(required(key), path(key), allowed);
        }

        <E extends Enum<E>> Set<E> constants(String key, Class<E> type, E[] allowed) {
            List<?> list = list(key);
            Set<E> constants = EnumSet.noneOf(type);
            for (int i = 0; i < list.size(); i++) {
                constants.add(RuleParser.constant(list.get(i), path(key) + "[" + i + "]", allowed));
            }
            return constants;
        }

        /** The rule's value for an attribute of this kind: strings become instants for dates. */
        @Nullable
        Object attributeValue(ValueKind kind, Op op) {
            Object value = required("value");
            if (kind != ValueKind.INSTANT) {
                return value;
            }
            if (op == Op.IN) {
                if (!(value instanceof List<?> list)) {
                    return value; // the rule says what in needs
                }
                List<Object> instants = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    instants.add(RuleParser.instant(list.get(i), path("value") + "[" + i + "]"));
                }
                return instants;
            }
            return op == Op.EXISTS ? value : RuleParser.instant(value, path("value"));
        }

        private List<?> list(String key) {
            Object value = required(key);
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                throw ConciergeException.badInput(
                        path(key), "expected a non-empty list, found " + Trees.describe(value));
            }
            if (list.size() > SegmentRules.MAX_VALUES) {
                throw ConciergeException.badInput(
                        path(key), "may list at most " + SegmentRules.MAX_VALUES + " values, found " + list.size());
            }
            return list;
        }
    }

    private static String string(@Nullable Object value, String path) {
        if (!(value instanceof String text)) {
            throw ConciergeException.badInput(path, "expected a string, found " + Trees.describe(value));
        }
        return text;
    }

    private static int wholeNumber(@Nullable Object value, String path) {
        BigDecimal decimal = value instanceof Number number ? ValueKind.decimal(number) : null;
        if (decimal == null) {
            throw ConciergeException.badInput(path, "expected a whole number, found " + Trees.describe(value));
        }
        BigDecimal canonical = Trees.canonical(decimal);
        if (canonical == null || canonical.scale() > 0) {
            throw ConciergeException.badInput(path, "expected a whole number, found " + Trees.describe(value));
        }
        if (canonical.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || canonical.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw ConciergeException.badInput(path, "is out of range, found " + Trees.describe(value));
        }
        return canonical.intValue();
    }

    private static BigDecimal decimal(@Nullable Object value, String path) {
        BigDecimal decimal = value instanceof Number number ? ValueKind.decimal(number) : null;
        if (decimal == null) {
            throw ConciergeException.badInput(path, "expected a number, found " + Trees.describe(value));
        }
        BigDecimal canonical = Trees.canonical(decimal);
        if (canonical == null) {
            throw ConciergeException.badInput(path, Trees.DECIMAL_LIMITS + ", found " + Trees.describe(value));
        }
        return canonical;
    }

    private static <E extends Enum<E>> E constant(@Nullable Object value, String path, E[] allowed) {
        StringJoiner names = new StringJoiner(", ");
        for (E constant : allowed) {
            if (constant.name().equals(value)) {
                return constant;
            }
            names.add(constant.name());
        }
        throw ConciergeException.badInput(path, "expected one of " + names + ", found " + Trees.describe(value));
    }

    /** A date (its start in UTC) or a date-time with an offset, as an instant. */
    private static Instant instant(@Nullable Object value, String path) {
        if (value instanceof String text) {
            try {
                return text.length() == 10
                        ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw ConciergeException.badInput(
                path,
                "expected a date such as 2024-01-31 or a date-time such as 2024-01-31T09:00:00Z, found "
                        + Trees.describe(value));
    }
}
