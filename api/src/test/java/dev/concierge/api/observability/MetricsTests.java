package dev.concierge.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.personalization.customer.ConsentPurpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The application's metrics as Prometheus scrapes them after a few requests, and the cross-check
 * with the Helm chart: every {@code concierge_*} metric its rules and dashboard use is scraped.
 */
@ConciergeTest
class MetricsTests {

    private static final Path CHART = Path.of("..", "helm", "concierge");

    private static final Pattern METRIC = Pattern.compile("\\bconcierge_[a-z0-9_]*[a-z0-9]");

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Test
    void scrape_afterRequests_showsTheApplicationMetrics() {
        String metrics = afterSomeRequests();

        assertThat(metrics)
                // The SLO buckets as the chart's rules spell them (le="0.25", le="1.0").
                .containsPattern("concierge_graphql_request_seconds_bucket\\{operation=\"page\",outcome=\"success\","
                        + "type=\"query\",le=\"0\\.25\"} [0-9]+")
                .containsPattern("concierge_graphql_request_seconds_bucket\\{operation=\"page\",outcome=\"success\","
                        + "type=\"query\",le=\"1\\.0\"} [0-9]+")
                .containsPattern("concierge_graphql_request_seconds_count\\{operation=\"page\",outcome=\"success\","
                        + "type=\"query\"} [1-9]")
                .contains("concierge_graphql_request_seconds_count{operation=\"TrackEvents\",outcome=\"success\","
                        + "type=\"mutation\"}")
                .contains("concierge_graphql_request_seconds_count{operation=\"brokenQuery\",outcome=\"error\","
                        + "type=\"query\"}")
                .contains("concierge_graphql_subscriptions_active ")
                .containsPattern("concierge_page_decisions_total\\{page=\"home\",reason=\"[A-Z_]+\",slot=\"[^\"]+\","
                        + "variant=\"[^\"]+\"} [1-9]")
                .containsPattern(
                        "concierge_experiment_exposures_total\\{arm=\"[^\"]+\",experiment=\"hero-test\"} [1-9]")
                .containsPattern("concierge_ingest_events_total\\{outcome=\"accepted\"} [1-9]")
                .contains("concierge_ingest_events_total{outcome=\"duplicate\"}")
                .contains("concierge_ingest_events_total{outcome=\"not_consented\"}")
                .contains("concierge_dependency_degraded{dependency=\"postgresql\"} 0.0")
                .contains("concierge_dependency_degraded{dependency=\"redis\"} 0.0")
                .contains("concierge_outbox_lag_seconds ")
                .contains("concierge_recommendation_model_age_seconds ")
                // Never customer ids or query text in labels.
                .doesNotContain("demo-1")
                .doesNotContain("doesNotExist");
    }

    @Test
    void chart_usesOnlyMetricsTheApplicationExposes() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String file : List.of("templates/prometheusrule.yaml", "dashboards/concierge.json")) {
            Matcher matcher = METRIC.matcher(Files.readString(CHART.resolve(file)));
            while (matcher.find()) {
                used.add(matcher.group());
            }
        }
        assertThat(used)
                .as("metric names in the chart")
                .contains(
                        "concierge_graphql_request_seconds_bucket",
                        "concierge_graphql_errors_total",
                        "concierge_dependency_degraded",
                        "concierge_outbox_lag_seconds",
                        "concierge_recommendation_model_age_seconds");

        Set<String> scraped = sampleNames(afterSomeRequests());
        List<String> missing = new ArrayList<>();
        for (String name : used) {
            // A histogram's base name (as the rules' template spells it) has its _count series.
            if (!scraped.contains(name) && !scraped.contains(name + "_count")) {
                missing.add(name);
            }
        }
        assertThat(missing).as("metrics the chart uses but the scrape lacks").isEmpty();
    }

    /**
     * A page for demo-1, one for a new signed-out visitor (a first exposure to the home page's
     * experiment), a trackEvents batch and a request that fails; then the scrape.
     */
    private String afterSomeRequests() {
        testers.customer("demo-1")
                .documentName("page")
                .variable("slug", "home")
                .execute()
                .errors()
                .verify();
        testers.anonymous()
                .documentName("page")
                .variable("slug", "home")
                .variable("context", Map.of("anonymousId", "visitor-" + UUID.randomUUID()))
                .execute()
                .path("page.slots[0].experiment.experimentId")
                .entity(String.class)
                .isEqualTo("hero-test");
        String customer = data.newCustomer(ConsentPurpose.BROWSING_TRACKING);
        testers.customer(customer)
                .documentName("trackEvents")
                .variable("events", List.of(productView()))
                .execute()
                .errors()
                .verify();
        AtomicReference<Object> code = new AtomicReference<>();
        testers.customer("demo-1")
                .document("query brokenQuery { doesNotExist }")
                .execute()
                .errors()
                .satisfy(errors -> {
                    assertThat(errors).isNotEmpty();
                    code.set(errors.get(0).getExtensions().get("code"));
                });
        String metrics = scrape();
        assertThat(code.get()).isInstanceOf(String.class);
        assertThat(metrics).containsPattern("concierge_graphql_errors_total\\{code=\"" + code.get() + "\"} [1-9]");
        return metrics;
    }

    private String scrape() {
        String body = WebTestClient.bindToServer()
                .baseUrl(testers.baseUrl())
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull();
        return body;
    }

    private static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = line.indexOf('{');
            names.add(line.substring(0, end < 0 ? line.indexOf(' ') : end));
        }
        return names;
    }

    private Map<String, Object> productView() {
        Map<String, Object> event = new HashMap<>();
        event.put("clientEventId", "ev-" + UUID.randomUUID());
        event.put("type", "PRODUCT_VIEW");
        event.put("channel", "APP");
        event.put("occurredAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        event.put("sku", data.skus(1).get(0));
        return event;
    }
}
