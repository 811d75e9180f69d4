package dev.concierge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.security.Role;
import dev.concierge.api.support.PointOfSale;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.personalization.customer.ConsentPurpose;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An instance whose Redis is unreachable (a port nobody listens on), on the shared embedded
 * PostgreSQL: it starts, serves personalized pages from L1 and PostgreSQL without errors, keeps
 * read-your-writes, and says it is degraded in its health and metrics.
 */
class RedisDownTests {

    private static ConfigurableApplicationContext app;
    private static Testers testers;
    private static TestData data;

    @BeforeAll
    static void startWithoutRedis() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        app = new SpringApplicationBuilder(ConciergeApplication.class)
                .run(
                        "--server.port=0",
                        "--concierge.embedded.data-directory=target/embedded-test-data",
                        "--concierge.embedded.fresh=true",
                        "--concierge.embedded.durable=false",
                        "--spring.data.redis.port=" + deadPort,
                        "--spring.data.redis.connect-timeout=200ms",
                        "--spring.data.redis.timeout=200ms");
        testers = Testers.of(app);
        data = new TestData(app.getBean(DatabaseClient.class));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void page_withRedisDown_isServedWithoutErrors() {
        for (int i = 0; i < 3; i++) {
            var response = testers.customer("demo-1")
                    .documentName("page")
                    .variable("slug", "home")
                    .execute();
            response.errors().verify();
            response.path("page.mode").entity(String.class).isEqualTo("PERSONALIZED");
            response.path("page.greeting.kind").entity(String.class).isEqualTo("BIRTHDAY");
        }
    }

    @Test
    void page_withRedisDown_stillReadsItsOwnWrites() {
        String customer = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        HttpGraphQlTester page = testers.customer(customer);
        page.documentName("page")
                .variable("slug", "home")
                .execute()
                .path("page.offers[*].variant")
                .entityList(String.class)
                .contains("welcome");
        PointOfSale till = new PointOfSale(testers.baseUrl(), testers.token("till-9", Role.POS));
        till.recordPurchase(customer, "nyc-fifth-avenue", "RNG-0001").block(Duration.ofSeconds(10));
        page.documentName("page")
                .variable("slug", "home")
                .execute()
                .path("page.offers[*].variant")
                .entityList(String.class)
                .doesNotContain("welcome");
    }

    @Test
    void health_withRedisDown_isUpAndShowsTheCacheDegradedToSres() {
        testers.customer("demo-1").documentName("page").variable("slug", "home").execute();
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl(testers.baseUrl())
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        client.get()
                .uri("/actuator/health")
                .header("Authorization", "Bearer " + testers.token("sre-1", Role.SRE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.cache.details.sharedLevel")
                .isEqualTo("DEGRADED");
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components")
                .doesNotExist();
        // Redis down does not take the pod out of the Service, nor restart it.
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        client.get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        String metrics = client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics).contains("concierge_dependency_degraded{dependency=\"redis\"} 1.0");
    }
}
