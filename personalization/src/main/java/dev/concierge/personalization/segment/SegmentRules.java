package dev.concierge.personalization.segment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates segment rules from their JSON form, as a generic tree (what Jackson's {@code
 * readValue(json, Object.class)} gives). Rules are validated when saved, so a bad rule fails with a
 * {@code BAD_USER_INPUT} error naming the offending node (e.g. {@code
 * input.rule.all[2].browsed.withinDays}) instead of never matching.
 *
 * <h2>The language</h2>
 *
 * <p>Every node is an object with exactly one key:
 *
 * <pre>{@code
 * rule := {"all": [rule, ...]}      every rule matches (a non-empty list)
 *       | {"any": [rule, ...]}      at least one matches (a non-empty list)
 *       | {"not": rule}
 *       | {"<predicate>": {params}}
 * }</pre>
 *
 * For example, Gold and Platinum members who looked at watches at least three times in the last
 * 30 days and did not buy one in the last 90:
 *
 * <pre>{@code
 * {"all": [
 *   {"loyaltyTier": {"atLeast": "GOLD"}},
 *   {"browsed": {"category": "WATCHES", "atLeast": 3, "withinDays": 30}},
 *   {"not": {"purchased": {"category": "WATCHES", "withinDays": 90}}}
 * ]}
 * }</pre>
 *
 * <p>Predicates (unknown and missing parameters are errors; an optional parameter may also be
 * {@code null}):
 *
 * <ul>
 *   <li>{@code attribute}: {@code {"name": N, "op": OP, "value": V}}. N is {@code firstName}, {@code
 *       locale}, {@code homeStore} (strings), {@code loyaltyPoints} (a number), {@code memberSince}
 *       (a date such as {@code "2024-01-31"}, meaning its start in UTC, or a date-time with an offset)
 *       or {@code attributes.<key>}, a free-form profile attribute. OP is {@code eq}, {@code ne},
 *       {@code lt}, {@code lte}, {@code gt}, {@code gte} (numbers and dates), {@code in} (a non-empty
 *       list of values, matching when any equals), {@code contains}, {@code startsWith} (strings,
 *       case-sensitive) or {@code exists} (no value, or {@code false} for "does not exist"). The
 *       operator and value are checked against the built-in fields' types; a free-form attribute's
 *       type is only known when evaluating, and a value of another type than the rule's does not
 *       match. Numbers compare by value ({@code 2} equals {@code 2.0}). A missing attribute matches
 *       nothing but {@code "exists": false}: in particular {@code ne} needs the attribute to be there.
 *   <li>{@code loyaltyTier}: {@code {"in": ["GOLD", "PLATINUM"]}} or {@code {"atLeast": "GOLD"}}.
 *   <li>{@code birthdayWithin} and {@code anniversaryWithin}: {@code {"days": 7, "pastDays": 0}} —
 *       the date's next occurrence, in the visitor's time zone, is fewer than {@code days} days away
 *       ({@code 1} is today only; 1 to 366), or it was at most {@code pastDays} days ago (optional, 0
 *       to 366, default 0; {@code 1} is yesterday). A February 29 date occurs on February 28 in other
 *       years. No date on the profile: no match.
 *   <li>{@code purchased}: {@code {"sku": "RNG-0001", "withinDays": 90}} or {@code {"category":
 *       "WATCHES"}} — the last purchase of the sku or category was at most {@code withinDays} days
 *       (of 24 hours, counted back from now) ago; without {@code withinDays}, ever.
 *   <li>{@code browsed}: {@code {"category": "WATCHES", "atLeast": 3, "withinDays": 30, "eventTypes":
 *       ["PRODUCT_VIEW"]}} — at least {@code atLeast} events (optional, default 1) in the category on
 *       the last {@code withinDays} UTC days, today included (1 to {@value #MAX_DAILY_WINDOW_DAYS});
 *       {@code eventTypes} is optional, default every type.
 *   <li>{@code spend}: {@code {"op": "gte", "amount": 1000, "withinDays": 365}} — {@code op} is
 *       {@code gte}, {@code gt}, {@code lte} or {@code lt}; {@code amount} a non-negative number or
 *       decimal string; lifetime spend without {@code withinDays}, else the spend on the last {@code
 *       withinDays} UTC days as for {@code browsed}.
 *   <li>{@code openServiceOrder}: {@code {"status": ["READY_FOR_PICKUP"], "kind": "REPAIR"}} — an
 *       open repair or custom design; both optional, {@code {}} is any open order.
 *   <li>{@code channel}: {@code {"in": ["APP", "WATCH"]}}, the request's channel.
 *   <li>{@code device}: {@code {"in": ["mobile", "tablet"]}}, the request's device class ignoring
 *       case; no device: no match.
 *   <li>{@code nearStore}: {@code {"withinKm": 5, "store": "nyc-fifth-avenue"}} — the request's
 *       location is at most {@code withinKm} km from the store, or from the nearest store without
 *       {@code store}. Only with the customer's {@code LOCATION} consent and a location; a store id
 *       that is not (or no longer) known matches nothing.
 *   <li>{@code newCustomer}: {@code {"joinedWithinDays": 30}} — joined at most that many days ago and
 *       has bought nothing.
 *   <li>{@code returningCustomer}: {@code {"minPurchases": 2}} — at least that many purchases
 *       (optional, default 2).
 *   <li>{@code lastPurchase}: {@code {"olderThanDays": 180}} — a lapsed customer: has bought, and
 *       the last purchase was more than that many days ago.
 * </ul>
 *
 * Whole numbers may be written as {@code 30} or {@code 30.0}, not as {@code "30"}; windows in days
 * are 1 to {@value #MAX_WINDOW_DAYS} unless said otherwise.
 */
public final class SegmentRules {

    /** How deep rules nest, a predicate alone being 1: enough for real audiences, bounded for evaluation. */
    public static final int MAX_DEPTH = 8;

    /** The most rules one {@code all} or {@code any} may list. */
    public static final int MAX_CHILDREN = 50;

    /** The most nodes (combinators and predicates) a rule may have, which bounds its evaluation time. */
    public static final int MAX_NODES = 200;

    /** The longest window in days for predicates over lifetime figures ({@code purchased}, ...). */
    public static final int MAX_WINDOW_DAYS = 3650;

    /**
     * The longest window in days for {@code browsed} and {@code spend}, which sum daily rows: the
     * snapshot carries at most 366 days of them.
     */
    public static final int MAX_DAILY_WINDOW_DAYS = 365;

    /** The most {@code days} and {@code pastDays} for birthdays and anniversaries: a whole year. */
    public static final int MAX_OCCASION_DAYS = 366;

    /** The largest {@code withinKm}: about half the Earth's circumference. */
    public static final int MAX_DISTANCE_KM = 20_000;

    /** The most values one list parameter (such as {@code in}) may hold. */
    public static final int MAX_VALUES = 100;

    /** The longest string value, sku, store id or attribute key. */
    public static final int MAX_TEXT_LENGTH = 256;

    private SegmentRules() {}

    /**
     * Reads a rule from its generic JSON tree.
     *
     * @param tree maps, lists, strings, numbers, booleans and nulls, as Jackson reads JSON
     * @param path where the tree is in the caller's input, the prefix of error paths, e.g. {@code
     *     input.rule}
     * @throws dev.concierge.personalization.ConciergeException {@code BAD_USER_INPUT} naming the
     *     offending node and saying what was expected and found
     */
    public static Rule parse(@Nullable Object tree, String path) {
        return new RuleParser().rule(tree, path, 1);
    }

    /**
     * Every problem of a rule, each with its path, for an editor checking a rule before saving it;
     * empty when {@link #parse} accepts the rule. The parser stops at the first error, so this
     * reports at most one problem per combinator or predicate (the first in each): two broken
     * predicates give two problems, two broken parameters of one predicate give one.
     *
     * @param path where the tree is in the caller's input, the prefix of the paths, e.g. {@code rule}
     */
    public static List<RuleProblem> check(@Nullable Object tree, String path) {
        return RuleCheck.check(tree, path);
    }
}
