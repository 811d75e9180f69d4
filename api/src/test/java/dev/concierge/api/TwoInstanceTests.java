package dev.concierge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.security.LocalSigningKey;
import dev.concierge.api.security.Role;
import dev.concierge.api.security.TokenMinter;
import dev.concierge.api.support.Actions;
import dev.concierge.api.support.PointOfSale;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.TimelineSubscriptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * Two application instances in one JVM on the same data directory as {@code @ConciergeTest}, hence
 * on the same embedded PostgreSQL and Redis, as two pods behind a load balancer would be.
 */
class TwoInstanceTests {

    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(15);

    /** The longest wait for each event: a missing one then fails the step that expected it, by name. */
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(5);

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    private static TestData data;
    private static String store;
    private static String sku;

    @BeforeAll
    static void startTwoInstances() {
        a = start();
        b = start();
        data = new TestData(a.getBean(DatabaseClient.class));
        store = data.storeIds().get(0);
        sku = data.skus(1).get(0);
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

    /** As arguments, not default properties: application.yml's {@code server.port} would win over those. */
    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ConciergeApplication.class)
                .run(
                        "--server.port=0",
                        "--concierge.embedded.data-directory=target/embedded-test-data",
                        "--concierge.embedded.fresh=true",
                        "--concierge.embedded.durable=false");
    }

    @Test
    void instances_shareOneDatabaseAndRedis() {
        for (String property : List.of(
                "concierge.embedded.active-data-directory", "concierge.database.port", "concierge.redis.port")) {
            assertThat(b.getEnvironment().getRequiredProperty(property))
                    .as(property)
                    .isEqualTo(a.getEnvironment().getRequiredProperty(property));
        }
        assertThat(port(a)).isNotEqualTo(port(b));
    }

    @Test
    void timeline_subscribedOnA_receivesPurchasesRecordedOnB() {
        String customer = data.newCustomer();
        PointOfSale tillOnB = new PointOfSale(baseUrl(b), token(b, "pos-terminal-1", Role.POS));
        List<String> recorded = new CopyOnWriteArrayList<>();
        AtomicReference<String> first = new AtomicReference<>();
        AtomicReference<String> second = new AtomicReference<>();
        AtomicReference<String> secondDelivered = new AtomicReference<>();
        Actions actions = new Actions();

        StepVerifier.create(actions.untilFirst(
                        TimelineSubscriptions.overWebSocket(port(a), token(a, customer, Role.CUSTOMER))
                                .timeout(EVENT_TIMEOUT),
                        () -> tillOnB.recordPurchase(customer, store, sku).doOnNext(recorded::add)))
                .assertNext(change -> {
                    assertThat(change.kind()).isEqualTo("PURCHASE_RECORDED");
                    assertThat(change.skus()).containsExactly(sku);
                    first.set(change.purchaseId());
                })
                .as("a purchase recorded on B")
                // Once the subscription is live, each purchase on B arrives on A.
                .then(() ->
                        actions.run(tillOnB.recordPurchase(customer, store, sku).doOnNext(second::set)))
                .assertNext(change -> secondDelivered.set(change.purchaseId()))
                .as("the next purchase recorded on B")
                .then(actions::finish)
                .expectComplete()
                .verify(TEST_TIMEOUT);

        assertThat(recorded).contains(first.get());
        assertThat(secondDelivered.get()).isEqualTo(second.get());
    }

    @Test
    void purchaseTimeline_onA_showsPurchaseRecordedOnB_rightAfterTheMutationReturns() {
        String customer = data.newCustomer();
        PointOfSale tillOnB = new PointOfSale(baseUrl(b), token(b, "pos-terminal-1", Role.POS));
        HttpGraphQlTester customerOnA = tester(a, token(a, customer, Role.CUSTOMER));

        for (int i = 0; i < 3; i++) {
            String id = tillOnB.recordPurchase(customer, store, sku).block();

            customerOnA
                    .documentName("purchaseTimeline")
                    .variable("first", 1)
                    .execute()
                    .path("me.purchaseTimeline.edges[0].node.id")
                    .entity(String.class)
                    .isEqualTo(id);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + port(context);
    }

    /** A token signed with the local key in the instance's data directory, as its own tests would mint. */
    private static String token(ConfigurableApplicationContext context, String subject, Role role) {
        ConciergeProperties.Security security =
                context.getBean(ConciergeProperties.class).security();
        TokenMinter minter =
                new TokenMinter(LocalSigningKey.loadOrCreate(Path.of(security.localKeyFile())), security.localIssuer());
        return minter.mint(subject, List.of(role), Duration.ofHours(1));
    }

    private static HttpGraphQlTester tester(ConfigurableApplicationContext context, String token) {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl(baseUrl(context) + "/graphql")
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        return HttpGraphQlTester.create(client)
                .mutate()
                .header("Authorization", "Bearer " + token)
                .build();
    }
}
