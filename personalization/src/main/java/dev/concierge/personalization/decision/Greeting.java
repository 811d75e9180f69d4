package dev.concierge.personalization.decision;

import java.util.List;

/** The line a page opens with, marking an occasion when the customer lets us, and why. */
public record Greeting(Kind kind, String text, List<Reason> reasons) {

    public enum Kind {
        /** The customer's birthday is today or within the next days. */
        BIRTHDAY,
        /** The customer's anniversary is today or within the next days. */
        ANNIVERSARY,
        /** A customer back after a long while without purchases or events. */
        WELCOME_BACK,
        /** A customer, by first name. */
        HELLO,
        /** A signed-out visitor. */
        WELCOME
    }

    public Greeting {
        reasons = List.copyOf(reasons);
    }
}
