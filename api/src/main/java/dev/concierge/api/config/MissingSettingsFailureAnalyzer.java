package dev.concierge.api.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link MissingSettingsException} into a start-up report that says what to set. */
public class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        StringBuilder description = new StringBuilder(
                "Concierge was started with the prod profile, which starts nothing embedded, but these settings are missing:\n");
        cause.missing()
                .forEach(setting -> description.append("    - ").append(setting).append('\n'));
        return new FailureAnalysis(
                description.toString(),
                "Set them in the environment (see the configuration table in README.md), or run without the prod"
                        + " profile to use the embedded PostgreSQL and Redis.",
                cause);
    }
}
