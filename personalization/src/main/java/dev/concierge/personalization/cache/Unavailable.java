package dev.concierge.personalization.cache;

/** The shared level failed, timed out, or is behind an open circuit; never reaches a caller. */
final class Unavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final Unavailable INSTANCE = new Unavailable();

    private Unavailable() {
        super("The shared cache level is unavailable", null, false, false);
    }
}
