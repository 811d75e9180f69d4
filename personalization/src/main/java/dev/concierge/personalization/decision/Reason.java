package dev.concierge.personalization.decision;

/** Why a decision came out as it did: a stable machine-readable code and a sentence for people. */
public record Reason(Code code, String text) {

    public enum Code {
        /** A variant targeted at a segment the customer is in; the text names the segment. */
        SEGMENT_MATCH,
        /** The variant for everyone, when no targeted variant applied. */
        DEFAULT_EVERYONE,
        /** The default because the customer has not granted PERSONALIZATION consent. */
        DEFAULT_NO_CONSENT,
        /** The default because the visitor is signed out. */
        DEFAULT_SIGNED_OUT,
        /** The arm bucketing chose; the text is {@code experiment/arm}. */
        EXPERIMENT_ARM,
        /** The subject is in the experiment's holdout and gets the non-experiment choice. */
        EXPERIMENT_HOLDOUT,
        /** Chosen over other eligible variants by priority. */
        PRIORITY,
        /** A variant for the visitor's locale. */
        LOCALE_MATCH,
        /**
         * Nothing published is eligible for this slot now; after an {@link #EXPERIMENT_ARM} reason,
         * nothing of that arm is, and the slot shows the non-experiment choice.
         */
        NO_ELIGIBLE_CONTENT,
        /** Something left out because a consent is missing (e.g. the nearest store without LOCATION). */
        CONSENT_MISSING,
        /** A list ranked for the customer's own interests (recommendations). */
        PERSONAL_RANKING,
        /** The greeting marks a birthday. */
        BIRTHDAY,
        /** The greeting marks an anniversary. */
        ANNIVERSARY,
        /** The greeting welcomes back a customer not seen for a while. */
        WELCOME_BACK
    }

    public static Reason of(Code code, String text) {
        return new Reason(code, text);
    }
}
