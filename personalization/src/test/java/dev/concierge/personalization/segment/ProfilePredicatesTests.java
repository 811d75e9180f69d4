package dev.concierge.personalization.segment;

import static dev.concierge.personalization.segment.Fixtures.customer;
import static dev.concierge.personalization.segment.Fixtures.matches;
import static dev.concierge.personalization.segment.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.segment.Fixtures.CustomerBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProfilePredicatesTests {

    /** Ada: 1500 points, a member since 2024-03-01T10:00Z, no home store, a few free-form attributes. */
    private static CustomerBuilder ada() {
        return customer()
                .firstName("Ada")
                .locale("en-GB")
                .points(1500)
                .memberSince(Instant.parse("2024-03-01T10:00:00Z"))
                .attribute("shoeSize", 38)
                .attribute("ringSize", 6.5)
                .attribute("budget", new BigDecimal("1000.00"))
                .attribute("visits", BigInteger.valueOf(12))
                .attribute("vip", true)
                .attribute("style", "minimalist")
                .attribute("broken", Double.NaN)
                .attribute("tags", List.of("a", "b"));
    }

    static Stream<Arguments> attributes() {
        return Stream.of(
                // strings: exact and case-sensitive
                attribute("firstName eq", "firstName", "eq", "'Ada'", true),
                attribute("firstName eq in another case", "firstName", "eq", "'ada'", false),
                attribute("firstName ne another name", "firstName", "ne", "'Bob'", true),
                attribute("firstName ne the name", "firstName", "ne", "'Ada'", false),
                attribute("firstName in", "firstName", "in", "['Bob', 'Ada']", true),
                attribute("firstName not in", "firstName", "in", "['Bob', 'Cy']", false),
                attribute("firstName contains", "firstName", "contains", "'d'", true),
                attribute("firstName startsWith", "firstName", "startsWith", "'Ad'", true),
                attribute("firstName startsWith the end", "firstName", "startsWith", "'da'", false),
                attribute("locale eq", "locale", "eq", "'en-GB'", true),
                // missing: only exists false matches
                attribute("missing homeStore eq", "homeStore", "eq", "'nyc-soho'", false),
                attribute("missing homeStore ne", "homeStore", "ne", "'nyc-soho'", false),
                attribute("missing homeStore in", "homeStore", "in", "['nyc-soho']", false),
                attribute("missing homeStore exists", "homeStore", "exists", null, false),
                attribute("missing homeStore exists false", "homeStore", "exists", "false", true),
                attribute("firstName exists", "firstName", "exists", null, true),
                // numbers by value
                attribute("loyaltyPoints gte at the bound", "loyaltyPoints", "gte", "1500", true),
                attribute("loyaltyPoints gt at the bound", "loyaltyPoints", "gt", "1500", false),
                attribute("loyaltyPoints gt just below", "loyaltyPoints", "gt", "1499", true),
                attribute("loyaltyPoints lte at the bound", "loyaltyPoints", "lte", "1500", true),
                attribute("loyaltyPoints lt at the bound", "loyaltyPoints", "lt", "1500", false),
                attribute("loyaltyPoints lt a fraction above", "loyaltyPoints", "lt", "1500.5", true),
                attribute("loyaltyPoints gt a fraction below", "loyaltyPoints", "gt", "1499.5", true),
                attribute("loyaltyPoints eq a whole fraction", "loyaltyPoints", "eq", "1500.0", true),
                attribute("loyaltyPoints ne", "loyaltyPoints", "ne", "1500", false),
                attribute("loyaltyPoints in", "loyaltyPoints", "in", "[100, 1500]", true),
                attribute("loyaltyPoints exists", "loyaltyPoints", "exists", null, true),
                // instants
                attribute("memberSince lt the next day", "memberSince", "lt", "'2024-03-02'", true),
                attribute("memberSince gte its day", "memberSince", "gte", "'2024-03-01'", true),
                attribute("memberSince lt its day", "memberSince", "lt", "'2024-03-01'", false),
                attribute("memberSince eq the same instant", "memberSince", "eq", "'2024-03-01T12:00:00+02:00'", true),
                attribute("memberSince gt the same instant", "memberSince", "gt", "'2024-03-01T10:00:00Z'", false),
                attribute("memberSince in", "memberSince", "in", "['2024-03-01T10:00:00Z']", true),
                // free-form attributes, typed when evaluating
                attribute("integer eq", "attributes.shoeSize", "eq", "38", true),
                attribute("integer eq a whole fraction", "attributes.shoeSize", "eq", "38.0", true),
                attribute("integer gt a fraction", "attributes.shoeSize", "gt", "37.5", true),
                attribute("integer eq its string", "attributes.shoeSize", "eq", "'38'", false),
                attribute("integer ne a string", "attributes.shoeSize", "ne", "'38'", false),
                attribute("integer contains", "attributes.shoeSize", "contains", "'3'", false),
                attribute("double eq", "attributes.ringSize", "eq", "6.5", true),
                attribute("double lt at the bound", "attributes.ringSize", "lt", "6.5", false),
                attribute("double gte at the bound", "attributes.ringSize", "gte", "6.5", true),
                attribute("decimal eq a whole number", "attributes.budget", "eq", "1000", true),
                attribute("decimal gt", "attributes.budget", "gt", "999.99", true),
                attribute("big integer lte", "attributes.visits", "lte", "12", true),
                attribute("boolean eq", "attributes.vip", "eq", "true", true),
                attribute("boolean ne", "attributes.vip", "ne", "false", true),
                attribute("boolean eq its string", "attributes.vip", "eq", "'true'", false),
                attribute("boolean in", "attributes.vip", "in", "['yes', 1, true]", true),
                attribute("string contains", "attributes.style", "contains", "'mal'", true),
                attribute("string startsWith", "attributes.style", "startsWith", "'mini'", true),
                attribute("string gt a number", "attributes.style", "gt", "3", false),
                attribute("string in", "attributes.style", "in", "['classic', 'minimalist']", true),
                attribute("missing eq", "attributes.eyeColour", "eq", "'green'", false),
                attribute("missing ne", "attributes.eyeColour", "ne", "'green'", false),
                attribute("missing exists", "attributes.eyeColour", "exists", null, false),
                attribute("missing exists false", "attributes.eyeColour", "exists", "false", true),
                attribute("NaN gt", "attributes.broken", "gt", "0", false),
                attribute("NaN ne", "attributes.broken", "ne", "0", false),
                attribute("NaN exists", "attributes.broken", "exists", null, true),
                attribute("list eq", "attributes.tags", "eq", "'a'", false),
                attribute("list contains", "attributes.tags", "contains", "'a'", false));
    }

    @ParameterizedTest
    @MethodSource("attributes")
    void attribute_comparesTheProfile(String rule, boolean expected) {
        assertThat(matches(rule, ada())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in [GOLD, PLATINUM]: {1}; at least GOLD: {2}")
    @CsvSource({"BRONZE, false, false", "SILVER, false, false", "GOLD, true, true", "PLATINUM, true, true"})
    void loyaltyTier_inAndAtLeast(LoyaltyTier tier, boolean inGoldOrPlatinum, boolean atLeastGold) {
        CustomerBuilder customer = customer().tier(tier);

        assertThat(matches("{'loyaltyTier': {'in': ['GOLD', 'PLATINUM']}}", customer))
                .isEqualTo(inGoldOrPlatinum);
        assertThat(matches("{'loyaltyTier': {'atLeast': 'GOLD'}}", customer)).isEqualTo(atLeastGold);
    }

    @ParameterizedTest(name = "born {0}, on {1}, days {2}, pastDays {3}: {4}")
    @CsvSource({
        // across the year end, from a Dec 31 birthday
        "1990-12-31, 2025-12-30, 1, 0, false",
        "1990-12-31, 2025-12-30, 2, 0, true",
        "1990-12-31, 2025-12-31, 1, 0, true",
        "1990-12-31, 2026-01-01, 1, 0, false",
        "1990-12-31, 2026-01-01, 7, 0, false",
        "1990-12-31, 2026-01-01, 1, 1, true",
        "1990-12-31, 2026-01-02, 1, 1, false",
        "1990-12-31, 2026-01-02, 1, 2, true",
        "1990-12-31, 2026-01-01, 365, 0, true",
        "1990-12-31, 2026-01-01, 364, 0, false",
        // from a Jan 1 birthday
        "1990-01-01, 2025-12-31, 1, 0, false",
        "1990-01-01, 2025-12-31, 2, 0, true",
        "1990-01-01, 2026-01-01, 1, 0, true",
        "1990-01-01, 2026-01-02, 1, 1, true",
        "1990-01-01, 2026-01-02, 7, 0, false",
        // February 29 falls on February 28 in other years
        "1992-02-29, 2025-02-27, 1, 0, false",
        "1992-02-29, 2025-02-27, 2, 0, true",
        "1992-02-29, 2025-02-28, 1, 0, true",
        "1992-02-29, 2025-03-01, 1, 0, false",
        "1992-02-29, 2025-03-01, 1, 1, true",
        "1992-02-29, 2024-02-28, 1, 0, false",
        "1992-02-29, 2024-02-28, 2, 0, true",
        "1992-02-29, 2024-02-29, 1, 0, true",
        "1992-02-29, 2024-03-01, 1, 1, true",
        "1992-02-29, 2024-03-01, 1, 0, false",
        // a Feb 28 birthday in a leap year was yesterday on Feb 29
        "1990-02-28, 2024-02-29, 1, 0, false",
        "1990-02-28, 2024-02-29, 1, 1, true",
        // the widest windows
        "1990-06-16, 2025-06-15, 1, 366, true",
        "1990-06-14, 2025-06-15, 366, 0, true",
        "1990-06-14, 2025-06-15, 364, 0, false",
    })
    void birthdayWithin_countsFromTodayAcrossYearEnds(
            LocalDate birthday, LocalDate today, int days, int pastDays, boolean expected) {
        String rule = "{'birthdayWithin': {'days': " + days + ", 'pastDays': " + pastDays + "}}";

        assertThat(matches(rule, customer().birthday(birthday), request().on(today)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "married {0}, on {1}, days {2}, pastDays {3}: {4}")
    @CsvSource({
        "2015-12-31, 2025-12-31, 1, 0, true",
        "2015-12-31, 2026-01-01, 1, 0, false",
        "2015-12-31, 2026-01-01, 1, 1, true",
        "2016-01-01, 2025-12-31, 2, 0, true",
        "2016-02-29, 2027-02-28, 1, 0, true",
        "2016-06-20, 2026-06-15, 6, 0, true",
        "2016-06-20, 2026-06-15, 5, 0, false",
    })
    void anniversaryWithin_readsTheAnniversary(
            LocalDate anniversary, LocalDate today, int days, int pastDays, boolean expected) {
        String rule = "{'anniversaryWithin': {'days': " + days + ", 'pastDays': " + pastDays + "}}";

        assertThat(matches(rule, customer().anniversary(anniversary), request().on(today)))
                .isEqualTo(expected);
        assertThat(matches(rule, customer().birthday(anniversary), request().on(today)))
                .isFalse();
    }

    @Test
    void occasions_withoutADate_doNotMatch() {
        assertThat(matches(
                        "{'birthdayWithin': {'days': 366, 'pastDays': 366}}",
                        customer().birthday(null)))
                .isFalse();
        assertThat(matches(
                        "{'anniversaryWithin': {'days': 366, 'pastDays': 366}}",
                        customer().anniversary(null)))
                .isFalse();
    }

    @Test
    void birthdayWithin_isTodayInTheVisitorsTimeZone() {
        // 03:00 UTC on Dec 31 is still Dec 30 in Los Angeles.
        Instant now = Instant.parse("2025-12-31T03:00:00Z");
        String today = "{'birthdayWithin': {'days': 1}}";
        CustomerBuilder customer = customer().birthday(LocalDate.of(1990, 12, 31));

        assertThat(matches(today, customer, request().now(now))).isTrue();
        assertThat(matches(today, customer, request().now(now).zone(ZoneId.of("America/Los_Angeles"))))
                .isFalse();
    }

    private static Arguments attribute(
            String name, String attribute, String op, @Nullable String value, boolean expected) {
        String rule = "{'attribute': {'name': '" + attribute + "', 'op': '" + op + "'"
                + (value == null ? "" : ", 'value': " + value) + "}}";
        return Arguments.argumentSet(name, rule, expected);
    }
}
