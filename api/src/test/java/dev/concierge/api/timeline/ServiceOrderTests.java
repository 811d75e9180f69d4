package dev.concierge.api.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

@ConciergeTest
class ServiceOrderTests {

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Test
    void serviceOrder_movesThroughEveryStatusWithHistory() {
        String customer = data.newCustomer();
        String id = open(customer);
        List<String> steps = List.of(
                "IN_PROGRESS", "QUALITY_CHECK", "IN_PROGRESS", "QUALITY_CHECK", "READY_FOR_PICKUP", "DELIVERED");
        for (String status : steps) {
            move(id, status, "to " + status)
                    .path("updateServiceOrderStatus.serviceOrder.status")
                    .entity(String.class)
                    .isEqualTo(status);
        }
        GraphQlTester.Response orders =
                testers.customer(customer).documentName("serviceOrders").execute();
        orders.path("me.serviceOrders[0].history[*].status")
                .entityList(String.class)
                .containsExactly(
                        "RECEIVED",
                        "IN_PROGRESS",
                        "QUALITY_CHECK",
                        "IN_PROGRESS",
                        "QUALITY_CHECK",
                        "READY_FOR_PICKUP",
                        "DELIVERED");
        orders.path("me.serviceOrders[0].history[1].note").entity(String.class).isEqualTo("to IN_PROGRESS");
    }

    /**
     * The page's reminders are cached under the customer's generation: an order made ready for
     * pickup shows on the very next page, though the page before it had cached "no reminders".
     */
    @Test
    void orderReadyForPickup_showsOnTheNextPage_thoughTheRemindersWereCached() {
        String customer = data.newCustomer();
        String id = open(customer);
        for (String status : List.of("IN_PROGRESS", "QUALITY_CHECK")) {
            move(id, status, null);
        }
        assertThat(readyReminders(customer)).isEmpty();
        assertThat(readyReminders(customer)).isEmpty(); // now served from the cache

        move(id, "READY_FOR_PICKUP", null);
        assertThat(readyReminders(customer)).containsExactly("Ready for pickup: Resize ring to 7");

        move(id, "DELIVERED", null);
        assertThat(readyReminders(customer)).isEmpty();
    }

    private List<String> readyReminders(String customer) {
        return testers.customer(customer)
                .documentName("page")
                .variable("slug", "home")
                .execute()
                .path("page.reminders[?(@.kind == 'ORDER_READY')].text")
                .entityList(String.class)
                .get();
    }

    @Test
    void serviceOrders_openFilter_keepsUndeliveredOnly() {
        String customer = data.newCustomer();
        String delivered = open(customer);
        for (String status : List.of("IN_PROGRESS", "QUALITY_CHECK", "READY_FOR_PICKUP", "DELIVERED")) {
            move(delivered, status, null);
        }
        String pending = open(customer);

        testers.customer(customer)
                .documentName("serviceOrders")
                .variable("open", true)
                .execute()
                .path("me.serviceOrders[*].id")
                .entityList(String.class)
                .containsExactly(pending);
        testers.customer(customer)
                .documentName("serviceOrders")
                .variable("open", false)
                .execute()
                .path("me.serviceOrders[*].id")
                .entityList(String.class)
                .containsExactly(delivered);
        testers.customer(customer)
                .documentName("serviceOrders")
                .execute()
                .path("me.serviceOrders[*].id")
                .entityList(String.class)
                .containsExactly(pending, delivered);
    }

    @Test
    void updateServiceOrderStatus_skippingAStep_isBadUserInputAndChangesNothing() {
        String customer = data.newCustomer();
        String id = open(customer);
        move(id, "DELIVERED", null).errors().satisfy(Errors.single("BAD_USER_INPUT", "RECEIVED"));
        testers.customer(customer)
                .documentName("serviceOrders")
                .execute()
                .path("me.serviceOrders[0].status")
                .entity(String.class)
                .isEqualTo("RECEIVED")
                .path("me.serviceOrders[0].history")
                .entityList(Object.class)
                .hasSize(1);
    }

    @Test
    void updateServiceOrderStatus_unknownOrder_isNotFound() {
        move("so-does-not-exist", "IN_PROGRESS", null).errors().satisfy(Errors.single("NOT_FOUND"));
    }

    @Test
    void updateServiceOrderStatus_byTheCustomer_isForbidden() {
        String customer = data.newCustomer();
        String id = open(customer);
        testers.customer(customer)
                .documentName("updateServiceOrderStatus")
                .variable("input", Map.of("serviceOrderId", id, "status", "IN_PROGRESS"))
                .execute()
                .errors()
                .satisfy(Errors.single("FORBIDDEN"));
    }

    @Test
    void createServiceOrder_badInput_isBadUserInput() {
        String customer = data.newCustomer();
        Map<String, Object> input = order(customer);
        input.put("description", "");
        create(input).errors().satisfy(Errors.single("BAD_USER_INPUT", "input.description"));
        input = order(customer);
        input.put("storeId", "nowhere");
        create(input).errors().satisfy(Errors.single("BAD_USER_INPUT", "input.storeId"));
        input = order(customer);
        input.put("expectedDate", "next week");
        create(input).errors().satisfy(Errors.single("BAD_USER_INPUT", "next week"));
        assertThat(data.count("select count(*) from service_orders where customer_id = :id", customer))
                .isZero();
    }

    @Test
    void customers_seeOnlyTheirOwnServiceOrders() {
        String owner = data.newCustomer();
        open(owner);
        testers.customer(data.newCustomer())
                .documentName("serviceOrders")
                .execute()
                .path("me.serviceOrders")
                .entityList(Object.class)
                .hasSize(0);
    }

    private String open(String customer) {
        GraphQlTester.Response created = create(order(customer));
        created.path("createServiceOrder.serviceOrder.status")
                .entity(String.class)
                .isEqualTo("RECEIVED");
        return created.path("createServiceOrder.serviceOrder.id")
                .entity(String.class)
                .get();
    }

    private GraphQlTester.Response create(Map<String, Object> input) {
        return testers.pos()
                .documentName("createServiceOrder")
                .variable("input", input)
                .execute();
    }

    private Map<String, Object> order(String customer) {
        Map<String, Object> input = new HashMap<>();
        input.put("customerId", customer);
        input.put("kind", "REPAIR");
        input.put("description", "Resize ring to 7");
        input.put("sku", data.skus(1).get(0));
        input.put("storeId", data.storeIds().get(0));
        input.put("expectedDate", "2030-01-15");
        return input;
    }

    private GraphQlTester.Response move(String id, String status, String note) {
        Map<String, Object> input = new HashMap<>();
        input.put("serviceOrderId", id);
        input.put("status", status);
        if (note != null) {
            input.put("note", note);
        }
        return testers.pos()
                .documentName("updateServiceOrderStatus")
                .variable("input", input)
                .execute();
    }
}
