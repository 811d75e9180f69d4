package dev.concierge.api.persisted;

import dev.concierge.api.persisted.TrustedDocuments.ManifestException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a manifest the application cannot use into a start-up report that says what is wrong. */
public class ManifestFailureAnalyzer extends AbstractFailureAnalyzer<ManifestException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ManifestException cause) {
        StringBuilder description =
                new StringBuilder("The persisted-query manifest (concierge.graphql.persisted-queries" + ".manifest) "
                        + cause.location() + " cannot be used:\n");
        cause.problems()
                .forEach(problem -> description.append("    - ").append(problem).append('\n'));
        return new FailureAnalysis(
                description.toString(),
                "Point concierge.graphql.persisted-queries.manifest (file: or classpath:) at the Apollo persisted-query"
                        + " manifest the frontends publish ({\"format\": \"apollo-persisted-query-manifest\","
                        + " \"version\": 1, \"operations\": [{\"id\", \"body\", \"name\", \"type\"}]}), or set"
                        + " concierge.graphql.persisted-queries.mode to APQ or OFF.",
                cause);
    }
}
