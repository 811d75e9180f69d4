package dev.concierge.api.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.SqlStatementCounter;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

@ConciergeTest
class PurchaseTests {

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Autowired
    SqlStatementCounter statements;

    @Test
    void recordPurchase_appearsFirstInTheCustomersTimelineWithDerivedFields() {
        String customer = data.newCustomer();
        List<String> skus = data.skus(2);
        String store = data.storeIds().get(0);
        Map<String, Object> insurance =
                Map.of("provider", "Jewelers Mutual", "policyNumber", "JM-1", "validUntil", "2099-01-01");
        Map<String, Object> input = purchase(
                customer, store, List.of(line(skus.get(0), 2, "100.50", insurance), line(skus.get(1), 1, null, null)));

        GraphQlTester.Response recorded = testers.pos()
                .documentName("recordPurchase")
                .variable("input", input)
                .execute();
        recorded.path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(false);
        String id =
                recorded.path("recordPurchase.purchase.id").entity(String.class).get();
        recorded.path("recordPurchase.purchase.items[0].insurance.active")
                .entity(Boolean.class)
                .isEqualTo(true);
        recorded.path("recordPurchase.purchase.items[0].nextServiceDue")
                .entity(String.class)
                .satisfies(due -> assertThat(due).isNotBlank());
        recorded.path("recordPurchase.purchase.items[*].lineNumber")
                .entityList(Integer.class)
                .containsExactly(1, 2);

        GraphQlTester.Response timeline =
                testers.customer(customer).documentName("purchaseTimeline").execute();
        String first = "me.purchaseTimeline.edges[0].node";
        timeline.path(first + ".id").entity(String.class).isEqualTo(id);
        timeline.path(first + ".store.id").entity(String.class).isEqualTo(store);
        timeline.path(first + ".items[0].product.sku").entity(String.class).isEqualTo(skus.get(0));
        timeline.path(first + ".items[0].photoUrl")
                .entity(String.class)
                .satisfies(url -> assertThat(url).startsWith("http"));
        timeline.path(first + ".items[0].insurance.provider")
                .entity(String.class)
                .isEqualTo("Jewelers Mutual");
        assertThat(data.count(
                        "select sum(purchase_count)::bigint from customer_category_purchases where customer_id = :id",
                        customer))
                .isBetween(1L, 2L);
        // 2 x 100.50 plus the second item at its catalogue price
        timeline.path(first + ".total.amount")
                .entity(String.class)
                .satisfies(total -> assertThat(new BigDecimal(total)).isGreaterThan(new BigDecimal("201.00")));
    }

    @Test
    void recordPurchase_sameIdempotencyKeyTwice_storesOnceAndReplaysTheFirstResult() {
        String customer = data.newCustomer();
        Map<String, Object> input = purchase(
                customer, data.storeIds().get(0), List.of(line(data.skus(1).get(0), 1, null, null)));

        String first = testers.pos()
                .documentName("recordPurchase")
                .variable("input", input)
                .execute()
                .path("recordPurchase.purchase.id")
                .entity(String.class)
                .get();
        GraphQlTester.Response retry = testers.pos()
                .documentName("recordPurchase")
                .variable("input", input)
                .execute();
        retry.path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(true);
        retry.path("recordPurchase.purchase.id").entity(String.class).isEqualTo(first);

        assertThat(data.count("select count(*) from purchases where customer_id = :id", customer))
                .isEqualTo(1);
        assertThat(data.count("select purchase_count::bigint from customer_stats where customer_id = :id", customer))
                .isEqualTo(1);
        assertThat(data.count(
                        "select count(*) from purchase_items i join purchases p on p.id = i.purchase_id"
                                + " where p.customer_id = :id",
                        customer))
                .isEqualTo(1);
    }

    @Test
    void recordPurchase_idempotencyKeyOfAnotherCustomer_isConflict() {
        String store = data.storeIds().get(0);
        String sku = data.skus(1).get(0);
        Map<String, Object> input = purchase(data.newCustomer(), store, List.of(line(sku, 1, null, null)));
        testers.pos()
                .documentName("recordPurchase")
                .variable("input", input)
                .execute()
                .path("recordPurchase.replayed")
                .hasValue();

        Map<String, Object> other = new HashMap<>(input);
        String otherCustomer = data.newCustomer();
        other.put("customerId", otherCustomer);
        testers.pos()
                .documentName("recordPurchase")
                .variable("input", other)
                .execute()
                .errors()
                .satisfy(Errors.single("CONFLICT"));
        assertThat(data.count("select count(*) from purchases where customer_id = :id", otherCustomer))
                .isZero();
    }

    @Test
    void recordPurchase_byCustomerOrAnonymous_isRefused() {
        String customer = data.newCustomer();
        Map<String, Object> input = purchase(
                customer, data.storeIds().get(0), List.of(line(data.skus(1).get(0), 1, null, null)));
        testers.customer(customer)
                .documentName("recordPurchase")
                .variable("input", input)
                .execute()
                .errors()
                .satisfy(Errors.single("FORBIDDEN"));
        testers.anonymous()
                .documentName("recordPurchase")
                .variable("input", input)
                .execute()
                .errors()
                .satisfy(Errors.single("UNAUTHENTICATED"));
        assertThat(data.count("select count(*) from purchases where customer_id = :id", customer))
                .isZero();
    }

    static Stream<Arguments> badPurchases() {
        return Stream.of(
                bad("unknown sku", in -> items(in).get(1).put("sku", "NO-SUCH-SKU"), "input.items[1].sku"),
                bad("negative quantity", in -> items(in).get(0).put("quantity", -1), "input.items[0].quantity"),
                bad("zero quantity", in -> items(in).get(0).put("quantity", 0), "input.items[0].quantity"),
                bad("negative price", in -> items(in).get(0).put("unitPrice", "-5.00"), "input.items[0].unitPrice"),
                bad("price that is no number", in -> items(in).get(0).put("unitPrice", "ten"), "unitPrice"),
                bad("malformed date", in -> in.put("purchasedAt", "yesterday"), "yesterday"),
                bad(
                        "date in the future",
                        in -> in.put(
                                "purchasedAt",
                                Instant.now().plus(2, ChronoUnit.DAYS).toString()),
                        "input.purchasedAt"),
                bad("unknown customer", in -> in.put("customerId", "nobody-" + UUID.randomUUID()), "input.customerId"),
                bad("unknown store", in -> in.put("storeId", "nowhere"), "input.storeId"),
                bad("bad currency", in -> in.put("currency", "dollars"), "input.currency"),
                bad("no items", in -> in.put("items", List.of()), "input.items"),
                bad(
                        "oversized servicing instructions",
                        in -> items(in).get(0).put("servicingInstructions", "x".repeat(5000)),
                        "servicingInstructions"),
                bad("oversized idempotency key", in -> in.put("idempotencyKey", "k".repeat(500)), "idempotencyKey"),
                bad("unknown channel", in -> in.put("channel", "TELEPORT"), "TELEPORT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPurchases")
    void recordPurchase_badInput_isBadUserInputAndStoresNothing(
            String name, Consumer<Map<String, Object>> spoil, String mentioned) {
        String customer = data.newCustomer();
        List<String> skus = data.skus(2);
        Map<String, Object> input = purchase(
                customer,
                data.storeIds().get(0),
                List.of(line(skus.get(0), 1, null, null), line(skus.get(1), 1, null, null)));
        spoil.accept(input);

        testers.pos()
                .documentName("recordPurchase")
                .variable("input", input)
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", mentioned));
        assertThat(data.count("select count(*) from purchases where customer_id = :id", customer))
                .isZero();
    }

    @Test
    void recordPurchase_tooManyItems_isBadUserInput() {
        String customer = data.newCustomer();
        String sku = data.skus(1).get(0);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            lines.add(line(sku, 1, null, null));
        }
        testers.pos()
                .documentName("recordPurchase")
                .variable("input", purchase(customer, data.storeIds().get(0), lines))
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "at most 50"));
    }

    @Test
    void purchaseTimeline_pagesThroughEveryPurchaseOnceNewestFirst() {
        String customer = customerWithPurchases(7);
        List<String> seen = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean hasNext = true;
        while (hasNext) {
            GraphQlTester.Response page = testers.customer(customer)
                    .documentName("purchaseTimeline")
                    .variable("first", 3)
                    .variable("after", after)
                    .execute();
            seen.addAll(page.path("me.purchaseTimeline.edges[*].node.id")
                    .entityList(String.class)
                    .get());
            times.addAll(page.path("me.purchaseTimeline.edges[*].node.purchasedAt")
                    .entityList(String.class)
                    .get());
            page.path("me.purchaseTimeline.pageInfo.hasPreviousPage")
                    .entity(Boolean.class)
                    .isEqualTo(after != null);
            hasNext = page.path("me.purchaseTimeline.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = page.path("me.purchaseTimeline.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());

        GraphQlTester.Response end = testers.customer(customer)
                .documentName("purchaseTimeline")
                .variable("first", 3)
                .variable("after", after)
                .execute();
        end.path("me.purchaseTimeline.edges").entityList(Object.class).hasSize(0);
        end.path("me.purchaseTimeline.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false);
        end.path("me.purchaseTimeline.pageInfo.endCursor").valueIsNull();
    }

    @Test
    void purchaseTimeline_exactPageSize_hasNoNextPage() {
        String customer = customerWithPurchases(3);
        GraphQlTester.Response page = testers.customer(customer)
                .documentName("purchaseTimeline")
                .variable("first", 3)
                .execute();
        page.path("me.purchaseTimeline.edges").entityList(Object.class).hasSize(3);
        page.path("me.purchaseTimeline.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    @Test
    void purchaseTimeline_customerWithoutPurchases_isEmpty() {
        GraphQlTester.Response page = testers.customer(data.newCustomer())
                .documentName("purchaseTimeline")
                .execute();
        page.path("me.purchaseTimeline.edges").entityList(Object.class).hasSize(0);
        page.path("me.purchaseTimeline.pageInfo.startCursor").valueIsNull();
    }

    @ParameterizedTest(name = "first = {0}")
    @ValueSource(ints = {0, -1, 101})
    void purchaseTimeline_pageSizeOutOfRange_isBadUserInput(int first) {
        testers.customer("demo-1")
                .documentName("purchaseTimeline")
                .variable("first", first)
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "first"));
    }

    @ParameterizedTest(name = "after = {0}")
    @ValueSource(strings = {"garbage!", "djE6bm90LWEtbnVtYmVyOnA", "dj"})
    void purchaseTimeline_malformedCursor_isBadUserInput(String after) {
        testers.customer("demo-1")
                .documentName("purchaseTimeline")
                .variable("after", after)
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "after"));
    }

    @Test
    void purchaseTimeline_ofTwentyPurchases_costsABoundedNumberOfStatements() {
        String customer = customerWithPurchases(22);
        long small = statementsFor(customer, 2);
        long large = statementsFor(customer, 20);
        // me, the page of purchases, their items, the products and the stores: one statement each.
        assertThat(large).isBetween(3L, 5L).isEqualTo(small);
    }

    private long statementsFor(String customer, int first) {
        statements.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(30));
        long before = statements.count();
        testers.customer(customer)
                .documentName("purchaseTimeline")
                .variable("first", first)
                .execute()
                .path("me.purchaseTimeline.edges")
                .entityList(Object.class)
                .hasSize(first);
        return statements.count() - before;
    }

    /** A fresh customer with {@code count} purchases of two products each, across the stores. */
    private String customerWithPurchases(int count) {
        String customer = data.newCustomer();
        List<String> skus = data.skus(count + 1);
        List<String> stores = data.storeIds();
        Instant start = Instant.now().minus(count + 1, ChronoUnit.DAYS);
        for (int i = 0; i < count; i++) {
            Map<String, Object> input = purchase(
                    customer,
                    stores.get(i % stores.size()),
                    List.of(line(skus.get(i), 1, null, null), line(skus.get(i + 1), 1, null, null)));
            input.put("purchasedAt", start.plus(i, ChronoUnit.DAYS).toString());
            testers.pos()
                    .documentName("recordPurchase")
                    .variable("input", input)
                    .execute()
                    .path("recordPurchase.replayed")
                    .entity(Boolean.class)
                    .isEqualTo(false);
        }
        return customer;
    }

    private static Arguments bad(String name, Consumer<Map<String, Object>> spoil, String mentioned) {
        return Arguments.of(name, spoil, mentioned);
    }

    static Map<String, Object> purchase(String customer, String store, List<Map<String, Object>> items) {
        Map<String, Object> input = new HashMap<>();
        input.put("idempotencyKey", "test-" + UUID.randomUUID());
        input.put("customerId", customer);
        input.put("storeId", store);
        input.put("channel", "STORE");
        input.put("items", new ArrayList<>(items));
        return input;
    }

    static Map<String, Object> line(String sku, int quantity, String unitPrice, Map<String, Object> insurance) {
        Map<String, Object> line = new HashMap<>();
        line.put("sku", sku);
        line.put("quantity", quantity);
        if (unitPrice != null) {
            line.put("unitPrice", unitPrice);
        }
        if (insurance != null) {
            line.put("insurance", insurance);
        }
        return line;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> input) {
        return (List<Map<String, Object>>) input.get("items");
    }
}
