package dev.concierge.api.persisted;

import static dev.concierge.api.persisted.PersistedQueries.freshProductQuery;
import static dev.concierge.api.persisted.PersistedQueries.sha256;

import dev.concierge.api.ConciergeApplication;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/** APQ documents are shared through Redis: a hash registered on one instance runs on another. */
class PersistedQueryTwoInstanceTests {

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static String sku;

    @BeforeAll
    static void startTwoInstances() {
        a = start();
        b = start();
        sku = new TestData(a.getBean(DatabaseClient.class)).skus(1).get(0);
    }

    @AfterAll
    static void stopBoth() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ConciergeApplication.class)
                .run(
                        "--server.port=0",
                        "--concierge.embedded.data-directory=target/embedded-test-data",
                        "--concierge.embedded.fresh=true",
                        "--concierge.embedded.durable=false",
                        "--concierge.retention.enabled=false");
    }

    @Test
    void hashRegisteredOnA_runsOnB_overPostAndGet() {
        String query = freshProductQuery();
        String hash = sha256(query);
        PersistedQueries onA = new PersistedQueries(Testers.of(a).baseUrl());
        PersistedQueries onB = new PersistedQueries(Testers.of(b).baseUrl());
        onB.post(null, hash, Map.of("sku", sku))
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        onA.post(query, hash, Map.of("sku", sku)).expectStatus().isOk();

        onB.post(null, hash, Map.of("sku", sku))
                .expectBody()
                .jsonPath("$.data.product.sku")
                .isEqualTo(sku);
        onB.getByHash(hash, "{\"sku\":\"" + sku + "\"}")
                .exchange()
                .expectBody()
                .jsonPath("$.data.product.sku")
                .isEqualTo(sku);
    }

    @Test
    void hashRegisteredOnA_isFoundInRedis_afterAForgetsItsOwnCopy() {
        String query = freshProductQuery();
        String hash = sha256(query);
        new PersistedQueries(Testers.of(a).baseUrl())
                .post(query, hash, Map.of("sku", sku))
                .expectStatus()
                .isOk();
        a.getBean(AutomaticPersistedQueries.class).clearLocal();

        new PersistedQueries(Testers.of(a).baseUrl())
                .post(null, hash, Map.of("sku", sku))
                .expectBody()
                .jsonPath("$.data.product.sku")
                .isEqualTo(sku);
    }
}
