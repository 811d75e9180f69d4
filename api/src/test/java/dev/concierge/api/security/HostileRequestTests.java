package dev.concierge.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.personalization.customer.ConsentPurpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The rest of the hostile corpus (documents that bomb the limits are in LimitsTests, bad tokens in
 * HardenedInstanceTests): huge strings and lists, wrong content types, deep JSON, another
 * customer's ids. Each gets its code, never a 5xx, and stores nothing.
 */
@ConciergeTest
class HostileRequestTests {

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Autowired
    DatabaseClient db;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(testers.baseUrl()).build();
    }

    private static Map<String, Object> event(String id, String page) {
        return Map.of(
                "clientEventId",
                id,
                "type",
                "PAGE_VIEW",
                "channel",
                "WEB",
                "occurredAt",
                Instant.now().toString(),
                "page",
                page);
    }

    @Test
    void wrongContentType_is415() {
        client().post()
                .uri("/graphql")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("{ __typename }")
                .exchange()
                .expectStatus()
                .isEqualTo(415);
    }

    @Test
    void hugeString_isBadUserInput_andStoresNothing() {
        String customer = data.newCustomer(ConsentPurpose.BROWSING_TRACKING);
        testers.customer(customer)
                .documentName("trackEvents")
                .variable("events", List.of(event("huge-" + customer, "/" + "x".repeat(100_000))))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .isNotEmpty()
                        .allSatisfy(
                                error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")));
        assertThat(data.count("select count(*) from browsing_events where customer_id = :id", customer))
                .isZero();
    }

    @Test
    void hugeList_isBadUserInput_andStoresNothing() {
        String customer = data.newCustomer(ConsentPurpose.BROWSING_TRACKING);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            events.add(event("list-" + customer + "-" + i, "/"));
        }
        testers.customer(customer)
                .documentName("trackEvents")
                .variable("events", events)
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT"));
        assertThat(data.count("select count(*) from browsing_events where customer_id = :id", customer))
                .isZero();
    }

    @Test
    void deeplyNestedJson_isBadUserInput() {
        Object rule = Map.of("loyaltyTier", Map.of("atLeast", "GOLD"));
        for (int i = 0; i < 40; i++) {
            rule = Map.of("not", rule);
        }
        testers.editor()
                .document("query($rule: JSON!) { estimateAudience(rule: $rule) { customers } }")
                .variable("rule", rule)
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT"));
    }

    @Test
    void anotherCustomersIds_getNothingAboutThem() {
        String victim = data.newCustomer(ConsentPurpose.values());
        String attacker = data.newCustomer(ConsentPurpose.values());
        String order = new dev.concierge.api.support.PointOfSale(testers.baseUrl(), testers.token("till-h", Role.POS))
                .createServiceOrder(victim, data.storeIds().get(0), data.skus(1).get(0))
                .block();
        testers.customer(attacker)
                .document("mutation($id: ID!) { updateServiceOrderStatus(input: {serviceOrderId: $id,"
                        + " status: READY_FOR_PICKUP}) { serviceOrder { id } } }")
                .variable("id", order)
                .execute()
                .errors()
                .satisfy(Errors.single("FORBIDDEN"));
        testers.customer(attacker)
                .document("query($id: ID!) { previewPage(slug: \"home\", as: {customerId: $id}) { mode } }")
                .variable("id", victim)
                .execute()
                .errors()
                .satisfy(Errors.single("FORBIDDEN"));
        String own = testers.customer(attacker)
                .document("{ me { id email serviceOrders { id } } }")
                .execute()
                .path("me")
                .entity(Map.class)
                .get()
                .toString();
        assertThat(own).contains(attacker).doesNotContain(victim).doesNotContain(order);
        assertThat(data.count("select count(*) from service_orders where id = :id and status = 'RECEIVED'", order))
                .isEqualTo(1);
    }
}
