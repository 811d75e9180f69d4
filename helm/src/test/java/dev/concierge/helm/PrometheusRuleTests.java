package dev.concierge.helm;

import static dev.concierge.helm.Manifests.at;
import static dev.concierge.helm.Manifests.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.concierge.helm.ConciergeChart.Values;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PrometheusRule rendered with the production-like values: every alert is there with its
 * annotations, its metric names are ones the app exposes, and promtool checks the rules and runs
 * the unit tests of src/test/resources/promtool (a firing and a quiet case for every alert). The
 * dashboard's queries go through promtool's parser too.
 */
class PrometheusRuleTests {

    static final List<String> ALERTS = List.of(
            "ConciergeAvailabilityBudgetBurnFast",
            "ConciergeAvailabilityBudgetBurnSlow",
            "ConciergeLatencyBudgetBurnFast",
            "ConciergeLatencyBudgetBurnSlow",
            "ConciergeRedisDegraded",
            "ConciergePostgresDegraded",
            "ConciergeOutboxLagHigh",
            "ConciergeRecommendationModelStale");

    /** The Prometheus names the app exposes (Micrometer's meters and JVM basics). */
    static final Set<String> APP_METRICS = Set.of(
            "concierge_graphql_request_seconds_bucket",
            "concierge_graphql_request_seconds_count",
            "concierge_graphql_request_seconds_sum",
            "concierge_graphql_errors_total",
            "concierge_graphql_subscriptions_active",
            "concierge_cache_gets_total",
            "concierge_cache_loads_total",
            "concierge_cache_evictions_total",
            "concierge_cache_size",
            "concierge_cache_errors_total",
            "concierge_dependency_degraded",
            "concierge_page_decisions_total",
            "concierge_experiment_exposures_total",
            "concierge_ingest_events_total",
            "concierge_recommendation_model_age_seconds",
            "concierge_outbox_lag_seconds",
            "jvm_memory_used_bytes",
            "process_cpu_usage");

    private static final Pattern METRIC = Pattern.compile("(?<![:\\w])((?:concierge|jvm|process)_[a-z0-9_]+)");
    private static final Path WORK = ConciergeChart.TARGET.resolve("promtool");
    private static final Path RULES = WORK.resolve("concierge-rules.yaml");
    private static final Path UNIT_TESTS = Path.of("src", "test", "resources", "promtool", "concierge-rules-test.yaml");

    private static Map<String, Object> rule;

    @BeforeAll
    static void renderRules() throws IOException {
        rule = ConciergeChart.render(Values.PRODUCTION).the("PrometheusRule");
        Files.createDirectories(WORK);
        Files.writeString(RULES, rulesFile(rule.get("spec")));
        Files.copy(UNIT_TESTS, WORK.resolve(UNIT_TESTS.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void rule_hasEveryAlertWithSummaryDescriptionAndRunbook() {
        List<Map<String, Object>> alerts = alerts();

        assertThat(alerts).extracting(a -> a.get("alert")).containsExactlyInAnyOrderElementsOf(ALERTS);
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            assertThat(Manifests.map(alert, "annotations"))
                    .as(name)
                    .containsKeys("summary", "description")
                    .containsEntry(
                            "runbook_url",
                            "https://git.example.com/retail/concierge/blob/main/helm/README.md#" + name.toLowerCase());
            assertThat(Manifests.map(alert, "labels"))
                    .as(name)
                    .containsEntry("team", "storefront")
                    .containsKey("severity");
        }
    }

    @Test
    void rule_recordsTheSlisOverEveryWindow() {
        List<Object> records = new ArrayList<>();
        for (Map<String, Object> group : list(rule, "spec.groups")) {
            list(group, "rules").stream()
                    .map(r -> r.get("record"))
                    .filter(r -> r != null)
                    .forEach(records::add);
        }

        assertThat(records).contains("concierge:graphql_requests:rate5m");
        for (String window : List.of("5m", "30m", "1h", "6h")) {
            assertThat(records)
                    .contains(
                            "concierge:graphql_errors:ratio_rate" + window,
                            "concierge:graphql_latency_budget_misses:ratio_rate" + window);
        }
    }

    @Test
    void rule_rendersTheSloTargetsAndBudgetOfTheValues() {
        Map<String, Object> custom =
                ConciergeChart.render(Values.PRODUCTION, "other-slos", """
                        prometheusRule:
                          slo:
                            availability: {target: 0.995}
                            latency: {target: 0.95, budget: "0.5", operation: product}
                        """).the("PrometheusRule");
        String rendered = new Yaml().dump(custom.get("spec"));

        assertThat(rendered)
                .contains("le=\"0.5\"", "operation=\"product\"", "(14.4 * (1 - 0.995))", "(6 * (1 - 0.95))")
                .doesNotContain("le=\"0.25\"", "0.999");
    }

    @Test
    void rulesAndDashboard_useOnlyMetricsTheAppExposes() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(metricNames(Files.readString(RULES)));
        used.addAll(metricNames(Files.readString(ConciergeChart.CHART.resolve("dashboards/concierge.json"))));

        assertThat(used).isSubsetOf(APP_METRICS).contains("concierge_graphql_request_seconds_bucket");
    }

    @Test
    void unitTests_coverEveryAlertFiringAndQuiet() {
        Map<String, Object> unitTests = ConciergeChart.readYaml(UNIT_TESTS);
        for (String alert : ALERTS) {
            List<Map<String, Object>> cases = list(unitTests, "tests").stream()
                    .flatMap(group -> Optional.ofNullable(at(group, "alert_rule_test")).stream())
                    .flatMap(cs -> ((List<?>) cs).stream())
                    .map(c -> Manifests.map(c, ""))
                    .filter(c -> alert.equals(c.get("alertname")))
                    .toList();
            assertThat(cases).as(alert).anyMatch(c -> !((List<?>) c.get("exp_alerts")).isEmpty());
            assertThat(cases).as(alert).anyMatch(c -> ((List<?>) c.get("exp_alerts")).isEmpty());
        }
    }

    @Test
    void promtool_checksTheRules() {
        assertThat(promtool("check", "rules", RULES.getFileName().toString())).contains("SUCCESS");
    }

    @Test
    void promtool_passesTheRuleUnitTests() {
        assertThat(promtool("test", "rules", UNIT_TESTS.getFileName().toString()))
                .contains("SUCCESS");
    }

    @Test
    void promtool_parsesEveryDashboardQuery() throws IOException {
        JsonNode dashboard = JsonMapper.builder()
                .build()
                .readTree(Files.readString(ConciergeChart.CHART.resolve("dashboards/concierge.json")));
        List<Map<String, Object>> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr")
                        .asString()
                        .replace("$__rate_interval", "5m")
                        .replace("$namespace", ConciergeChart.NAMESPACE)
                        .replace("$job", ConciergeChart.RELEASE)
                        .replace("$operation", ".*")
                        .replace("$latency_budget", "0.25");
                queries.add(Map.of(
                        "record",
                        "dashboard_panel_" + panel.path("id").asInt() + "_"
                                + target.path("refId").asString(),
                        "expr",
                        expr));
            }
        }
        assertThat(queries)
                .hasSizeGreaterThan(20)
                .allSatisfy(q -> assertThat((String) q.get("expr")).doesNotContain("$"));
        Files.writeString(
                WORK.resolve("dashboard-queries.yaml"),
                rulesFile(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", queries)))));

        assertThat(promtool("check", "rules", "dashboard-queries.yaml")).contains("SUCCESS");
    }

    private static List<Map<String, Object>> alerts() {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> group : list(rule, "spec.groups")) {
            list(group, "rules").stream().filter(r -> r.containsKey("alert")).forEach(alerts::add);
        }
        return alerts;
    }

    private static Set<String> metricNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The rules as a Prometheus rules file, multi-line expressions as literal blocks. */
    private static String rulesFile(Object spec) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(200);
        Representer representer = new Representer(options) {
            @Override
            protected Node representScalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
                return super.representScalar(
                        tag, value, value.contains("\n") ? DumperOptions.ScalarStyle.LITERAL : style);
            }
        };
        return new Yaml(representer, options).dump(spec);
    }

    /** Runs promtool in target/promtool and returns its output; fails the test on a non-zero exit. */
    private static String promtool(String... arguments) {
        Path executable = onPath("promtool")
                .orElseGet(() -> fail("promtool is not on the PATH: install Debian's prometheus package"
                        + " (sudo apt-get install -y prometheus); .ci/run installs it in CI"));
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(WORK.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("promtool finished")
                    .isTrue();
            assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
            return output;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
