package dev.concierge.personalization.decision;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.decision.Greeting.Kind;
import dev.concierge.personalization.decision.PageDecision.Mode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Chooses the page's greeting: occasions and returns only with consent, a plain hello otherwise. */
final class Greetings {

    /** An occasion is marked from this many days ahead, today included. */
    static final int OCCASION_WINDOW_DAYS = 7;

    /** A customer with no purchase or event for longer than this is welcomed back. */
    static final Duration WELCOME_BACK_AFTER = Duration.ofDays(90);

    private static final Greeting SIGNED_OUT = new Greeting(
            Kind.WELCOME, "Welcome", List.of(Reason.of(Reason.Code.DEFAULT_SIGNED_OUT, "Default: signed out")));

    private static final List<Reason> NO_CONSENT =
            List.of(Reason.of(Reason.Code.DEFAULT_NO_CONSENT, "Default: no personalization consent"));

    private Greetings() {}

    static Greeting greet(Mode mode, @Nullable CustomerSnapshot customer, RequestContext context) {
        if (mode == Mode.SIGNED_OUT || customer == null) {
            return SIGNED_OUT;
        }
        CustomerSnapshot.Profile profile = customer.profile();
        String name = profile.firstName().strip();
        if (mode == Mode.NO_CONSENT) {
            return new Greeting(Kind.HELLO, addressed("Hello", name), NO_CONSENT);
        }
        LocalDate today = context.today();
        Greeting occasion = occasion(Kind.BIRTHDAY, "birthday", profile.birthday(), today, name);
        if (occasion == null) {
            occasion = occasion(Kind.ANNIVERSARY, "anniversary", profile.anniversary(), today, name);
        }
        if (occasion != null) {
            return occasion;
        }
        Instant lastSeen =
                latest(customer.activity().lastPurchaseAt(), customer.activity().lastEventAt());
        if (lastSeen != null && lastSeen.isBefore(context.now().minus(WELCOME_BACK_AFTER))) {
            return new Greeting(
                    Kind.WELCOME_BACK,
                    addressed("Welcome back", name),
                    List.of(Reason.of(
                            Reason.Code.WELCOME_BACK,
                            "Last seen more than " + WELCOME_BACK_AFTER.toDays() + " days ago")));
        }
        return new Greeting(Kind.HELLO, addressed("Hello", name), List.of());
    }

    private static @Nullable Greeting occasion(
            Kind kind, String occasion, @Nullable LocalDate date, LocalDate today, String name) {
        if (date == null) {
            return null;
        }
        int days = CalendarDays.untilNextOccurrence(date, today);
        if (days >= OCCASION_WINDOW_DAYS) {
            return null;
        }
        Reason.Code code = kind == Kind.BIRTHDAY ? Reason.Code.BIRTHDAY : Reason.Code.ANNIVERSARY;
        if (days == 0) {
            String text = "Happy " + occasion + (name.isEmpty() ? "!" : ", " + name + "!");
            return new Greeting(kind, text, List.of(Reason.of(code, capitalized(occasion) + " today")));
        }
        String when = days == 1 ? "tomorrow" : "in " + days + " days";
        return new Greeting(
                kind,
                addressed("Your " + occasion + " is " + when, name),
                List.of(Reason.of(code, capitalized(occasion) + " " + when)));
    }

    private static String addressed(String text, String name) {
        return name.isEmpty() ? text : text + ", " + name;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
