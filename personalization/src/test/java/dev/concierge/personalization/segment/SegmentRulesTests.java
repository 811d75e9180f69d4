package dev.concierge.personalization.segment;

import static dev.concierge.personalization.segment.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.ProductCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentRulesTests {

    private static final String WATCHES_VIEWED = "{'browsed': {'category': 'WATCHES', 'atLeast': 1, 'withinDays': 30}}";

    /** Valid rules in their canonical form: parsing and writing back gives the same JSON. */
    static Stream<Arguments> canonicalRules() {
        return Stream.of(
                canonical("all", "{'all': [{'channel': {'in': ['APP']}}, {'loyaltyTier': {'atLeast': 'GOLD'}}]}"),
                canonical(
                        "any", "{'any': [{'newCustomer': {'joinedWithinDays': 30}}, {'not': " + WATCHES_VIEWED + "}]}"),
                canonical("not", "{'not': {'returningCustomer': {'minPurchases': 2}}}"),
                canonical("attribute firstName eq", "{'attribute': {'name': 'firstName', 'op': 'eq', 'value': 'Ada'}}"),
                canonical(
                        "attribute locale in",
                        "{'attribute': {'name': 'locale', 'op': 'in', 'value': ['en-US', 'en-GB']}}"),
                canonical(
                        "attribute homeStore startsWith",
                        "{'attribute': {'name': 'homeStore', 'op': 'startsWith', 'value': 'nyc-'}}"),
                canonical("attribute homeStore exists", "{'attribute': {'name': 'homeStore', 'op': 'exists'}}"),
                canonical(
                        "attribute homeStore does not exist",
                        "{'attribute': {'name': 'homeStore', 'op': 'exists', 'value': false}}"),
                canonical(
                        "attribute loyaltyPoints gte",
                        "{'attribute': {'name': 'loyaltyPoints', 'op': 'gte', 'value': 1000}}"),
                canonical(
                        "attribute loyaltyPoints lt a fraction",
                        "{'attribute': {'name': 'loyaltyPoints', 'op': 'lt', 'value': 99.5}}"),
                canonical(
                        "attribute memberSince lt",
                        "{'attribute': {'name': 'memberSince', 'op': 'lt', 'value': '2024-01-01T00:00:00Z'}}"),
                canonical(
                        "custom attribute contains",
                        "{'attribute': {'name': 'attributes.style', 'op': 'contains', 'value': 'vintage'}}"),
                canonical(
                        "custom attribute in mixed values",
                        "{'attribute': {'name': 'attributes.size', 'op': 'in', 'value': ['S', 7, 7.5, true]}}"),
                canonical(
                        "custom attribute ne boolean",
                        "{'attribute': {'name': 'attributes.vip', 'op': 'ne', 'value': false}}"),
                canonical("loyaltyTier in", "{'loyaltyTier': {'in': ['GOLD', 'PLATINUM']}}"),
                canonical("loyaltyTier atLeast", "{'loyaltyTier': {'atLeast': 'SILVER'}}"),
                canonical("birthdayWithin", "{'birthdayWithin': {'days': 7, 'pastDays': 0}}"),
                canonical("birthdayWithin the longest", "{'birthdayWithin': {'days': 366, 'pastDays': 366}}"),
                canonical("anniversaryWithin", "{'anniversaryWithin': {'days': 1, 'pastDays': 3}}"),
                canonical("purchased sku", "{'purchased': {'sku': 'RNG-0001', 'withinDays': 90}}"),
                canonical("purchased sku ever", "{'purchased': {'sku': 'RNG-0001'}}"),
                canonical("purchased category", "{'purchased': {'category': 'WATCHES', 'withinDays': 3650}}"),
                canonical(
                        "browsed",
                        "{'browsed': {'category': 'WATCHES', 'atLeast': 3, 'withinDays': 30, "
                                + "'eventTypes': ['PRODUCT_VIEW', 'ADD_TO_CART']}}"),
                canonical(
                        "browsed the longest window",
                        "{'browsed': {'category': 'RINGS', 'atLeast': 1, 'withinDays': 365}}"),
                canonical("spend lifetime", "{'spend': {'op': 'gte', 'amount': 1000}}"),
                canonical("spend in a window", "{'spend': {'op': 'lt', 'amount': 99.99, 'withinDays': 365}}"),
                canonical("spend zero", "{'spend': {'op': 'gt', 'amount': 0, 'withinDays': 1}}"),
                canonical("openServiceOrder any", "{'openServiceOrder': {}}"),
                canonical(
                        "openServiceOrder ready repair",
                        "{'openServiceOrder': {'status': ['READY_FOR_PICKUP'], 'kind': 'REPAIR'}}"),
                canonical("channel", "{'channel': {'in': ['APP', 'WATCH']}}"),
                canonical("device", "{'device': {'in': ['mobile', 'tablet']}}"),
                canonical("nearStore a store", "{'nearStore': {'withinKm': 5, 'store': 'nyc-fifth-avenue'}}"),
                canonical("nearStore any store", "{'nearStore': {'withinKm': 0.5}}"),
                canonical("nearStore the farthest", "{'nearStore': {'withinKm': 20000}}"),
                canonical("newCustomer", "{'newCustomer': {'joinedWithinDays': 30}}"),
                canonical("returningCustomer", "{'returningCustomer': {'minPurchases': 1}}"),
                canonical("lastPurchase", "{'lastPurchase': {'olderThanDays': 180}}"),
                canonical(
                        "nested to the maximum depth",
                        "{'not': {'not': {'not': {'not': {'not': {'not': {'not': {'channel': {'in': ['APP']}}}}}}}}}"));
    }

    @ParameterizedTest
    @MethodSource("canonicalRules")
    void parse_canonicalRule_roundTripsThroughToTree(String json) {
        Rule rule = rule(json);

        Object tree = rule.toTree();

        assertThat(Json.write(tree)).isEqualTo(Json.write(Json.parse(json)));
        assertThat(SegmentRules.parse(tree, "rule")).isEqualTo(rule);
        assertCanonicalTypes(tree);
    }

    @Test
    void canonicalRules_coverEveryRuleType() {
        Set<Class<?>> covered = canonicalRules()
                .flatMap(arguments -> ruleTypes(rule((String) arguments.get()[0])))
                .collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrder(Rule.class.getPermittedSubclasses());
    }

    /** Rules that parse, with the canonical form they are written back in. */
    static Stream<Arguments> rulesWithTheirCanonicalForm() {
        return Stream.of(
                Arguments.argumentSet(
                        "defaults spelled out",
                        "{'birthdayWithin': {'days': 7}}",
                        "{'birthdayWithin': {'days': 7, 'pastDays': 0}}"),
                Arguments.argumentSet(
                        "browsed atLeast defaults to 1",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': 30}}",
                        "{'browsed': {'category': 'WATCHES', 'atLeast': 1, 'withinDays': 30}}"),
                Arguments.argumentSet(
                        "every event type is the default",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': 30, 'eventTypes': "
                                + "['STORE_VISIT', 'SEARCH', 'PAGE_VIEW', 'PRODUCT_VIEW', 'ADD_TO_CART']}}",
                        "{'browsed': {'category': 'WATCHES', 'atLeast': 1, 'withinDays': 30}}"),
                Arguments.argumentSet(
                        "enum lists in declaration order without duplicates",
                        "{'loyaltyTier': {'in': ['PLATINUM', 'GOLD', 'PLATINUM']}}",
                        "{'loyaltyTier': {'in': ['GOLD', 'PLATINUM']}}"),
                Arguments.argumentSet(
                        "every open status is the default",
                        "{'openServiceOrder': {'status': "
                                + "['READY_FOR_PICKUP', 'QUALITY_CHECK', 'IN_PROGRESS', 'RECEIVED']}}",
                        "{'openServiceOrder': {}}"),
                Arguments.argumentSet(
                        "returningCustomer minPurchases defaults to 2",
                        "{'returningCustomer': {}}",
                        "{'returningCustomer': {'minPurchases': 2}}"),
                Arguments.argumentSet(
                        "null is absent",
                        "{'purchased': {'sku': 'RNG-0001', 'withinDays': null}}",
                        "{'purchased': {'sku': 'RNG-0001'}}"),
                Arguments.argumentSet(
                        "whole numbers written as fractions",
                        "{'newCustomer': {'joinedWithinDays': 30.0}}",
                        "{'newCustomer': {'joinedWithinDays': 30}}"),
                Arguments.argumentSet(
                        "amount as a decimal string",
                        "{'spend': {'op': 'gte', 'amount': '1000.50'}}",
                        "{'spend': {'op': 'gte', 'amount': 1000.5}}"),
                Arguments.argumentSet(
                        "amount in exponent notation",
                        "{'spend': {'op': 'gte', 'amount': 1.5e3}}",
                        "{'spend': {'op': 'gte', 'amount': 1500}}"),
                Arguments.argumentSet(
                        "device classes in lower case without duplicates",
                        "{'device': {'in': ['Mobile', 'TABLET', 'mobile']}}",
                        "{'device': {'in': ['mobile', 'tablet']}}"),
                Arguments.argumentSet(
                        "exists true is the default",
                        "{'attribute': {'name': 'attributes.vip', 'op': 'exists', 'value': true}}",
                        "{'attribute': {'name': 'attributes.vip', 'op': 'exists'}}"),
                Arguments.argumentSet(
                        "a date is its start in UTC",
                        "{'attribute': {'name': 'memberSince', 'op': 'gte', 'value': '2024-02-29'}}",
                        "{'attribute': {'name': 'memberSince', 'op': 'gte', 'value': '2024-02-29T00:00:00Z'}}"),
                Arguments.argumentSet(
                        "a date-time with an offset is its instant",
                        "{'attribute': {'name': 'memberSince', 'op': 'in', 'value': ['2024-02-29T09:30:00+02:00']}}",
                        "{'attribute': {'name': 'memberSince', 'op': 'in', 'value': ['2024-02-29T07:30:00Z']}}"),
                Arguments.argumentSet(
                        "numbers without trailing zeros",
                        "{'attribute': {'name': 'loyaltyPoints', 'op': 'eq', 'value': 1500.00}}",
                        "{'attribute': {'name': 'loyaltyPoints', 'op': 'eq', 'value': 1500}}"));
    }

    @ParameterizedTest
    @MethodSource("rulesWithTheirCanonicalForm")
    void toTree_writesTheCanonicalForm(String json, String canonical) {
        Rule rule = rule(json);

        assertThat(Json.write(rule.toTree())).isEqualTo(Json.write(Json.parse(canonical)));
        assertThat(rule(canonical)).isEqualTo(rule);
    }

    @Test
    void parse_buildsTheRecords() {
        Rule rule = rule("{'all': [{'loyaltyTier': {'in': ['GOLD']}}, "
                + "{'not': {'purchased': {'category': 'WATCHES', 'withinDays': 90}}}, "
                + "{'spend': {'op': 'gte', 'amount': '1000.00'}}, "
                + "{'attribute': {'name': 'memberSince', 'op': 'lt', 'value': '2024-01-01'}}]}");

        assertThat(rule)
                .isEqualTo(new Rule.All(List.of(
                        new Rule.TierIn(Set.of(LoyaltyTier.GOLD)),
                        new Rule.Not(new Rule.PurchasedCategory(ProductCategory.WATCHES, 90)),
                        new Rule.Spend(Rule.Op.GTE, new BigDecimal("1000"), null),
                        new Rule.Attribute(
                                Rule.Attribute.Field.MEMBER_SINCE,
                                Rule.Op.LT,
                                Instant.parse("2024-01-01T00:00:00Z")))));
    }

    static Stream<Arguments> invalidRules() {
        return Stream.of(
                // the shape of nodes
                invalid("not an object", "['all']", "rule"),
                invalid("null", "null", "rule"),
                invalid("empty object", "{}", "rule"),
                invalid("node with two keys", "{'channel': {'in': ['APP']}, 'device': {'in': ['mobile']}}", "rule"),
                invalid("unknown predicate", "{'purchasedRecently': {'sku': 'RNG-0001'}}", "rule.purchasedRecently"),
                invalid(
                        "unknown predicate deep down",
                        "{'any': [" + WATCHES_VIEWED + ", {'not': {'all': [" + WATCHES_VIEWED
                                + ", {'Browsed': {}}]}}]}",
                        "rule.any[1].not.all[1].Browsed"),
                invalid("empty all", "{'all': []}", "rule.all"),
                invalid("empty any", "{'any': []}", "rule.any"),
                invalid("all with an object", "{'all': " + WATCHES_VIEWED + "}", "rule.all"),
                invalid("not with a list", "{'not': [" + WATCHES_VIEWED + "]}", "rule.not"),
                invalid("a child that is no rule", "{'all': [" + WATCHES_VIEWED + ", 'vip']}", "rule.all[1]"),
                invalid("parameters that are no object", "{'channel': ['APP']}", "rule.channel"),
                // parameters
                invalid(
                        "unknown param",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': 30, 'within': 7}}",
                        "rule.browsed.within"),
                invalid("missing param", "{'browsed': {'category': 'WATCHES'}}", "rule.browsed.withinDays"),
                invalid(
                        "missing attribute op",
                        "{'attribute': {'name': 'firstName', 'value': 'Ada'}}",
                        "rule.attribute.op"),
                invalid("missing attribute name", "{'attribute': {'op': 'eq', 'value': 'Ada'}}", "rule.attribute.name"),
                invalid(
                        "missing attribute value",
                        "{'attribute': {'name': 'firstName', 'op': 'eq'}}",
                        "rule.attribute.value"),
                invalid("missing nearStore radius", "{'nearStore': {'store': 'nyc-soho'}}", "rule.nearStore.withinKm"),
                invalid(
                        "purchased with sku and category",
                        "{'purchased': {'sku': 'RNG-0001', 'category': 'RINGS'}}",
                        "rule.purchased"),
                invalid(
                        "purchased with neither sku nor category",
                        "{'purchased': {'withinDays': 30}}",
                        "rule.purchased"),
                invalid("blank sku", "{'purchased': {'sku': ' '}}", "rule.purchased.sku"),
                // operators
                invalid(
                        "unknown attribute op",
                        "{'attribute': {'name': 'firstName', 'op': 'like', 'value': 'A%'}}",
                        "rule.attribute.op"),
                invalid("spend op eq", "{'spend': {'op': 'eq', 'amount': 100}}", "rule.spend.op"),
                invalid(
                        "ordering op on a string attribute",
                        "{'attribute': {'name': 'firstName', 'op': 'gt', 'value': 'M'}}",
                        "rule.attribute.op"),
                invalid(
                        "contains on a number attribute",
                        "{'attribute': {'name': 'loyaltyPoints', 'op': 'contains', 'value': 5}}",
                        "rule.attribute.op"),
                invalid(
                        "startsWith on a date attribute",
                        "{'attribute': {'name': 'memberSince', 'op': 'startsWith', 'value': '2024'}}",
                        "rule.attribute.op"),
                // attribute names and values
                invalid(
                        "unknown attribute",
                        "{'attribute': {'name': 'lastName', 'op': 'eq', 'value': 'Lovelace'}}",
                        "rule.attribute.name"),
                invalid(
                        "free-form attribute without a key",
                        "{'attribute': {'name': 'attributes.', 'op': 'exists'}}",
                        "rule.attribute.name"),
                invalid(
                        "a string for a number attribute",
                        "{'attribute': {'name': 'loyaltyPoints', 'op': 'gte', 'value': '1000'}}",
                        "rule.attribute.value"),
                invalid(
                        "a number for a string attribute",
                        "{'attribute': {'name': 'homeStore', 'op': 'eq', 'value': 42}}",
                        "rule.attribute.value"),
                invalid(
                        "not a date",
                        "{'attribute': {'name': 'memberSince', 'op': 'lt', 'value': 'last year'}}",
                        "rule.attribute.value"),
                invalid(
                        "not a date in a list",
                        "{'attribute': {'name': 'memberSince', 'op': 'in', 'value': ['2024-01-01', '2024-13-01']}}",
                        "rule.attribute.value[1]"),
                invalid(
                        "in without a list",
                        "{'attribute': {'name': 'locale', 'op': 'in', 'value': 'en-US'}}",
                        "rule.attribute.value"),
                invalid(
                        "in with an empty list",
                        "{'attribute': {'name': 'attributes.size', 'op': 'in', 'value': []}}",
                        "rule.attribute.value"),
                invalid(
                        "in with a value of the wrong type",
                        "{'attribute': {'name': 'locale', 'op': 'in', 'value': ['en-US', 7]}}",
                        "rule.attribute.value[1]"),
                invalid(
                        "exists with a string",
                        "{'attribute': {'name': 'homeStore', 'op': 'exists', 'value': 'yes'}}",
                        "rule.attribute.value"),
                invalid(
                        "ordering a free-form attribute by a string",
                        "{'attribute': {'name': 'attributes.size', 'op': 'gte', 'value': 'M'}}",
                        "rule.attribute.value"),
                invalid(
                        "contains a number",
                        "{'attribute': {'name': 'attributes.style', 'op': 'contains', 'value': 5}}",
                        "rule.attribute.value"),
                invalid(
                        "free-form attribute equal to an object",
                        "{'attribute': {'name': 'attributes.style', 'op': 'eq', 'value': {'a': 1}}}",
                        "rule.attribute.value"),
                // windows and counts
                invalid(
                        "zero window",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': 0}}",
                        "rule.browsed.withinDays"),
                invalid(
                        "negative window",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': -1}}",
                        "rule.browsed.withinDays"),
                invalid(
                        "browsed beyond the daily rows",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': 366}}",
                        "rule.browsed.withinDays"),
                invalid(
                        "fractional window",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': 1.5}}",
                        "rule.browsed.withinDays"),
                invalid(
                        "window as a string",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': '30'}}",
                        "rule.browsed.withinDays"),
                invalid(
                        "window beyond an int",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': 10000000000}}",
                        "rule.browsed.withinDays"),
                invalid(
                        "spend beyond the daily rows",
                        "{'spend': {'op': 'gte', 'amount': 1, 'withinDays': 366}}",
                        "rule.spend.withinDays"),
                invalid(
                        "purchased beyond ten years",
                        "{'purchased': {'sku': 'RNG-0001', 'withinDays': 3651}}",
                        "rule.purchased.withinDays"),
                invalid(
                        "browsed at least zero",
                        "{'browsed': {'category': 'WATCHES', 'atLeast': 0, 'withinDays': 30}}",
                        "rule.browsed.atLeast"),
                invalid("birthday today excluded", "{'birthdayWithin': {'days': 0}}", "rule.birthdayWithin.days"),
                invalid("birthday beyond a year", "{'birthdayWithin': {'days': 367}}", "rule.birthdayWithin.days"),
                invalid(
                        "negative pastDays",
                        "{'anniversaryWithin': {'days': 7, 'pastDays': -1}}",
                        "rule.anniversaryWithin.pastDays"),
                invalid(
                        "no joining window",
                        "{'newCustomer': {'joinedWithinDays': 0}}",
                        "rule.newCustomer.joinedWithinDays"),
                invalid(
                        "no purchases needed",
                        "{'returningCustomer': {'minPurchases': 0}}",
                        "rule.returningCustomer.minPurchases"),
                invalid(
                        "lapsed beyond ten years",
                        "{'lastPurchase': {'olderThanDays': 3651}}",
                        "rule.lastPurchase.olderThanDays"),
                // amounts and distances
                invalid("negative amount", "{'spend': {'op': 'gte', 'amount': -0.01}}", "rule.spend.amount"),
                invalid("amount that is no number", "{'spend': {'op': 'gte', 'amount': 'a lot'}}", "rule.spend.amount"),
                invalid("amount too large", "{'spend': {'op': 'gte', 'amount': 1e400}}", "rule.spend.amount"),
                invalid("amount as a boolean", "{'spend': {'op': 'gte', 'amount': true}}", "rule.spend.amount"),
                invalid("zero radius", "{'nearStore': {'withinKm': 0}}", "rule.nearStore.withinKm"),
                invalid("radius beyond the Earth", "{'nearStore': {'withinKm': 20000.1}}", "rule.nearStore.withinKm"),
                invalid("radius as a string", "{'nearStore': {'withinKm': '5'}}", "rule.nearStore.withinKm"),
                // enumerations
                invalid("unknown tier", "{'loyaltyTier': {'in': ['GOLD', 'DIAMOND']}}", "rule.loyaltyTier.in[1]"),
                invalid("tier in lower case", "{'loyaltyTier': {'atLeast': 'gold'}}", "rule.loyaltyTier.atLeast"),
                invalid(
                        "tier in and atLeast",
                        "{'loyaltyTier': {'in': ['GOLD'], 'atLeast': 'GOLD'}}",
                        "rule.loyaltyTier"),
                invalid("tier with no tiers", "{'loyaltyTier': {'in': []}}", "rule.loyaltyTier.in"),
                invalid("unknown category", "{'purchased': {'category': 'SHOES'}}", "rule.purchased.category"),
                invalid(
                        "unknown event type",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': 7, 'eventTypes': ['CLICK']}}",
                        "rule.browsed.eventTypes[0]"),
                invalid(
                        "DELIVERED status",
                        "{'openServiceOrder': {'status': ['READY_FOR_PICKUP', 'DELIVERED']}}",
                        "rule.openServiceOrder.status[1]"),
                invalid("unknown order kind", "{'openServiceOrder': {'kind': 'RESIZE'}}", "rule.openServiceOrder.kind"),
                invalid("unknown channel", "{'channel': {'in': ['APP', 'FAX']}}", "rule.channel.in[1]"),
                invalid("no device classes", "{'device': {'in': []}}", "rule.device.in"),
                invalid("blank device class", "{'device': {'in': ['mobile', ' ']}}", "rule.device.in"));
    }

    @ParameterizedTest
    @MethodSource("invalidRules")
    void parse_invalidRule_isBadUserInputAtTheOffendingNode(String json, String inputPath) {
        assertBadInput(Json.parse(json), inputPath);
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.argumentSet(
                        "unknown predicate lists the known ones",
                        "{'vip': {}}",
                        "unknown predicate 'vip'; expected all, any, not or one of attribute, loyaltyTier, "
                                + "birthdayWithin, anniversaryWithin, purchased, browsed, spend, openServiceOrder, "
                                + "channel, device, nearStore, newCustomer, returningCustomer, lastPurchase"),
                Arguments.argumentSet(
                        "a window says its range and why",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': 366}}",
                        "must be between 1 and 365 days (the snapshot keeps 366 days of daily rows), got 366"),
                Arguments.argumentSet(
                        "a wrong type says what was found",
                        "{'browsed': {'category': 'WATCHES', 'withinDays': '30'}}",
                        "expected a whole number, found the string \"30\""),
                Arguments.argumentSet(
                        "a fraction says what was found",
                        "{'newCustomer': {'joinedWithinDays': 7.5}}",
                        "expected a whole number, found the number 7.5"),
                Arguments.argumentSet(
                        "an unknown param lists the known ones",
                        "{'nearStore': {'withinKm': 5, 'storeId': 'nyc-soho'}}",
                        "unknown parameter 'storeId'; expected withinKm, store"),
                Arguments.argumentSet(
                        "an operator the attribute does not support",
                        "{'attribute': {'name': 'firstName', 'op': 'gt', 'value': 'M'}}",
                        "firstName is a string, so op must be one of eq, ne, in, contains, startsWith, exists; got gt"),
                Arguments.argumentSet(
                        "an unknown enumeration value lists the known ones",
                        "{'openServiceOrder': {'status': ['DELIVERED']}}",
                        "expected one of RECEIVED, IN_PROGRESS, QUALITY_CHECK, READY_FOR_PICKUP, "
                                + "found the string \"DELIVERED\""),
                Arguments.argumentSet(
                        "two keys are named",
                        "{'all': [" + WATCHES_VIEWED + "], 'any': [" + WATCHES_VIEWED + "]}",
                        "expected an object with exactly one key (all, any, not or a predicate), found 2 keys: all, any"));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void parse_invalidRule_saysWhatWasExpectedAndFound(String json, String message) {
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> rule(json))
                .satisfies(e -> assertThat(e.getMessage()).endsWith(": " + message));
    }

    @Test
    void parse_deeperThanTheMaximum_isBadInputAtTheFirstNodeTooDeep() {
        Object tree = Json.parse("{'channel': {'in': ['APP']}}");
        for (int depth = 1; depth < SegmentRules.MAX_DEPTH; depth++) {
            tree = Map.of("not", tree);
        }
        Object deepest = tree;
        Object tooDeep = Map.of("all", List.of(tree));

        assertThat(SegmentRules.parse(deepest, "rule").toTree()).isNotNull();
        assertBadInput(tooDeep, "rule.all[0]" + ".not".repeat(SegmentRules.MAX_DEPTH - 1));
    }

    @Test
    void parse_moreNodesThanTheMaximum_isBadInputAtTheFirstNodeTooMany() {
        // An all of 4 alls of 50 predicates has 205 nodes; the 201st is the 46th predicate of the 4th.
        Object predicate = Json.parse(WATCHES_VIEWED);
        List<Object> groups = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            groups.add(Map.of("all", Collections.nCopies(SegmentRules.MAX_CHILDREN, predicate)));
        }
        List<Object> twoHundred = new ArrayList<>(groups.subList(0, 3));
        twoHundred.add(Map.of("all", Collections.nCopies(45, predicate)));

        assertBadInput(Map.of("all", groups), "rule.all[3].all[45]");
        assertThat(SegmentRules.parse(Map.of("all", twoHundred), "rule")).isInstanceOf(Rule.All.class);
    }

    @Test
    void parse_moreChildrenThanTheMaximum_isBadInputAtTheList() {
        Object tree = Map.of("any", Collections.nCopies(SegmentRules.MAX_CHILDREN + 1, Json.parse(WATCHES_VIEWED)));

        assertBadInput(tree, "rule.any");
    }

    @Test
    void parse_reportsThePathItIsGiven() {
        assertBadInput(
                Json.parse("{'all': [{'nearStore': {'withinKm': -5}}]}"),
                "input.segments[2].rule",
                "input.segments[2].rule.all[0].nearStore.withinKm");
    }

    static Stream<Arguments> invalidRecords() {
        return Stream.of(
                Arguments.argumentSet("empty all", (Runnable) () -> new Rule.All(List.of())),
                Arguments.argumentSet("no tiers", (Runnable) () -> new Rule.TierIn(Set.of())),
                Arguments.argumentSet("zero window", (Runnable) () -> new Rule.PurchasedSku("RNG-0001", 0)),
                Arguments.argumentSet("browsed beyond the daily rows", (Runnable)
                        () -> new Rule.Browsed(ProductCategory.RINGS, 1, 366, Set.of())),
                Arguments.argumentSet(
                        "negative amount", (Runnable) () -> new Rule.Spend(Rule.Op.GT, new BigDecimal("-1"), null)),
                Arguments.argumentSet(
                        "spend with contains", (Runnable) () -> new Rule.Spend(Rule.Op.CONTAINS, BigDecimal.ONE, null)),
                Arguments.argumentSet("DELIVERED status", (Runnable) () -> new Rule.HasOpenServiceOrder(
                        Set.of(dev.concierge.personalization.customer.ServiceOrderStatus.DELIVERED), null)),
                Arguments.argumentSet("NaN radius", (Runnable) () -> new Rule.NearStore(Double.NaN, null)),
                Arguments.argumentSet("radius below what JSON says", (Runnable) () -> new Rule.NearStore(1e-30, null)),
                Arguments.argumentSet("blank device", (Runnable) () -> new Rule.DeviceIn(List.of(""))),
                Arguments.argumentSet("op the field does not support", (Runnable)
                        () -> new Rule.Attribute(Rule.Attribute.Field.LOCALE, Rule.Op.LT, "en")),
                Arguments.argumentSet("value of the wrong type", (Runnable)
                        () -> new Rule.Attribute(Rule.Attribute.Field.LOYALTY_POINTS, Rule.Op.GT, "many")),
                Arguments.argumentSet(
                        "NaN value", (Runnable) () -> new Rule.CustomAttribute("size", Rule.Op.LT, Double.NaN)),
                Arguments.argumentSet(
                        "blank key", (Runnable) () -> new Rule.CustomAttribute(" ", Rule.Op.EXISTS, null)));
    }

    @ParameterizedTest
    @MethodSource("invalidRecords")
    void new_invalidArguments_failFast(Runnable construction) {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(construction::run);
    }

    @Test
    void new_recordsInCode_equalTheirParsedForm() {
        assertThat(new Rule.Attribute(Rule.Attribute.Field.LOYALTY_POINTS, Rule.Op.IN, List.of(100, 2.50, 1000L)))
                .isEqualTo(rule("{'attribute': {'name': 'loyaltyPoints', 'op': 'in', 'value': [100, 2.5, 1000]}}"));
        assertThat(new Rule.CustomAttribute("vip", Rule.Op.EXISTS, null))
                .isEqualTo(rule("{'attribute': {'name': 'attributes.vip', 'op': 'exists'}}"));
        assertThat(new Rule.ChannelIn(Set.of(Channel.WATCH, Channel.APP)))
                .isEqualTo(rule("{'channel': {'in': ['APP', 'WATCH']}}"));
        assertThat(new Rule.Spend(Rule.Op.GTE, new BigDecimal("1.0E+3"), 30))
                .isEqualTo(rule("{'spend': {'op': 'gte', 'amount': 1000, 'withinDays': 30}}"));
    }

    @Test
    void records_copyTheirCollections() {
        List<Rule> children = new ArrayList<>(List.of(rule(WATCHES_VIEWED)));
        Rule.All all = new Rule.All(children);

        children.clear();

        assertThat(all.rules()).hasSize(1);
    }

    static Stream<Arguments> requestDependence() {
        return Stream.of(
                Arguments.argumentSet("channel", "{'channel': {'in': ['APP']}}", true),
                Arguments.argumentSet("device", "{'device': {'in': ['mobile']}}", true),
                Arguments.argumentSet("nearStore", "{'nearStore': {'withinKm': 5}}", true),
                Arguments.argumentSet(
                        "a profile attribute",
                        "{'attribute': {'name': 'locale', 'op': 'eq', 'value': 'en-US'}}",
                        false),
                Arguments.argumentSet("a birthday", "{'birthdayWithin': {'days': 7}}", false),
                Arguments.argumentSet("behaviour", WATCHES_VIEWED, false),
                Arguments.argumentSet(
                        "a channel deep in the tree",
                        "{'all': [" + WATCHES_VIEWED + ", {'any': [{'returningCustomer': {}}, {'not': "
                                + "{'channel': {'in': ['STORE']}}}]}]}",
                        true),
                Arguments.argumentSet(
                        "combinators over the customer only",
                        "{'any': [" + WATCHES_VIEWED + ", {'not': {'all': [{'returningCustomer': {}}]}}]}",
                        false));
    }

    @ParameterizedTest
    @MethodSource("requestDependence")
    void dependsOnRequest_isTrueWhenAnyNodeReadsTheRequest(String json, boolean dependsOnRequest) {
        assertThat(rule(json).dependsOnRequest()).isEqualTo(dependsOnRequest);
    }

    private static Arguments canonical(String name, String json) {
        return Arguments.argumentSet(name, json);
    }

    private static Arguments invalid(String name, String json, String inputPath) {
        return Arguments.argumentSet(name, json, inputPath);
    }

    private static void assertBadInput(@Nullable Object tree, String inputPath) {
        assertBadInput(tree, "rule", inputPath);
    }

    private static void assertBadInput(@Nullable Object tree, String root, String inputPath) {
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> SegmentRules.parse(tree, root))
                .withMessageStartingWith(inputPath + ": ")
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                    assertThat(e.inputPath()).isEqualTo(inputPath);
                });
    }

    private static Stream<Class<?>> ruleTypes(Rule rule) {
        Stream<Class<?>> self = Stream.of(rule.getClass());
        if (rule instanceof Rule.All all) {
            return Stream.concat(self, all.rules().stream().flatMap(SegmentRulesTests::ruleTypes));
        }
        if (rule instanceof Rule.Any any) {
            return Stream.concat(self, any.rules().stream().flatMap(SegmentRulesTests::ruleTypes));
        }
        if (rule instanceof Rule.Not not) {
            return Stream.concat(self, ruleTypes(not.rule()));
        }
        return self;
    }

    /** The tree holds only the types Jackson writes as JSON, in the mutable kinds the API promises. */
    private static void assertCanonicalTypes(@Nullable Object tree) {
        assertThat(tree)
                .isInstanceOfAny(
                        LinkedHashMap.class,
                        ArrayList.class,
                        String.class,
                        Integer.class,
                        Long.class,
                        BigDecimal.class,
                        Boolean.class);
        if (tree instanceof Map<?, ?> map) {
            map.values().forEach(SegmentRulesTests::assertCanonicalTypes);
        } else if (tree instanceof List<?> list) {
            list.forEach(SegmentRulesTests::assertCanonicalTypes);
        }
    }
}
