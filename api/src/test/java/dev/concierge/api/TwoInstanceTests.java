package dev.concierge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.security.Role;
import dev.concierge.api.support.Actions;
import dev.concierge.api.support.PointOfSale;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.api.support.TimelineSubscriptions;
import dev.concierge.personalization.customer.ConsentPurpose;
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
        assertThat(Testers.of(a).port()).isNotEqualTo(Testers.of(b).port());
    }

    @Test
    void timeline_subscribedOnA_receivesPurchasesRecordedOnB() {
        String customer = data.newCustomer();
        PointOfSale tillOnB =
                new PointOfSale(Testers.of(b).baseUrl(), Testers.of(b).token("pos-terminal-1", Role.POS));
        List<String> recorded = new CopyOnWriteArrayList<>();
        AtomicReference<String> first = new AtomicReference<>();
        AtomicReference<String> second = new AtomicReference<>();
        AtomicReference<String> secondDelivered = new AtomicReference<>();
        Actions actions = new Actions();

        StepVerifier.create(actions.untilFirst(
                        TimelineSubscriptions.overWebSocket(
                                        Testers.of(a).port(), Testers.of(a).token(customer, Role.CUSTOMER))
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
        PointOfSale tillOnB =
                new PointOfSale(Testers.of(b).baseUrl(), Testers.of(b).token("pos-terminal-1", Role.POS));
        HttpGraphQlTester customerOnA = Testers.of(a).withToken(Testers.of(a).token(customer, Role.CUSTOMER));

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

    @Test
    void page_onA_reflectsPurchaseRecordedOnB_rightAfterTheMutationReturns() {
        String customer = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        PointOfSale tillOnB =
                new PointOfSale(Testers.of(b).baseUrl(), Testers.of(b).token("pos-terminal-1", Role.POS));
        HttpGraphQlTester customerOnA = Testers.of(a).withToken(Testers.of(a).token(customer, Role.CUSTOMER));
        // Warm A's caches first: the page must not be served from them after the purchase.
        for (int i = 0; i < 2; i++) {
            customerOnA
                    .documentName("page")
                    .variable("slug", "home")
                    .execute()
                    .path("page.slots[2].variant")
                    .entity(String.class)
                    .isEqualTo("default");
        }

        tillOnB.recordPurchase(customer, store, "RNG-0001").block(TEST_TIMEOUT);

        customerOnA
                .documentName("page")
                .variable("slug", "home")
                .execute()
                .path("page.slots[2].variant")
                .entity(String.class)
                .isEqualTo("rings");
    }
}
