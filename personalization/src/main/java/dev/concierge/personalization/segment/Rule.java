package dev.concierge.personalization.segment;

import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A segment rule: an immutable tree of {@code all} / {@code any} / {@code not} over predicates about
 * the customer and the request. {@link SegmentRules#parse} reads and validates the JSON form (the
 * language is described there), {@link #toTree()} writes it back, and {@link EvaluateSegments}
 * evaluates it.
 *
 * <p>Each record checks its arguments as the parser does and throws an {@link
 * IllegalArgumentException} for a bad one, so that a rule built in code is as valid as a parsed one;
 * only the size limits ({@link SegmentRules#MAX_DEPTH}, {@link SegmentRules#MAX_NODES}) are left to
 * the parser.
 */
public sealed interface Rule {

    /**
     * The rule as a canonical generic JSON tree ({@code LinkedHashMap}, {@code ArrayList}, {@code
     * String}, {@code Integer}, {@code Long}, {@code BigDecimal}, {@code Boolean}), ready for Jackson
     * to write. Defaults are spelled out (or omitted where absence is the default), so that {@code
     * SegmentRules.parse(rule.toTree(), path)} equals the rule.
     */
    Object toTree();

    /**
     * Whether the rule reads the request context anywhere (channel, device or location): if not, the
     * customer's membership may be cached across requests.
     */
    default boolean dependsOnRequest() {
        return false;
    }

    /** Comparison operators; see {@link SegmentRules} for what each means on a missing attribute. */
    enum Op {
        EQ("eq"),
        NE("ne"),
        LT("lt"),
        LTE("lte"),
        GT("gt"),
        GTE("gte"),
        IN("in"),
        CONTAINS("contains"),
        STARTS_WITH("startsWith"),
        EXISTS("exists");

        private final String jsonName;

        Op(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The operator's name in the JSON form, e.g. {@code startsWith}. */
        public String jsonName() {
            return jsonName;
        }

        boolean ordering() {
            return this == LT || this == LTE || this == GT || this == GTE;
        }
    }

    /** Matches when every rule matches. */
    record All(List<Rule> rules) implements Rule {

        public All {
            rules = children("all", rules);
        }

        @Override
        public Object toTree() {
            return Trees.node("all", Trees.ruleList(rules));
        }

        @Override
        public boolean dependsOnRequest() {
            return anyDependsOnRequest(rules);
        }
    }

    /** Matches when at least one rule matches. */
    record Any(List<Rule> rules) implements Rule {

        public Any {
            rules = children("any", rules);
        }

        @Override
        public Object toTree() {
            return Trees.node("any", Trees.ruleList(rules));
        }

        @Override
        public boolean dependsOnRequest() {
            return anyDependsOnRequest(rules);
        }
    }

    /** Matches when the rule does not. */
    record Not(Rule rule) implements Rule {

        public Not {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public Object toTree() {
            return Trees.node("not", rule.toTree());
        }

        @Override
        public boolean dependsOnRequest() {
            return rule.dependsOnRequest();
        }
    }

    /**
     * Compares a built-in profile field ({@code "name": "loyaltyPoints"}). The value is a {@code
     * String}, a canonical {@code BigDecimal} or an {@code Instant} as the field's type says, an
     * immutable list of them for {@code in}, or a {@code Boolean} for {@code exists}.
     */
    record Attribute(Field field, Op op, Object value) implements Rule {

        public Attribute(Field field, Op op, @Nullable Object value) {
            this.field = Objects.requireNonNull(field, "field");
            this.op = Objects.requireNonNull(op, "op");
            if (!field.kind().allows(op)) {
                throw new InvalidRuleException(
                        "op",
                        field.jsonName() + " is " + field.kind().description() + ", so op must be one of "
                                + field.kind().opNames() + "; got " + op.jsonName());
            }
            this.value = field.kind().canonicalValue(op, value);
        }

        @Override
        public Object toTree() {
            return attributeTree(field.jsonName(), op, value);
        }

        /** The profile fields a rule may compare, by their JSON names. */
        public enum Field {
            FIRST_NAME("firstName", ValueKind.TEXT),
            LOCALE("locale", ValueKind.TEXT),
            HOME_STORE("homeStore", ValueKind.TEXT),
            LOYALTY_POINTS("loyaltyPoints", ValueKind.NUMBER),
            /** When the customer joined, compared as an instant. */
            MEMBER_SINCE("memberSince", ValueKind.INSTANT);

            private final String jsonName;
            private final ValueKind kind;

            Field(String jsonName, ValueKind kind) {
                this.jsonName = jsonName;
                this.kind = kind;
            }

            /** The field's name in the JSON form, e.g. {@code loyaltyPoints}. */
            public String jsonName() {
                return jsonName;
            }

            ValueKind kind() {
                return kind;
            }
        }
    }

    /**
     * Compares a free-form profile attribute ({@code "name": "attributes.<key>"}), whose type is only
     * known when evaluating: a value of another type than the rule's simply does not match.
     */
    record CustomAttribute(String key, Op op, Object value) implements Rule {

        /** The prefix that marks a free-form attribute's name in the JSON form. */
        public static final String PREFIX = "attributes.";

        public CustomAttribute(String key, Op op, @Nullable Object value) {
            this.key = Checks.text("name", key);
            this.op = Objects.requireNonNull(op, "op");
            this.value = ValueKind.ANY.canonicalValue(op, value);
        }

        @Override
        public Object toTree() {
            return attributeTree(PREFIX + key, op, value);
        }
    }

    /** The customer's loyalty tier is one of these. */
    record TierIn(Set<LoyaltyTier> tiers) implements Rule {

        public TierIn {
            tiers = Checks.constants("in", LoyaltyTier.class, tiers);
        }

        @Override
        public Object toTree() {
            return Trees.node("loyaltyTier", Trees.node("in", Trees.names(tiers)));
        }
    }

    /** The customer's loyalty tier is this one or a higher one. */
    record TierAtLeast(LoyaltyTier tier) implements Rule {

        public TierAtLeast {
            Objects.requireNonNull(tier, "atLeast");
        }

        @Override
        public Object toTree() {
            return Trees.node("loyaltyTier", Trees.node("atLeast", tier.name()));
        }
    }

    /**
     * The customer's birthday is fewer than {@code days} days away counting today, or was at most
     * {@code pastDays} days ago.
     */
    record BirthdayWithin(int days, int pastDays) implements Rule {

        public BirthdayWithin {
            Checks.between("days", days, 1, SegmentRules.MAX_OCCASION_DAYS);
            Checks.between("pastDays", pastDays, 0, SegmentRules.MAX_OCCASION_DAYS);
        }

        @Override
        public Object toTree() {
            return Trees.node("birthdayWithin", occasionParams(days, pastDays));
        }
    }

    /** As {@link BirthdayWithin}, for the customer's anniversary. */
    record AnniversaryWithin(int days, int pastDays) implements Rule {

        public AnniversaryWithin {
            Checks.between("days", days, 1, SegmentRules.MAX_OCCASION_DAYS);
            Checks.between("pastDays", pastDays, 0, SegmentRules.MAX_OCCASION_DAYS);
        }

        @Override
        public Object toTree() {
            return Trees.node("anniversaryWithin", occasionParams(days, pastDays));
        }
    }

    /** The customer bought the sku, within the last {@code withinDays} days or ever when null. */
    record PurchasedSku(String sku, @Nullable Integer withinDays) implements Rule {

        public PurchasedSku {
            Checks.text("sku", sku);
            Checks.optionalWindow("withinDays", withinDays, SegmentRules.MAX_WINDOW_DAYS);
        }

        @Override
        public Object toTree() {
            Map<String, Object> params = Trees.params();
            params.put("sku", sku);
            if (withinDays != null) {
                params.put("withinDays", withinDays);
            }
            return Trees.node("purchased", params);
        }
    }

    /** The customer bought in the category, within the last {@code withinDays} days or ever when null. */
    record PurchasedCategory(
            ProductCategory category, @Nullable Integer withinDays) implements Rule {

        public PurchasedCategory {
            Objects.requireNonNull(category, "category");
            Checks.optionalWindow("withinDays", withinDays, SegmentRules.MAX_WINDOW_DAYS);
        }

        @Override
        public Object toTree() {
            Map<String, Object> params = Trees.params();
            params.put("category", category.name());
            if (withinDays != null) {
                params.put("withinDays", withinDays);
            }
            return Trees.node("purchased", params);
        }
    }

    /**
     * The customer had at least {@code atLeast} events of these types in the category on the last
     * {@code withinDays} UTC days, today included.
     */
    record Browsed(ProductCategory category, int atLeast, int withinDays, Set<EventType> eventTypes) implements Rule {

        public Browsed {
            Objects.requireNonNull(category, "category");
            Checks.between("atLeast", atLeast, 1, Integer.MAX_VALUE);
            Checks.window("withinDays", withinDays, SegmentRules.MAX_DAILY_WINDOW_DAYS);
            eventTypes = Checks.constants("eventTypes", EventType.class, eventTypes);
        }

        @Override
        public Object toTree() {
            Map<String, Object> params = Trees.params();
            params.put("category", category.name());
            params.put("atLeast", atLeast);
            params.put("withinDays", withinDays);
            if (!eventTypes.containsAll(EnumSet.allOf(EventType.class))) {
                params.put("eventTypes", Trees.names(eventTypes));
            }
            return Trees.node("browsed", params);
        }
    }

    /**
     * The customer's spend compares with {@code amount}: lifetime when {@code withinDays} is null,
     * else over the last {@code withinDays} UTC days, today included.
     */
    record Spend(Op op, BigDecimal amount, @Nullable Integer withinDays) implements Rule {

        public Spend {
            Objects.requireNonNull(op, "op");
            if (!op.ordering()) {
                throw new InvalidRuleException("op", "must be one of gte, gt, lte, lt; got " + op.jsonName());
            }
            amount = Checks.decimal("amount", amount);
            if (amount.signum() < 0) {
                throw new InvalidRuleException("amount", "must not be negative, got " + amount);
            }
            Checks.optionalWindow("withinDays", withinDays, SegmentRules.MAX_DAILY_WINDOW_DAYS);
        }

        @Override
        public Object toTree() {
            Map<String, Object> params = Trees.params();
            params.put("op", op.jsonName());
            params.put("amount", Trees.number(amount));
            if (withinDays != null) {
                params.put("withinDays", withinDays);
            }
            return Trees.node("spend", params);
        }
    }

    /** The customer has an open service order in one of these statuses, and of this kind unless null. */
    record HasOpenServiceOrder(Set<ServiceOrderStatus> statuses, CustomerSnapshot.OpenServiceOrder.@Nullable Kind kind)
            implements Rule {

        /** Every status an order can be open in: the default. */
        public static final Set<ServiceOrderStatus> OPEN_STATUSES =
                Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(ServiceOrderStatus.DELIVERED)));

        public HasOpenServiceOrder {
            statuses = Checks.constants("status", ServiceOrderStatus.class, statuses);
            if (!OPEN_STATUSES.containsAll(statuses)) {
                throw new InvalidRuleException("status", "DELIVERED is not an open status");
            }
        }

        @Override
        public Object toTree() {
            Map<String, Object> params = Trees.params();
            if (!statuses.containsAll(OPEN_STATUSES)) {
                params.put("status", Trees.names(statuses));
            }
            if (kind != null) {
                params.put("kind", kind.name());
            }
            return Trees.node("openServiceOrder", params);
        }
    }

    /** The request comes through one of these channels. */
    record ChannelIn(Set<Channel> channels) implements Rule {

        public ChannelIn {
            channels = Checks.constants("in", Channel.class, channels);
        }

        @Override
        public Object toTree() {
            return Trees.node("channel", Trees.node("in", Trees.names(channels)));
        }

        @Override
        public boolean dependsOnRequest() {
            return true;
        }
    }

    /** The request's device class is one of these, ignoring case; kept in lower case. */
    record DeviceIn(List<String> devices) implements Rule {

        public DeviceIn {
            devices = Checks.lowerCaseTexts("in", devices);
        }

        @Override
        public Object toTree() {
            return Trees.node("device", Trees.node("in", new ArrayList<Object>(devices)));
        }

        @Override
        public boolean dependsOnRequest() {
            return true;
        }
    }

    /**
     * The request's location is within {@code withinKm} of the store, or of any store when {@code
     * store} is null; only with the customer's {@code LOCATION} consent.
     */
    record NearStore(double withinKm, @Nullable String store) implements Rule {

        public NearStore {
            if (!(withinKm > 0 && withinKm <= SegmentRules.MAX_DISTANCE_KM)) {
                throw new InvalidRuleException(
                        "withinKm",
                        "must be more than 0 and at most " + SegmentRules.MAX_DISTANCE_KM + " km, got " + withinKm);
            }
            // What the JSON form can say, so that the rule writes back as it is.
            Checks.decimal("withinKm", BigDecimal.valueOf(withinKm));
            if (store != null) {
                Checks.text("store", store);
            }
        }

        @Override
        public Object toTree() {
            Map<String, Object> params = Trees.params();
            params.put("withinKm", Trees.number(withinKm));
            if (store != null) {
                params.put("store", store);
            }
            return Trees.node("nearStore", params);
        }

        @Override
        public boolean dependsOnRequest() {
            return true;
        }
    }

    /** The customer joined within the last {@code joinedWithinDays} days and has bought nothing yet. */
    record NewCustomer(int joinedWithinDays) implements Rule {

        public NewCustomer {
            Checks.window("joinedWithinDays", joinedWithinDays, SegmentRules.MAX_WINDOW_DAYS);
        }

        @Override
        public Object toTree() {
            return Trees.node("newCustomer", Trees.node("joinedWithinDays", joinedWithinDays));
        }
    }

    /** The customer has made at least {@code minPurchases} purchases. */
    record ReturningCustomer(int minPurchases) implements Rule {

        /** The default when the JSON form leaves {@code minPurchases} out. */
        public static final int DEFAULT_MIN_PURCHASES = 2;

        public ReturningCustomer {
            Checks.between("minPurchases", minPurchases, 1, Integer.MAX_VALUE);
        }

        @Override
        public Object toTree() {
            return Trees.node("returningCustomer", Trees.node("minPurchases", minPurchases));
        }
    }

    /** A lapsed customer: has bought, but not for more than {@code olderThanDays} days. */
    record LastPurchase(int olderThanDays) implements Rule {

        public LastPurchase {
            Checks.window("olderThanDays", olderThanDays, SegmentRules.MAX_WINDOW_DAYS);
        }

        @Override
        public Object toTree() {
            return Trees.node("lastPurchase", Trees.node("olderThanDays", olderThanDays));
        }
    }

    private static List<Rule> children(String param, List<Rule> rules) {
        if (rules.isEmpty()) {
            throw new InvalidRuleException(param, "must list at least one rule");
        }
        if (rules.size() > SegmentRules.MAX_CHILDREN) {
            throw new InvalidRuleException(
                    param, "may list at most " + SegmentRules.MAX_CHILDREN + " rules, got " + rules.size());
        }
        return List.copyOf(rules);
    }

    private static boolean anyDependsOnRequest(List<Rule> rules) {
        for (Rule rule : rules) {
            if (rule.dependsOnRequest()) {
                return true;
            }
        }
        return false;
    }

    private static Object attributeTree(String name, Op op, Object value) {
        Map<String, Object> params = Trees.params();
        params.put("name", name);
        params.put("op", op.jsonName());
        if (op != Op.EXISTS || !Boolean.TRUE.equals(value)) {
            params.put("value", valueTree(value));
        }
        return Trees.node("attribute", params);
    }

    private static Object valueTree(Object value) {
        if (value instanceof List<?> list) {
            List<Object> tree = new ArrayList<>(list.size());
            for (Object element : list) {
                tree.add(valueTree(element));
            }
            return tree;
        }
        if (value instanceof BigDecimal decimal) {
            return Trees.number(decimal);
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value;
    }

    private static Map<String, Object> occasionParams(int days, int pastDays) {
        Map<String, Object> params = Trees.params();
        params.put("days", days);
        params.put("pastDays", pastDays);
        return params;
    }
}
