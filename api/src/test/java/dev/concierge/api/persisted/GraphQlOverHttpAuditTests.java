package dev.concierge.api.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Testers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official GraphQL-over-HTTP audit (npm {@code graphql-http}'s {@code auditServer}) against the
 * running application: no audit may end in {@code error}. The warnings and notices it accepts are
 * listed, with the reasons, in the README; the full result is written to {@code
 * target/graphql-http-audit.txt}.
 */
@ConciergeTest
class GraphQlOverHttpAuditTests {

    @Autowired
    Testers testers;

    @Autowired
    JsonMapper json;

    @Test
    void graphQlHttpAudit_hasNoErrors() throws IOException {
        NodeScripts.Result result = NodeScripts.run("audit.mjs", testers.baseUrl() + "/graphql");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode audit : json.readTree(result.stdout())) {
            String status = audit.get("status").asString();
            counts.merge(status, 1, Integer::sum);
            if (!status.equals("ok")) {
                String line = status + " " + audit.get("id").asString() + " "
                        + audit.get("name").asString() + ": "
                        + audit.get("reason").asString();
                lines.add(line);
                if (status.equals("error")) {
                    errors.add(line);
                }
            }
        }
        String report = counts + "\n" + String.join("\n", lines) + "\n";
        Files.writeString(Path.of("target/graphql-http-audit.txt"), report);
        assertThat(errors).as(report).isEmpty();
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(60);
    }
}
