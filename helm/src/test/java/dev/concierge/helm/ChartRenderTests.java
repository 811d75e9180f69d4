package dev.concierge.helm;

import static dev.concierge.helm.Manifests.at;
import static dev.concierge.helm.Manifests.list;
import static dev.concierge.helm.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.concierge.helm.ConciergeChart.Values;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChartRenderTests {

    private static final String CONTAINER = "spec.template.spec.containers[0]";

    private static final Map<Values, Manifests> RENDERED = Map.of(
            Values.DEFAULTS, ConciergeChart.render(Values.DEFAULTS),
            Values.PRODUCTION, ConciergeChart.render(Values.PRODUCTION));

    private static Manifests rendered(Values values) {
        return RENDERED.get(values);
    }

    @Test
    void defaults_renderTheWorkloadWithoutMonitoring() {
        assertThat(rendered(Values.DEFAULTS).kinds())
                .containsExactlyInAnyOrder(
                        "ConfigMap", "Service", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget");
    }

    @Test
    void production_rendersTheMonitoringObjectsToo() {
        assertThat(rendered(Values.PRODUCTION).kinds())
                .containsExactlyInAnyOrder(
                        "ConfigMap",
                        "ConfigMap",
                        "Service",
                        "Deployment",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "ServiceMonitor",
                        "PrometheusRule");
    }

    @ParameterizedTest
    @EnumSource(Values.class)
    void everyObject_carriesTheStandardLabels(Values values) {
        String version = values == Values.DEFAULTS ? "0.1.0" : "1.4.2";
        for (Map<String, Object> object : rendered(values).objects()) {
            assertThat(map(object, "metadata.labels"))
                    .as("labels of %s %s", object.get("kind"), at(object, "metadata.name"))
                    .contains(
                            entry("app.kubernetes.io/name", "concierge"),
                            entry("app.kubernetes.io/instance", ConciergeChart.RELEASE),
                            entry("app.kubernetes.io/version", version),
                            entry("app.kubernetes.io/managed-by", "Helm"),
                            entry("helm.sh/chart", "concierge-0.2.0"))
                    .containsKey("app.kubernetes.io/component");
        }
    }

    @ParameterizedTest
    @EnumSource(Values.class)
    void deployment_probesTheHealthGroupsOnTheAppPort(Values values) {
        Map<String, Object> container = map(rendered(values).the("Deployment"), CONTAINER);

        assertThat(list(container, "ports"))
                .singleElement()
                .satisfies(port -> assertThat(port).contains(entry("name", "http"), entry("containerPort", 8080)));
        assertThat(at(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(at(container, probe + ".httpGet.port")).as(probe).isEqualTo("http");
        }
        // The startup probe gives Flyway's first migration time; liveness only starts after it.
        assertThat((int) at(container, "startupProbe.periodSeconds")
                        * (int) at(container, "startupProbe.failureThreshold"))
                .isGreaterThanOrEqualTo(120);
    }

    @ParameterizedTest
    @EnumSource(Values.class)
    void deployment_runsAsNonRootWithAReadOnlyRootFilesystem(Values values) {
        Map<String, Object> deployment = rendered(values).the("Deployment");

        assertThat(map(deployment, "spec.template.spec.securityContext"))
                .contains(entry("runAsNonRoot", true), entry("runAsUser", 10001), entry("fsGroup", 10001))
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
        assertThat(map(deployment, CONTAINER + ".securityContext"))
                .contains(
                        entry("readOnlyRootFilesystem", true),
                        entry("allowPrivilegeEscalation", false),
                        entry("runAsNonRoot", true))
                .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
        assertThat(list(deployment, CONTAINER + ".volumeMounts"))
                .containsExactly(Map.of("name", "tmp", "mountPath", "/tmp"));
        assertThat(list(deployment, "spec.template.spec.volumes"))
                .singleElement()
                .satisfies(volume -> {
                    assertThat(volume).containsEntry("name", "tmp");
                    assertThat(volume).containsKey("emptyDir");
                });
    }

    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of(Values.DEFAULTS, "concierge", "database-password", "redis-password"),
                Arguments.of(Values.PRODUCTION, "concierge-credentials", "db-password", "redis-password"));
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void deployment_readsCredentialsFromTheExistingSecretByName(
            Values values, String secret, String passwordKey, String redisKey) {
        Manifests manifests = rendered(values);
        List<Map<String, Object>> env = list(manifests.the("Deployment"), CONTAINER + ".env");

        assertThat(envVar(env, "CONCIERGE_DATABASE_PASSWORD").get("valueFrom"))
                .isEqualTo(Map.of("secretKeyRef", Map.of("name", secret, "key", passwordKey)));
        // A Redis without a password has no such key: the variable is then simply not set.
        assertThat(envVar(env, "CONCIERGE_REDIS_PASSWORD").get("valueFrom"))
                .isEqualTo(Map.of("secretKeyRef", Map.of("name", secret, "key", redisKey, "optional", true)));
        assertThat(manifests.kinds()).doesNotContain("Secret");
        assertThat(map(configMap(manifests), "data").keySet()).noneMatch(key -> key.contains("PASSWORD"));
    }

    @Test
    void deployment_readsTheJwtSettingsFromTheSecretWhenKeysAreGiven() {
        Manifests manifests = ConciergeChart.render(
                Values.PRODUCTION,
                Map.of("existingSecret.jwtIssuerUriKey", "issuer", "existingSecret.databaseUsernameKey", "user"));
        List<Map<String, Object>> env = list(manifests.the("Deployment"), CONTAINER + ".env");

        assertThat(envVar(env, "CONCIERGE_SECURITY_JWT_ISSUER_URI").get("valueFrom"))
                .isEqualTo(Map.of("secretKeyRef", Map.of("name", "concierge-credentials", "key", "issuer")));
        assertThat(envVar(env, "CONCIERGE_DATABASE_USERNAME").get("valueFrom"))
                .isEqualTo(Map.of("secretKeyRef", Map.of("name", "concierge-credentials", "key", "user")));
        assertThat(map(configMap(manifests), "data"))
                .doesNotContainKeys("CONCIERGE_SECURITY_JWT_ISSUER_URI", "CONCIERGE_DATABASE_USERNAME")
                .containsEntry("CONCIERGE_SECURITY_JWT_AUDIENCE", "concierge");
    }

    @ParameterizedTest
    @EnumSource(Values.class)
    void deployment_runsTheProdProfileWithTheConfigMap(Values values) {
        Manifests manifests = rendered(values);
        Map<String, Object> configMap = configMap(manifests);
        Map<String, Object> container = map(manifests.the("Deployment"), CONTAINER);

        assertThat(envVar(list(container, "env"), "SPRING_PROFILES_ACTIVE")).containsEntry("value", "prod");
        assertThat(list(container, "envFrom"))
                .containsExactly(Map.of("configMapRef", Map.of("name", at(configMap, "metadata.name"))));
        assertThat(map(configMap, "data"))
                .containsKeys(
                        "CONCIERGE_DATABASE_HOST",
                        "CONCIERGE_DATABASE_PORT",
                        "CONCIERGE_DATABASE_NAME",
                        "CONCIERGE_DATABASE_USERNAME",
                        "CONCIERGE_REDIS_HOST",
                        "CONCIERGE_REDIS_PORT")
                .allSatisfy((key, value) -> assertThat(value).isInstanceOf(String.class));
    }

    @Test
    void production_configMapCarriesItsSettings() {
        assertThat(map(configMap(rendered(Values.PRODUCTION)), "data"))
                .contains(
                        entry("CONCIERGE_DATABASE_HOST", "concierge-db.prod.internal"),
                        entry("CONCIERGE_DATABASE_PORT", "5432"),
                        entry("CONCIERGE_REDIS_HOST", "concierge-redis.prod.internal"),
                        entry("CONCIERGE_SECURITY_JWT_ISSUER_URI", "https://login.example.com/realms/retail"),
                        entry("CONCIERGE_LIMITS_PAGE_SIZE", "50"));
    }

    @ParameterizedTest
    @EnumSource(Values.class)
    void deployment_drainsBeforeTheKubeletKillsIt(Values values) {
        Manifests manifests = rendered(values);
        Map<String, Object> deployment = manifests.the("Deployment");
        String appTimeout = (String) at(configMap(manifests), "data.SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE");
        int preStopSleep = (int) at(deployment, CONTAINER + ".lifecycle.preStop.sleep.seconds");

        assertThat(appTimeout).isEqualTo("20s");
        assertThat(preStopSleep).isPositive();
        assertThat((int) at(deployment, "spec.template.spec.terminationGracePeriodSeconds"))
                .isGreaterThan(preStopSleep + Integer.parseInt(appTimeout.replace("s", "")));
    }

    @Test
    void deployment_canSleepInTheContainerOnOlderClusters() {
        Map<String, Object> deployment = ConciergeChart.render(
                        Values.DEFAULTS, Map.of("shutdown.preStopAction", "exec"))
                .the("Deployment");

        assertThat(at(deployment, CONTAINER + ".lifecycle.preStop"))
                .isEqualTo(Map.of("exec", Map.of("command", List.of("sleep", "10"))));
    }

    @Test
    void deployment_rollsWhenTheConfigMapChanges() {
        String before = checksum(rendered(Values.PRODUCTION));
        String after = checksum(
                ConciergeChart.render(Values.PRODUCTION, Map.of("config.database.host", "db-replacement.internal")));
        String unrelated = checksum(ConciergeChart.render(Values.PRODUCTION, Map.of("replicaCount", "4")));

        assertThat(before).matches("[0-9a-f]{64}");
        assertThat(after).isNotEqualTo(before);
        assertThat(unrelated).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Values.class)
    void deployment_prefersToSpreadAcrossNodes(Values values) {
        Map<String, Object> spec = map(rendered(values).the("Deployment"), "spec.template.spec");

        assertThat(list(spec, "affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution"))
                .singleElement()
                .satisfies(term ->
                        assertThat(at(term, "podAffinityTerm.topologyKey")).isEqualTo("kubernetes.io/hostname"));
        assertThat(list(spec, "topologySpreadConstraints"))
                .extracting(c -> c.get("whenUnsatisfiable"))
                .containsOnly("ScheduleAnyway");
    }

    static Stream<Arguments> hpaBounds() {
        return Stream.of(Arguments.of(Values.DEFAULTS, 2, 10, 300), Arguments.of(Values.PRODUCTION, 3, 20, 600));
    }

    @ParameterizedTest
    @MethodSource("hpaBounds")
    void hpa_scalesTheDeploymentWithinTheBoundsOfTheValues(Values values, int min, int max, int window) {
        Manifests manifests = rendered(values);
        Map<String, Object> hpa = manifests.the("HorizontalPodAutoscaler");

        assertThat(hpa).containsEntry("apiVersion", "autoscaling/v2");
        assertThat(map(hpa, "spec")).contains(entry("minReplicas", min), entry("maxReplicas", max));
        assertThat(at(hpa, "spec.scaleTargetRef.name")).isEqualTo(at(manifests.the("Deployment"), "metadata.name"));
        assertThat(at(hpa, "spec.metrics[0].resource.name")).isEqualTo("cpu");
        assertThat(at(hpa, "spec.behavior.scaleDown.stabilizationWindowSeconds"))
                .isEqualTo(window);
        // The HPA owns the replica count: a replicas field would reset it on every upgrade.
        assertThat(map(manifests.the("Deployment"), "spec")).doesNotContainKey("replicas");
    }

    @Test
    void hpaDisabled_deploymentRunsReplicaCount() {
        Manifests manifests = ConciergeChart.render(Values.PRODUCTION, Map.of("hpa.enabled", "false"));

        assertThat(manifests.kinds()).doesNotContain("HorizontalPodAutoscaler");
        assertThat(at(manifests.the("Deployment"), "spec.replicas")).isEqualTo(3);
    }

    @Test
    void pdb_defaultsToOneUnavailablePod() {
        Map<String, Object> pdb = rendered(Values.DEFAULTS).the("PodDisruptionBudget");

        assertThat(map(pdb, "spec")).containsEntry("maxUnavailable", 1).doesNotContainKey("minAvailable");
        assertThat(at(pdb, "spec.selector.matchLabels"))
                .isEqualTo(at(rendered(Values.DEFAULTS).the("Deployment"), "spec.selector.matchLabels"));
    }

    @Test
    void pdb_minAvailableReplacesMaxUnavailable() {
        assertThat(map(rendered(Values.PRODUCTION).the("PodDisruptionBudget"), "spec"))
                .containsEntry("minAvailable", 2)
                .doesNotContainKey("maxUnavailable");
    }

    @Test
    void serviceMonitor_scrapesThePrometheusEndpointOfTheService() {
        Manifests manifests = rendered(Values.PRODUCTION);
        Map<String, Object> monitor = manifests.the("ServiceMonitor");
        Map<String, Object> service = manifests.the("Service");

        assertThat(monitor).containsEntry("apiVersion", "monitoring.coreos.com/v1");
        assertThat(map(monitor, "metadata.labels")).containsEntry("release", "kube-prometheus-stack");
        assertThat(list(monitor, "spec.endpoints"))
                .singleElement()
                .satisfies(endpoint -> assertThat(endpoint)
                        .contains(
                                entry("port", "http"),
                                entry("path", "/actuator/prometheus"),
                                entry("interval", "15s")));
        assertThat(map(service, "metadata.labels")).containsAllEntriesOf(map(monitor, "spec.selector.matchLabels"));
        assertThat(list(service, "spec.ports"))
                .singleElement()
                .satisfies(port -> assertThat(port).containsEntry("name", "http"));
    }

    @Test
    void dashboard_isAConfigMapTheGrafanaSidecarLoads() throws Exception {
        Map<String, Object> dashboard = rendered(Values.PRODUCTION).named("ConfigMap", "concierge-dashboard");
        String json = (String) at(dashboard, "data[concierge.json]");

        assertThat(map(dashboard, "metadata.labels")).containsEntry("grafana_dashboard", "1");
        assertThat(map(dashboard, "metadata.annotations")).containsEntry("grafana_folder", "Concierge");
        assertThat(json)
                .isEqualTo(Files.readString(ConciergeChart.CHART.resolve("dashboards/concierge.json"))
                        .strip());
        JsonNode parsed = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build()
                .readTree(json);
        assertThat(parsed.path("uid").asString()).isEqualTo("concierge");
        assertThat(parsed.path("panels").size()).isGreaterThan(10);
    }

    @Test
    void dashboard_showsWhatSresWatch() throws Exception {
        String json = Files.readString(ConciergeChart.CHART.resolve("dashboards/concierge.json"));

        // Latency percentiles by operation, errors by code, throughput, cache hit ratio by cache and
        // level, degraded mode, ingestion and decisions.
        assertThat(json)
                .contains("histogram_quantile(0.99, sum by (operation, le)")
                .contains("sum by (code) (rate(concierge_graphql_errors_total")
                .contains("sum by (operation, type) (rate(concierge_graphql_request_seconds_count")
                .contains("sum by (cache, level) (rate(concierge_cache_gets_total")
                .contains("concierge_dependency_degraded")
                .contains("sum by (outcome) (rate(concierge_ingest_events_total")
                .contains("rate(concierge_page_decisions_total");
    }

    private static Map<String, Object> configMap(Manifests manifests) {
        return manifests.named("ConfigMap", ConciergeChart.RELEASE);
    }

    private static Map<String, Object> envVar(List<Map<String, Object>> env, String name) {
        return env.stream()
                .filter(e -> name.equals(e.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env var " + name + " in " + env));
    }

    private static String checksum(Manifests manifests) {
        return (String) at(manifests.the("Deployment"), "spec.template.metadata.annotations[checksum/config]");
    }
}
