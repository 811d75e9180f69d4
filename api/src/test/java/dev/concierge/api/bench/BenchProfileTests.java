package dev.concierge.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Testers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;

/** The bench endpoint exists in the bench profile only, and serves exactly what was put there. */
@ConciergeTest
class BenchProfileTests {

    @Autowired
    Testers testers;

    @Autowired
    ApplicationContext context;

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(BenchConfiguration.class);

    @Test
    void application_withoutBenchProfile_hasNoBenchEndpoint() {
        assertThat(context.getBeansOfType(BenchConfiguration.class)).isEmpty();
        WebTestClient client =
                WebTestClient.bindToServer().baseUrl(testers.baseUrl()).build();

        client.get().uri(BenchConfiguration.PATH).exchange().expectStatus().isNotFound();
        client.put()
                .uri(BenchConfiguration.PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void configuration_withoutBenchProfile_registersNothing() {
        runner.run(context -> assertThat(context).doesNotHaveBean(RouterFunction.class));
    }

    @Test
    void benchProfile_servesThePayloadLastPut_asJson() {
        runner.withPropertyValues("spring.profiles.active=bench").run(context -> {
            WebTestClient client = client(context);
            client.get()
                    .uri(BenchConfiguration.PATH)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            String page = "{\"data\":{\"page\":{\"slug\":\"home\",\"mode\":\"PERSONALIZED\"}}}";
            client.put()
                    .uri(BenchConfiguration.PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(page)
                    .exchange()
                    .expectStatus()
                    .isNoContent();

            for (int i = 0; i < 2; i++) {
                byte[] body = client.get()
                        .uri(BenchConfiguration.PATH)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_JSON)
                        .expectBody()
                        .returnResult()
                        .getResponseBody();
                assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(page);
            }
        });
    }

    @Test
    void benchProfile_emptyOrOversizedPayload_isRefusedAndKeepsThePrevious() {
        runner.withPropertyValues("spring.profiles.active=bench").run(context -> {
            WebTestClient client = client(context);
            client.put()
                    .uri(BenchConfiguration.PATH)
                    .bodyValue("{\"kept\":true}")
                    .exchange()
                    .expectStatus()
                    .isNoContent();

            client.put().uri(BenchConfiguration.PATH).exchange().expectStatus().isBadRequest();
            client.put()
                    .uri(BenchConfiguration.PATH)
                    .bodyValue("x".repeat(BenchConfiguration.MAX_PAYLOAD + 1))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);

            client.get()
                    .uri(BenchConfiguration.PATH)
                    .exchange()
                    .expectBody(String.class)
                    .isEqualTo("{\"kept\":true}");
        });
    }

    @SuppressWarnings("unchecked")
    private static WebTestClient client(ApplicationContext context) {
        return WebTestClient.bindToRouterFunction(context.getBean(RouterFunction.class))
                .configureClient()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * BenchConfiguration.MAX_PAYLOAD))
                .build();
    }
}
