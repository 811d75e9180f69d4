package dev.concierge.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import dev.concierge.helm.ConciergeChart.Values;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad values are refused, by values.schema.json or by the chart's own checks of what JSON Schema
 * cannot compare, with a message that names the field: {@code helm template} fails, and so does
 * {@code helm lint --strict} for what the schema refuses.
 */
class ValuesSchemaTests {

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("replicaCount is a number", Map.of("replicaCount", "three"), "replicaCount"),
                bad("hpa.minReplicas is at least 1", Map.of("hpa.minReplicas", "0"), "minReplicas"),
                bad("no unknown top-level key", Map.of("replicas", "3"), "'replicas'"),
                bad("image.tag is required", Map.of("image.tag", "null"), "tag"),
                bad("image.repository is not empty", Map.of("image.repository", ""), "repository"),
                bad(
                        "the Secret's name is required when its password key is read",
                        Map.of("existingSecret.name", ""),
                        "existingSecret/name"),
                bad("toggles are booleans", Map.of("serviceMonitor.enabled", "yes"), "serviceMonitor/enabled"),
                bad("pull policy is an enum", Map.of("image.pullPolicy", "Sometimes"), "pullPolicy"),
                bad("the pod never runs as root", Map.of("securityContext.runAsUser", "0"), "runAsUser"),
                bad("resources have requests and limits only", Map.of("resources.requests.gpu", "1"), "gpu"),
                bad(
                        "a PDB bound is a number or a percentage",
                        Map.of("podDisruptionBudget.maxUnavailable", "half"),
                        "maxUnavailable"),
                bad(
                        "extra settings are CONCIERGE_ variables",
                        Map.of("config.extra.SERVER_PORT", "9090"),
                        "SERVER_PORT"),
                bad("an SLO target is below 1", Map.of("prometheusRule.slo.availability.target", "1"), "target"),
                bad(
                        "the latency budget is a histogram bucket",
                        Map.of("prometheusRule.slo.latency.budget", "0.3"),
                        "budget"),
                bad("a scrape interval is a duration", Map.of("serviceMonitor.interval", "often"), "interval"));
    }

    /**
     * What JSON Schema cannot compare, the chart checks with {@code fail} when it renders. Helm's
     * lint mode turns {@code fail} into a log line, so these fail {@code helm template} and
     * {@code helm install} only.
     */
    static Stream<Arguments> badCombinations() {
        return Stream.of(
                bad("hpa.maxReplicas is at least minReplicas", Map.of("hpa.maxReplicas", "1"), "hpa.maxReplicas"),
                bad(
                        "the grace period outlasts the preStop sleep and the drain",
                        Map.of("shutdown.terminationGracePeriodSeconds", "25"),
                        "terminationGracePeriodSeconds"));
    }

    private static Arguments bad(String name, Map<String, String> sets, String field) {
        return Arguments.of(Named.of(name, sets), field);
    }

    @ParameterizedTest
    @MethodSource({"badValues", "badCombinations"})
    void template_refusesBadValues(Map<String, String> sets, String field) {
        assertThatThrownBy(() -> ConciergeChart.render(Values.DEFAULTS, sets))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(field);
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void lint_refusesBadValues(Map<String, String> sets, String field) {
        LintResult result =
                ConciergeChart.lint("bad-" + String.join("-", sets.keySet()), ConciergeChart.setsAsValues(sets));

        assertThat(result.isFailed()).as("lint of %s", sets).isTrue();
        assertThat(result.getMessages())
                .anySatisfy(message -> assertThat(message).contains(field));
    }
}
