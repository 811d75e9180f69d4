package dev.concierge.personalization;

/** The stable codes clients see in {@code extensions.code}; they never change meaning. */
public enum ErrorCode {
    /** The request's input is wrong; the message says what and where. Do not retry unchanged. */
    BAD_USER_INPUT,
    /** No or an invalid identity for an operation that needs one. */
    UNAUTHENTICATED,
    /** The identity may not do this. */
    FORBIDDEN,
    /** The thing asked for does not exist (or is not the caller's to see). */
    NOT_FOUND,
    /** The request conflicts with what is stored, e.g. an idempotency key reused for another request. */
    CONFLICT,
    /** A dependency is down; nothing was stored; retry later. */
    UNAVAILABLE,
    /** An unexpected failure; the error carries a correlation id for the logs. */
    INTERNAL
}
