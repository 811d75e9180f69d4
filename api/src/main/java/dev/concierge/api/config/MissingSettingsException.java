package dev.concierge.api.config;

import java.util.List;

/** The {@code prod} profile lacks settings it cannot run without. */
public class MissingSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> missing;

    public MissingSettingsException(List<String> missing) {
        super("The prod profile is missing required settings: " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
