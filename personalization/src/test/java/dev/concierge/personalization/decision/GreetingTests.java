package dev.concierge.personalization.decision;

import static dev.concierge.personalization.decision.Fixtures.context;
import static dev.concierge.personalization.decision.Fixtures.customer;
import static dev.concierge.personalization.decision.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.personalization.decision.Fixtures.CustomerBuilder;
import dev.concierge.personalization.decision.Greeting.Kind;
import dev.concierge.personalization.decision.Reason.Code;
import dev.concierge.personalization.experiment.ExposureLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GreetingTests {

    private final DecidePage decidePage = new DecidePage(ExposureLog.NONE);

    static Stream<Arguments> birthdays() {
        return Stream.of(
                birthday("on the day", "2026-06-15", "1990-06-15", "Happy birthday, Ada!", "Birthday today"),
                birthday("tomorrow", "2026-06-15", "1990-06-16", "Your birthday is tomorrow, Ada", "Birthday tomorrow"),
                birthday(
                        "in 6 days",
                        "2026-06-15",
                        "1990-06-21",
                        "Your birthday is in 6 days, Ada",
                        "Birthday in 6 days"),
                birthday(
                        "Dec 31 for Jan 1",
                        "2026-12-31",
                        "1985-01-01",
                        "Your birthday is tomorrow, Ada",
                        "Birthday tomorrow"),
                birthday(
                        "Dec 28 for Jan 3",
                        "2026-12-28",
                        "1985-01-03",
                        "Your birthday is in 6 days, Ada",
                        "Birthday in 6 days"),
                birthday("Jan 1 on the day", "2027-01-01", "1985-01-01", "Happy birthday, Ada!", "Birthday today"),
                birthday(
                        "Feb 29 on Feb 28 of a common year",
                        "2027-02-28",
                        "2000-02-29",
                        "Happy birthday, Ada!",
                        "Birthday today"),
                birthday(
                        "Feb 29 seen from Feb 23 of a common year",
                        "2027-02-23",
                        "2000-02-29",
                        "Your birthday is in 5 days, Ada",
                        "Birthday in 5 days"),
                birthday(
                        "Feb 29 seen from Feb 28 of a leap year",
                        "2028-02-28",
                        "2000-02-29",
                        "Your birthday is tomorrow, Ada",
                        "Birthday tomorrow"),
                birthday(
                        "Feb 29 in a leap year", "2028-02-29", "2000-02-29", "Happy birthday, Ada!", "Birthday today"));
    }

    private static Arguments birthday(String name, String today, String birthday, String text, String reason) {
        return Arguments.argumentSet(name, LocalDate.parse(today), LocalDate.parse(birthday), text, reason);
    }

    @ParameterizedTest
    @MethodSource("birthdays")
    void greeting_birthdayWithinAWeek_marksIt(LocalDate today, LocalDate birthday, String text, String reason) {
        Greeting greeting = greet(customer().birthday(birthday), today);

        assertThat(greeting).isEqualTo(new Greeting(Kind.BIRTHDAY, text, List.of(Reason.of(Code.BIRTHDAY, reason))));
    }

    static Stream<Arguments> noBirthdays() {
        return Stream.of(
                Arguments.argumentSet("in 7 days", LocalDate.parse("2026-06-15"), LocalDate.parse("1990-06-22")),
                Arguments.argumentSet("yesterday", LocalDate.parse("2026-06-15"), LocalDate.parse("1990-06-14")),
                Arguments.argumentSet("Jan 1 for Dec 31", LocalDate.parse("2027-01-01"), LocalDate.parse("1985-12-31")),
                Arguments.argumentSet(
                        "Feb 29 seen from Mar 1 of a common year",
                        LocalDate.parse("2027-03-01"),
                        LocalDate.parse("2000-02-29")),
                Arguments.argumentSet(
                        "Feb 29 seen from Feb 21 of a common year",
                        LocalDate.parse("2027-02-21"),
                        LocalDate.parse("2000-02-29")));
    }

    @ParameterizedTest
    @MethodSource("noBirthdays")
    void greeting_birthdayOutsideTheWeek_saysHello(LocalDate today, LocalDate birthday) {
        Greeting greeting = greet(customer().birthday(birthday), today);

        assertThat(greeting).isEqualTo(new Greeting(Kind.HELLO, "Hello, Ada", List.of()));
    }

    @Test
    void greeting_usesTheVisitorsCalendarDate() {
        // 23:30 on Dec 31 in UTC is already Jan 1 in Paris
        Instant now = Instant.parse("2026-12-31T23:30:00Z");
        var request = page().customer(
                        customer().birthday(LocalDate.parse("1985-01-01")).build());

        Greeting inParis = decidePage
                .decide(request.context(context(now, "fr-FR", ZoneId.of("Europe/Paris")))
                        .build())
                .greeting();
        Greeting inUtc = decidePage
                .decide(request.context(context(now, "en-GB", ZoneOffset.UTC)).build())
                .greeting();

        assertThat(inParis.text()).isEqualTo("Happy birthday, Ada!");
        assertThat(inUtc.text()).isEqualTo("Your birthday is tomorrow, Ada");
    }

    @Test
    void greeting_anniversaryWithinAWeek_marksIt() {
        Greeting greeting = greet(
                customer().birthday(LocalDate.parse("1990-03-01")).anniversary(LocalDate.parse("2015-06-18")),
                LocalDate.parse("2026-06-15"));

        assertThat(greeting)
                .isEqualTo(new Greeting(
                        Kind.ANNIVERSARY,
                        "Your anniversary is in 3 days, Ada",
                        List.of(Reason.of(Code.ANNIVERSARY, "Anniversary in 3 days"))));
    }

    @Test
    void greeting_anniversaryToday_congratulates() {
        Greeting greeting = greet(customer().anniversary(LocalDate.parse("2015-06-15")), LocalDate.parse("2026-06-15"));

        assertThat(greeting.kind()).isEqualTo(Kind.ANNIVERSARY);
        assertThat(greeting.text()).isEqualTo("Happy anniversary, Ada!");
    }

    @Test
    void greeting_birthdayAndAnniversaryBothNear_birthdayWins() {
        Greeting greeting = greet(
                customer().birthday(LocalDate.parse("1990-06-20")).anniversary(LocalDate.parse("2015-06-15")),
                LocalDate.parse("2026-06-15"));

        assertThat(greeting.kind()).isEqualTo(Kind.BIRTHDAY);
    }

    static Stream<Arguments> returns() {
        Instant now = Fixtures.NOW;
        Instant longAgo = now.minus(Duration.ofDays(91));
        Instant recently = now.minus(Duration.ofDays(10));
        Instant exactly90Days = now.minus(Duration.ofDays(90));
        return Stream.of(
                Arguments.argumentSet("last purchase 91 days ago", longAgo, null, Kind.WELCOME_BACK),
                Arguments.argumentSet("last event 91 days ago", null, longAgo, Kind.WELCOME_BACK),
                Arguments.argumentSet("both long ago", longAgo.minus(Duration.ofDays(30)), longAgo, Kind.WELCOME_BACK),
                Arguments.argumentSet("old purchase, recent event", longAgo, recently, Kind.HELLO),
                Arguments.argumentSet("recent purchase, old event", recently, longAgo, Kind.HELLO),
                Arguments.argumentSet("exactly 90 days ago", exactly90Days, null, Kind.HELLO),
                Arguments.argumentSet("never seen", null, null, Kind.HELLO));
    }

    @ParameterizedTest
    @MethodSource("returns")
    void greeting_afterMoreThan90DaysAway_welcomesBack(Instant lastPurchaseAt, Instant lastEventAt, Kind expected) {
        Greeting greeting = decidePage
                .decide(page().customer(customer()
                                .lastPurchaseAt(lastPurchaseAt)
                                .lastEventAt(lastEventAt)
                                .build())
                        .build())
                .greeting();

        assertThat(greeting.kind()).isEqualTo(expected);
        if (expected == Kind.WELCOME_BACK) {
            assertThat(greeting.text()).isEqualTo("Welcome back, Ada");
            assertThat(greeting.reasons()).extracting(Reason::code).containsExactly(Code.WELCOME_BACK);
        } else {
            assertThat(greeting.text()).isEqualTo("Hello, Ada");
            assertThat(greeting.reasons()).isEmpty();
        }
    }

    @Test
    void greeting_withoutConsent_saysHelloWithoutTheBirthday() {
        Greeting greeting = decidePage
                .decide(page().customer(customer()
                                .withoutConsent()
                                .birthday(LocalDate.parse("1990-06-15"))
                                .lastPurchaseAt(Fixtures.NOW.minus(Duration.ofDays(400)))
                                .build())
                        .build())
                .greeting();

        assertThat(greeting)
                .isEqualTo(new Greeting(
                        Kind.HELLO,
                        "Hello, Ada",
                        List.of(Reason.of(Code.DEFAULT_NO_CONSENT, "Default: no personalization consent"))));
    }

    @Test
    void greeting_signedOut_welcomes() {
        Greeting expected = new Greeting(
                Kind.WELCOME, "Welcome", List.of(Reason.of(Code.DEFAULT_SIGNED_OUT, "Default: signed out")));

        assertThat(decidePage.decide(page().anonymous("visitor-1").build()).greeting())
                .isEqualTo(expected);
        assertThat(decidePage.decide(page().nobody().build()).greeting()).isEqualTo(expected);
    }

    @Test
    void greeting_blankFirstName_greetsWithoutAName() {
        assertThat(greet(
                                customer().firstName(" ").birthday(LocalDate.parse("1990-06-15")),
                                LocalDate.parse("2026-06-15"))
                        .text())
                .isEqualTo("Happy birthday!");
        assertThat(greet(customer().firstName(""), LocalDate.parse("2026-06-15"))
                        .text())
                .isEqualTo("Hello");
    }

    private Greeting greet(CustomerBuilder customer, LocalDate today) {
        Instant noon = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return decidePage
                .decide(page().customer(customer.build()).context(context(noon)).build())
                .greeting();
    }
}
