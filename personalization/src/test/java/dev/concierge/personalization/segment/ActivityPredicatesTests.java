package dev.concierge.personalization.segment;

import static dev.concierge.personalization.segment.Fixtures.NOW;
import static dev.concierge.personalization.segment.Fixtures.TODAY_UTC;
import static dev.concierge.personalization.segment.Fixtures.customer;
import static dev.concierge.personalization.segment.Fixtures.daysAgo;
import static dev.concierge.personalization.segment.Fixtures.matches;
import static dev.concierge.personalization.segment.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.personalization.customer.CustomerSnapshot.OpenServiceOrder.Kind;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import dev.concierge.personalization.segment.Fixtures.CustomerBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ActivityPredicatesTests {

    private static final String RING_IN_90_DAYS = "{'purchased': {'sku': 'RNG-0001', 'withinDays': 90}}";
    private static final String RINGS_IN_90_DAYS = "{'purchased': {'category': 'RINGS', 'withinDays': 90}}";

    static Stream<Arguments> purchases() {
        return Stream.of(
                purchase("sku exactly 90 days ago", RING_IN_90_DAYS, daysAgo(90), true),
                purchase(
                        "sku a second more than 90 days ago",
                        RING_IN_90_DAYS,
                        daysAgo(90).minusSeconds(1),
                        false),
                purchase("sku 91 days ago", RING_IN_90_DAYS, daysAgo(91), false),
                purchase("sku today", RING_IN_90_DAYS, NOW, true),
                purchase("category exactly 90 days ago", RINGS_IN_90_DAYS, daysAgo(90), true),
                purchase("category 91 days ago", RINGS_IN_90_DAYS, daysAgo(91), false),
                purchase("sku ever, ten years ago", "{'purchased': {'sku': 'RNG-0001'}}", daysAgo(3653), true),
                purchase("category ever", "{'purchased': {'category': 'RINGS'}}", daysAgo(3653), true),
                purchase("another sku", "{'purchased': {'sku': 'RNG-0002'}}", NOW, false),
                purchase("another category", "{'purchased': {'category': 'WATCHES'}}", NOW, false));
    }

    @ParameterizedTest
    @MethodSource("purchases")
    void purchased_countsWholeDaysBackFromNow(String rule, Instant purchasedAt, boolean expected) {
        CustomerBuilder customer = customer().bought("RNG-0001", ProductCategory.RINGS, purchasedAt, "1299.00");

        assertThat(matches(rule, customer)).isEqualTo(expected);
    }

    @Test
    void purchased_windowIsExactToTheNanosecond() {
        Instant now = NOW.plusMillis(500);
        CustomerBuilder boughtJustOutside = customer().bought("RNG-0001", ProductCategory.RINGS, daysAgo(90), "10");
        CustomerBuilder boughtJustInside =
                customer().bought("RNG-0001", ProductCategory.RINGS, daysAgo(90).plusMillis(500), "10");

        assertThat(matches(RING_IN_90_DAYS, boughtJustOutside, request().now(now)))
                .isFalse();
        assertThat(matches(RING_IN_90_DAYS, boughtJustInside, request().now(now)))
                .isTrue();
    }

    @Test
    void purchased_withoutPurchases_doesNotMatch() {
        assertThat(matches("{'purchased': {'category': 'RINGS'}}", customer())).isFalse();
    }

    @ParameterizedTest(name = "{0} views {1} UTC days before today in a {2}-day window, at least {3}: {4}")
    @CsvSource({
        "3, 29, 30, 3, true",
        "3, 30, 30, 3, false",
        "2, 29, 30, 3, false",
        "3,  0,  1, 3, true",
        "3,  1,  1, 3, false",
        "1, 364, 365, 1, true",
        "1, 365, 365, 1, false",
    })
    void browsed_sumsTheUtcDaysOfTheWindowTodayIncluded(
            int views, int daysBeforeToday, int withinDays, int atLeast, boolean expected) {
        CustomerBuilder customer = customer()
                .events(TODAY_UTC.minusDays(daysBeforeToday), EventType.PRODUCT_VIEW, ProductCategory.WATCHES, views);
        String rule =
                "{'browsed': {'category': 'WATCHES', 'atLeast': " + atLeast + ", 'withinDays': " + withinDays + "}}";

        assertThat(matches(rule, customer)).isEqualTo(expected);
    }

    @Test
    void browsed_sumsAcrossDaysAndTheChosenEventTypesOfTheCategory() {
        CustomerBuilder customer = customer()
                .events(TODAY_UTC, EventType.PRODUCT_VIEW, ProductCategory.WATCHES, 1)
                .events(TODAY_UTC.minusDays(3), EventType.ADD_TO_CART, ProductCategory.WATCHES, 1)
                .events(TODAY_UTC.minusDays(5), EventType.PAGE_VIEW, ProductCategory.WATCHES, 5)
                .events(TODAY_UTC, EventType.PRODUCT_VIEW, ProductCategory.RINGS, 9)
                .events(TODAY_UTC, EventType.SEARCH, null, 9)
                .events(TODAY_UTC.plusDays(1), EventType.PRODUCT_VIEW, ProductCategory.WATCHES, 9);
        String viewsAndCarts = "'withinDays': 7, 'eventTypes': ['PRODUCT_VIEW', 'ADD_TO_CART']";

        assertThat(matches("{'browsed': {'category': 'WATCHES', 'atLeast': 2, " + viewsAndCarts + "}}", customer))
                .isTrue();
        assertThat(matches("{'browsed': {'category': 'WATCHES', 'atLeast': 3, " + viewsAndCarts + "}}", customer))
                .isFalse();
        assertThat(matches("{'browsed': {'category': 'WATCHES', 'atLeast': 7, 'withinDays': 7}}", customer))
                .isTrue();
        assertThat(matches("{'browsed': {'category': 'WATCHES', 'atLeast': 8, 'withinDays': 7}}", customer))
                .isFalse();
    }

    @Test
    void browsed_windowEndsWithTheUtcDayOfNow_notTheVisitorsDay() {
        // 01:00 UTC on June 15 is still June 14 in Los Angeles; the window is UTC days all the same.
        CustomerBuilder customer = customer().events(TODAY_UTC, EventType.PRODUCT_VIEW, ProductCategory.WATCHES, 1);
        String today = "{'browsed': {'category': 'WATCHES', 'withinDays': 1}}";

        assertThat(matches(
                        today,
                        customer,
                        request().zone(ZoneId.of("America/Los_Angeles")).now(Instant.parse("2026-06-15T01:00:00Z"))))
                .isTrue();
    }

    @ParameterizedTest(name = "spent {0} on {1} UTC days before today, {2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1000.00 | 29 | {'op': 'gte', 'amount': 1000, 'withinDays': 30}     | true",
                "1000.00 | 30 | {'op': 'gte', 'amount': 1000, 'withinDays': 30}     | false",
                "1000.00 | 29 | {'op': 'gt', 'amount': 1000, 'withinDays': 30}      | false",
                "1000.00 | 29 | {'op': 'lte', 'amount': '1000.00', 'withinDays': 30} | true",
                "1000.00 | 29 | {'op': 'lt', 'amount': 1000, 'withinDays': 30}      | false",
                "999.99  | 29 | {'op': 'lt', 'amount': 1000, 'withinDays': 30}      | true",
                "1000.00 | 30 | {'op': 'lt', 'amount': 0.01, 'withinDays': 30}      | true",
                "1000.00 | 0  | {'op': 'gte', 'amount': 1000, 'withinDays': 1}      | true",
                "1000.00 | 364 | {'op': 'gte', 'amount': 1000, 'withinDays': 365}   | true",
                "1000.00 | 365 | {'op': 'gte', 'amount': 1000, 'withinDays': 365}   | false",
            })
    void spend_inAWindow_sumsTheUtcDaysOfTheWindow(
            String amount, int daysBeforeToday, String params, boolean expected) {
        CustomerBuilder customer = customer().spent(TODAY_UTC.minusDays(daysBeforeToday), amount);

        assertThat(matches("{'spend': " + params + "}", customer)).isEqualTo(expected);
    }

    @Test
    void spend_sumsEveryDayInTheWindow() {
        CustomerBuilder customer = customer()
                .spent(TODAY_UTC, "0.10")
                .spent(TODAY_UTC.minusDays(1), "0.20")
                .spent(TODAY_UTC.minusDays(2), "999.70")
                .spent(TODAY_UTC.minusDays(3), "5000");

        assertThat(matches("{'spend': {'op': 'gte', 'amount': 1000, 'withinDays': 3}}", customer))
                .isTrue();
        assertThat(matches("{'spend': {'op': 'gt', 'amount': 1000, 'withinDays': 3}}", customer))
                .isFalse();
    }

    @ParameterizedTest(name = "lifetime spend {0}, {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1000    | {'op': 'gte', 'amount': 1000}   | true",
                "999.99  | {'op': 'gte', 'amount': 1000}   | false",
                "1000.00 | {'op': 'gt', 'amount': 1000}    | false",
                "0       | {'op': 'lte', 'amount': 0}      | true",
                "0       | {'op': 'lt', 'amount': 0}       | false",
            })
    void spend_withoutAWindow_isLifetimeSpend(String totalSpend, String params, boolean expected) {
        CustomerBuilder customer = customer().history(3, totalSpend, daysAgo(400));

        assertThat(matches("{'spend': " + params + "}", customer)).isEqualTo(expected);
    }

    static Stream<Arguments> serviceOrders() {
        return Stream.of(
                orders("any open order", "{}", customer().order(Kind.REPAIR, ServiceOrderStatus.RECEIVED), true),
                orders("no orders", "{}", customer(), false),
                orders(
                        "only a delivered one",
                        "{}",
                        customer().order(Kind.REPAIR, ServiceOrderStatus.DELIVERED),
                        false),
                orders(
                        "ready for pickup",
                        "{'status': ['READY_FOR_PICKUP']}",
                        customer()
                                .order(Kind.REPAIR, ServiceOrderStatus.IN_PROGRESS)
                                .order(Kind.CUSTOM_DESIGN, ServiceOrderStatus.READY_FOR_PICKUP),
                        true),
                orders(
                        "not ready yet",
                        "{'status': ['READY_FOR_PICKUP']}",
                        customer().order(Kind.REPAIR, ServiceOrderStatus.QUALITY_CHECK),
                        false),
                orders(
                        "a repair",
                        "{'kind': 'REPAIR'}",
                        customer().order(Kind.REPAIR, ServiceOrderStatus.RECEIVED),
                        true),
                orders(
                        "a custom design only",
                        "{'kind': 'REPAIR'}",
                        customer().order(Kind.CUSTOM_DESIGN, ServiceOrderStatus.RECEIVED),
                        false),
                orders(
                        "status and kind on different orders",
                        "{'status': ['READY_FOR_PICKUP'], 'kind': 'REPAIR'}",
                        customer()
                                .order(Kind.REPAIR, ServiceOrderStatus.IN_PROGRESS)
                                .order(Kind.CUSTOM_DESIGN, ServiceOrderStatus.READY_FOR_PICKUP),
                        false),
                orders(
                        "status and kind on one order",
                        "{'status': ['READY_FOR_PICKUP'], 'kind': 'REPAIR'}",
                        customer().order(Kind.REPAIR, ServiceOrderStatus.READY_FOR_PICKUP),
                        true));
    }

    @ParameterizedTest
    @MethodSource("serviceOrders")
    void openServiceOrder_matchesAnOpenOrderWithTheStatusAndKind(
            String params, CustomerBuilder customer, boolean expected) {
        assertThat(matches("{'openServiceOrder': " + params + "}", customer)).isEqualTo(expected);
    }

    static Stream<Arguments> newCustomers() {
        return Stream.of(
                Arguments.argumentSet("joined exactly 30 days ago", customer().memberSince(daysAgo(30)), true),
                Arguments.argumentSet("joined today", customer().memberSince(NOW), true),
                Arguments.argumentSet(
                        "joined a second more than 30 days ago",
                        customer().memberSince(daysAgo(30).minusSeconds(1)),
                        false),
                Arguments.argumentSet("joined 31 days ago", customer().memberSince(daysAgo(31)), false),
                Arguments.argumentSet(
                        "joined recently but bought",
                        customer().memberSince(daysAgo(2)).bought("RNG-0001", ProductCategory.RINGS, NOW, "10"),
                        false));
    }

    @ParameterizedTest
    @MethodSource("newCustomers")
    void newCustomer_joinedWithinTheWindowWithoutPurchases(CustomerBuilder customer, boolean expected) {
        assertThat(matches("{'newCustomer': {'joinedWithinDays': 30}}", customer))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} purchases, {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 | {}                   | false",
                "1 | {}                   | false",
                "2 | {}                   | true",
                "0 | {'minPurchases': 1}  | false",
                "1 | {'minPurchases': 1}  | true",
                "9 | {'minPurchases': 10} | false",
                "10 | {'minPurchases': 10} | true",
            })
    void returningCustomer_hasAtLeastTheMinimumPurchases(int purchases, String params, boolean expected) {
        CustomerBuilder customer = customer().history(purchases, "100", purchases == 0 ? null : daysAgo(10));

        assertThat(matches("{'returningCustomer': " + params + "}", customer)).isEqualTo(expected);
    }

    static Stream<Arguments> lastPurchases() {
        return Stream.of(
                Arguments.argumentSet("exactly 180 days ago", customer().history(2, "10", daysAgo(180)), false),
                Arguments.argumentSet(
                        "a second more than 180 days ago",
                        customer().history(2, "10", daysAgo(180).minusSeconds(1)),
                        true),
                Arguments.argumentSet("181 days ago", customer().history(2, "10", daysAgo(181)), true),
                Arguments.argumentSet("yesterday", customer().history(2, "10", daysAgo(1)), false),
                Arguments.argumentSet("never", customer(), false));
    }

    @ParameterizedTest
    @MethodSource("lastPurchases")
    void lastPurchase_isMoreThanTheDaysAgo(CustomerBuilder customer, boolean expected) {
        assertThat(matches("{'lastPurchase': {'olderThanDays': 180}}", customer))
                .isEqualTo(expected);
    }

    private static Arguments purchase(String name, String rule, Instant purchasedAt, boolean expected) {
        return Arguments.argumentSet(name, rule, purchasedAt, expected);
    }

    private static Arguments orders(String name, String params, CustomerBuilder customer, boolean expected) {
        return Arguments.argumentSet(name, params, customer, expected);
    }
}
