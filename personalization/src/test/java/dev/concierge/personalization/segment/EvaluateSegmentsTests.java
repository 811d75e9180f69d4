package dev.concierge.personalization.segment;

import static dev.concierge.personalization.segment.Fixtures.EVALUATE;
import static dev.concierge.personalization.segment.Fixtures.FIFTH_AVENUE;
import static dev.concierge.personalization.segment.Fixtures.NOW;
import static dev.concierge.personalization.segment.Fixtures.SOHO;
import static dev.concierge.personalization.segment.Fixtures.TODAY_UTC;
import static dev.concierge.personalization.segment.Fixtures.customer;
import static dev.concierge.personalization.segment.Fixtures.daysAgo;
import static dev.concierge.personalization.segment.Fixtures.matches;
import static dev.concierge.personalization.segment.Fixtures.request;
import static dev.concierge.personalization.segment.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.CustomerSnapshot.OpenServiceOrder.Kind;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.GeoPoint;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import dev.concierge.personalization.customer.StoreLocation;
import dev.concierge.personalization.segment.Fixtures.CustomerBuilder;
import dev.concierge.personalization.segment.Fixtures.RequestBuilder;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EvaluateSegmentsTests {

    /** A predicate true for {@link #SILVER_WITH_ONE_PURCHASE}, and one false for them. */
    private static final String T = "{'returningCustomer': {'minPurchases': 1}}";

    private static final String F = "{'loyaltyTier': {'in': ['PLATINUM']}}";

    private static final CustomerBuilder SILVER_WITH_ONE_PURCHASE =
            customer().tier(LoyaltyTier.SILVER).history(1, "100", daysAgo(10));

    /** Due north of Fifth Avenue: 0.0449 degrees of latitude are 4.99 km, 0.0451 are 5.01 km. */
    private static final GeoPoint INSIDE_5_KM = new GeoPoint(40.7625 + 0.0449, -73.9740);

    private static final GeoPoint OUTSIDE_5_KM = new GeoPoint(40.7625 + 0.0451, -73.9740);

    static Stream<Arguments> combinations() {
        return Stream.of(
                combination("all true", "{'all': [" + T + ", " + T + "]}", true),
                combination("all with one false", "{'all': [" + T + ", " + F + "]}", false),
                combination("all of one", "{'all': [" + T + "]}", true),
                combination("any with one true", "{'any': [" + F + ", " + T + "]}", true),
                combination("any false", "{'any': [" + F + ", " + F + "]}", false),
                combination("not true", "{'not': " + T + "}", false),
                combination("not false", "{'not': " + F + "}", true),
                combination("double negation", "{'not': {'not': " + T + "}}", true),
                combination("not all", "{'not': {'all': [" + T + ", {'not': " + F + "}]}}", false),
                combination(
                        "any of a false all and a true not",
                        "{'any': [{'all': [" + T + ", " + F + "]}, {'not': {'any': [" + F + "]}}]}",
                        true),
                combination(
                        "all of anys",
                        "{'all': [{'any': [" + F + ", " + T + "]}, {'any': [" + T + "]}, {'not': " + F + "}]}",
                        true));
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void combinators_combineTheirRules(String rule, boolean expected) {
        assertThat(matches(rule, SILVER_WITH_ONE_PURCHASE)).isEqualTo(expected);
    }

    @Test
    void evaluate_returnsTheSegmentsWhoseRulesMatch() {
        List<Segment> segments = List.of(
                new Segment("returning", "Returning customers", rule(T)),
                new Segment("platinum", "Platinum members", rule(F)),
                new Segment("app", "App users", rule("{'channel': {'in': ['APP']}}")),
                new Segment("not-platinum", "Everyone but Platinum", rule("{'not': " + F + "}")));

        Membership membership = EVALUATE.evaluate(
                segments,
                SILVER_WITH_ONE_PURCHASE.build(),
                request().channel(Channel.APP).build());

        assertThat(membership.segmentIds()).containsExactlyInAnyOrder("returning", "app", "not-platinum");
        assertThat(membership.contains("platinum")).isFalse();
    }

    @Test
    void evaluate_withNoMatch_isNone() {
        Membership membership = EVALUATE.evaluate(
                List.of(new Segment("platinum", "Platinum members", rule(F))),
                SILVER_WITH_ONE_PURCHASE.build(),
                request().build());

        assertThat(membership).isEqualTo(Membership.NONE);
        assertThat(EVALUATE.evaluate(List.of(), customer().build(), request().build()))
                .isEqualTo(Membership.NONE);
    }

    @ParameterizedTest(name = "{0} in [APP, WATCH]: {1}")
    @CsvSource({"APP, true", "WATCH, true", "WEB, false", "KIOSK, false", "STORE, false"})
    void channel_isTheRequestsChannel(Channel channel, boolean expected) {
        assertThat(matches(
                        "{'channel': {'in': ['APP', 'WATCH']}}",
                        customer(),
                        request().channel(channel)))
                .isEqualTo(expected);
    }

    static Stream<Arguments> devices() {
        return Stream.of(
                Arguments.argumentSet("same case", "mobile", true),
                Arguments.argumentSet("other case", "Mobile", true),
                Arguments.argumentSet("upper case", "TABLET", true),
                Arguments.argumentSet("another device", "desktop", false),
                Arguments.argumentSet("surrounded by spaces", " mobile ", false),
                Arguments.argumentSet("no device", null, false));
    }

    @ParameterizedTest
    @MethodSource("devices")
    void device_isTheRequestsDeviceIgnoringCase(@Nullable String device, boolean expected) {
        assertThat(matches(
                        "{'device': {'in': ['Mobile', 'tablet']}}",
                        customer(),
                        request().device(device)))
                .isEqualTo(expected);
    }

    @Test
    void nearStore_fixtureLocations_areJustInsideAndOutsideFiveKm() {
        assertThat(INSIDE_5_KM.distanceKm(FIFTH_AVENUE.position())).isCloseTo(4.993, within(0.001));
        assertThat(OUTSIDE_5_KM.distanceKm(FIFTH_AVENUE.position())).isCloseTo(5.015, within(0.001));
    }

    static Stream<Arguments> nearStores() {
        CustomerBuilder consenting = customer().consent(ConsentPurpose.LOCATION, true);
        String fifthAvenue = "{'nearStore': {'withinKm': 5, 'store': 'nyc-fifth-avenue'}}";
        String anyStore = "{'nearStore': {'withinKm': 5}}";
        return Stream.of(
                near("just inside the radius", fifthAvenue, consenting, INSIDE_5_KM, true),
                near("just outside the radius", fifthAvenue, consenting, OUTSIDE_5_KM, false),
                near("at the store", fifthAvenue, consenting, FIFTH_AVENUE.position(), true),
                near("without LOCATION consent", fifthAvenue, customer(), INSIDE_5_KM, false),
                near(
                        "with LOCATION consent withdrawn",
                        fifthAvenue,
                        customer().consent(ConsentPurpose.LOCATION, true).consent(ConsentPurpose.LOCATION, false),
                        FIFTH_AVENUE.position(),
                        false),
                near("without a location", fifthAvenue, consenting, null, false),
                near(
                        "near another store",
                        "{'nearStore': {'withinKm': 1, 'store': 'nyc-soho'}}",
                        consenting,
                        FIFTH_AVENUE.position(),
                        false),
                near(
                        "a store no longer known",
                        "{'nearStore': {'withinKm': 20000, 'store': 'nyc-closed'}}",
                        consenting,
                        FIFTH_AVENUE.position(),
                        false),
                near(
                        "the nearest store within the radius",
                        "{'nearStore': {'withinKm': 0.5}}",
                        consenting,
                        SOHO.position(),
                        true),
                near("any store just inside", anyStore, consenting, INSIDE_5_KM, true),
                near("any store just outside", anyStore, consenting, OUTSIDE_5_KM, false),
                near("any store without consent", anyStore, customer(), SOHO.position(), false));
    }

    @ParameterizedTest
    @MethodSource("nearStores")
    void nearStore_needsConsentALocationAndTheDistance(
            String rule, CustomerBuilder customer, @Nullable GeoPoint location, boolean expected) {
        assertThat(matches(rule, customer, request().location(location))).isEqualTo(expected);
    }

    @Test
    void nearStore_withNoStores_doesNotMatch() {
        CustomerSnapshot consenting =
                customer().consent(ConsentPurpose.LOCATION, true).build();
        RequestContext here = request().location(FIFTH_AVENUE.position()).build();

        assertThat(new EvaluateSegments(List.of())
                        .matches(rule("{'nearStore': {'withinKm': 20000}}"), consenting, here))
                .isFalse();
    }

    @Test
    void new_storesSharingAnId_failFast() {
        StoreLocation copy = new StoreLocation(SOHO.id(), "SoHo again", SOHO.position());

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new EvaluateSegments(List.of(SOHO, FIFTH_AVENUE, copy)))
                .withMessageContaining(SOHO.id());
    }

    @Test
    void evaluate_oddSnapshotData_neverThrows() {
        CustomerBuilder odd = customer()
                .birthday(LocalDate.of(2096, 2, 29))
                .anniversary(LocalDate.of(1, 1, 1))
                .memberSince(NOW.plusSeconds(86_400 * 400L))
                .attribute("nan", Double.NaN)
                .attribute("infinite", Float.NEGATIVE_INFINITY)
                .attribute("huge", BigInteger.TEN.pow(400))
                .attribute("list", List.of(1, 2))
                .attribute("map", Map.of("a", 1))
                .attribute("character", 'x')
                .events(TODAY_UTC.plusDays(30), EventType.PRODUCT_VIEW, ProductCategory.WATCHES, Integer.MAX_VALUE)
                .events(TODAY_UTC, EventType.PRODUCT_VIEW, ProductCategory.WATCHES, Integer.MAX_VALUE)
                .events(TODAY_UTC.minusDays(1), EventType.PRODUCT_VIEW, ProductCategory.WATCHES, Integer.MAX_VALUE)
                .events(TODAY_UTC.minusDays(900), EventType.SEARCH, null, -5)
                .spent(TODAY_UTC.plusDays(3), "-50")
                .history(-1, "-3", NOW.plusSeconds(3600))
                .order(Kind.REPAIR, ServiceOrderStatus.DELIVERED);
        List<Segment> segments = Stream.of(
                        "{'attribute': {'name': 'attributes.nan', 'op': 'gte', 'value': 0}}",
                        "{'attribute': {'name': 'attributes.infinite', 'op': 'in', 'value': [1, 'x', true]}}",
                        "{'attribute': {'name': 'attributes.huge', 'op': 'gt', 'value': 99999999999999999.5}}",
                        "{'attribute': {'name': 'attributes.list', 'op': 'startsWith', 'value': '['}}",
                        "{'attribute': {'name': 'attributes.map', 'op': 'ne', 'value': false}}",
                        "{'attribute': {'name': 'attributes.character', 'op': 'eq', 'value': 'x'}}",
                        "{'attribute': {'name': 'memberSince', 'op': 'lt', 'value': '2020-01-01'}}",
                        "{'birthdayWithin': {'days': 366, 'pastDays': 366}}",
                        "{'anniversaryWithin': {'days': 1, 'pastDays': 366}}",
                        "{'browsed': {'category': 'WATCHES', 'atLeast': 2147483647, 'withinDays': 365}}",
                        "{'spend': {'op': 'lt', 'amount': 0, 'withinDays': 365}}",
                        "{'spend': {'op': 'lt', 'amount': 0}}",
                        "{'openServiceOrder': {}}",
                        "{'newCustomer': {'joinedWithinDays': 1}}",
                        "{'returningCustomer': {'minPurchases': 1}}",
                        "{'lastPurchase': {'olderThanDays': 1}}",
                        "{'purchased': {'category': 'WATCHES'}}",
                        "{'nearStore': {'withinKm': 1}}",
                        "{'device': {'in': ['mobile']}}")
                .map(json -> new Segment(json, json, rule(json)))
                .toList();
        RequestBuilder request = request().device(null).location(new GeoPoint(90, 180));

        assertThatCode(() -> EVALUATE.evaluate(segments, odd.build(), request.build()))
                .doesNotThrowAnyException();
        assertThat(EVALUATE.evaluate(segments, odd.build(), request.build()).segmentIds())
                .containsExactlyInAnyOrder(
                        "{'attribute': {'name': 'attributes.huge', 'op': 'gt', 'value': 99999999999999999.5}}",
                        "{'birthdayWithin': {'days': 366, 'pastDays': 366}}",
                        "{'browsed': {'category': 'WATCHES', 'atLeast': 2147483647, 'withinDays': 365}}",
                        "{'anniversaryWithin': {'days': 1, 'pastDays': 366}}",
                        "{'spend': {'op': 'lt', 'amount': 0}}");
    }

    private static Arguments combination(String name, String rule, boolean expected) {
        return Arguments.argumentSet(name, rule, expected);
    }

    private static Arguments near(
            String name, String rule, CustomerBuilder customer, @Nullable GeoPoint location, boolean expected) {
        return Arguments.argumentSet(name, rule, customer, location, expected);
    }
}
