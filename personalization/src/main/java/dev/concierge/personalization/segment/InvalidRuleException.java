package dev.concierge.personalization.segment;

/**
 * A rule's argument is invalid. Carries the parameter's name so that the parser can report the
 * full input path; code that builds rules directly sees a plain {@link IllegalArgumentException}.
 */
final class InvalidRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String param;

    InvalidRuleException(String param, String message) {
        super(param + ": " + message);
        this.param = param;
    }

    String param() {
        return param;
    }

    /** The message without the parameter's name, for an error that names the full path instead. */
    String problem() {
        return getMessage().substring(param.length() + 2);
    }
}
