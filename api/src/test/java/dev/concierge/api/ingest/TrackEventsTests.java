package dev.concierge.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.personalization.customer.ConsentPurpose;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

@ConciergeTest
class TrackEventsTests {

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Test
    void trackEvents_sameBatchTwice_storesEachEventOnce() {
        String customer = data.newCustomer(ConsentPurpose.BROWSING_TRACKING);
        List<Map<String, Object>> batch = List.of(productView(), productView(), search("diamond studs"));

        track(testers.customer(customer), batch, null)
                .path("trackEvents")
                .entity(Map.class)
                .isEqualTo(Map.of("accepted", 3, "duplicates", 0, "notConsented", 0));
        track(testers.customer(customer), batch, null)
                .path("trackEvents")
                .entity(Map.class)
                .isEqualTo(Map.of("accepted", 0, "duplicates", 3, "notConsented", 0));
        assertThat(data.count("select count(*) from browsing_events where customer_id = :id", customer))
                .isEqualTo(3);
        assertThat(data.count(
                        "select sum(event_count)::bigint from customer_daily_activity where customer_id = :id",
                        customer))
                .isEqualTo(3);
        assertThat(data.count("select event_count from customer_stats where customer_id = :id", customer))
                .isEqualTo(3);
    }

    @Test
    void trackEvents_repeatedIdWithinABatch_countsAsDuplicate() {
        String customer = data.newCustomer(ConsentPurpose.BROWSING_TRACKING);
        Map<String, Object> event = productView();
        track(testers.customer(customer), List.of(event, event), null)
                .path("trackEvents")
                .entity(Map.class)
                .isEqualTo(Map.of("accepted", 1, "duplicates", 1, "notConsented", 0));
    }

    @Test
    void trackEvents_withoutTrackingConsent_storesNothing() {
        String customer = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        track(testers.customer(customer), List.of(productView(), search("watch")), null)
                .path("trackEvents")
                .entity(Map.class)
                .isEqualTo(Map.of("accepted", 0, "duplicates", 0, "notConsented", 2));
        assertThat(data.count("select count(*) from browsing_events where customer_id = :id", customer))
                .isZero();
    }

    @Test
    void trackEvents_afterConsentIsRevoked_storesNothing() {
        String customer = data.newCustomer(ConsentPurpose.BROWSING_TRACKING);
        testers.customer(customer)
                .documentName("setConsent")
                .variable("purpose", "BROWSING_TRACKING")
                .variable("granted", false)
                .execute()
                .path("setConsent.consent.granted")
                .entity(Boolean.class)
                .isEqualTo(false);
        track(testers.customer(customer), List.of(productView()), null)
                .path("trackEvents.notConsented")
                .entity(Integer.class)
                .isEqualTo(1);
        assertThat(data.count("select count(*) from browsing_events where customer_id = :id", customer))
                .isZero();
    }

    @Test
    void trackEvents_anonymous_needsTheBannerConsent() {
        String visitor = "anon-" + UUID.randomUUID();
        Map<String, Object> event = productView();
        event.put("anonymousId", visitor);
        track(testers.anonymous(), List.of(event), false)
                .path("trackEvents.notConsented")
                .entity(Integer.class)
                .isEqualTo(1);
        assertThat(data.count("select count(*) from browsing_events where anonymous_id = :id", visitor))
                .isZero();
        track(testers.anonymous(), List.of(event), true)
                .path("trackEvents.accepted")
                .entity(Integer.class)
                .isEqualTo(1);
        assertThat(data.count("select count(*) from browsing_events where anonymous_id = :id", visitor))
                .isEqualTo(1);
    }

    @Test
    void trackEvents_byPos_isForbidden() {
        track(testers.pos(), List.of(productView()), true).errors().satisfy(Errors.single("FORBIDDEN"));
    }

    @Test
    void browsingHistory_showsStoredEventsNewestFirstAndPages() {
        String customer = data.newCustomer(ConsentPurpose.BROWSING_TRACKING);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> event = productView();
            event.put("occurredAt", Instant.now().minus(5 - i, ChronoUnit.HOURS).toString());
            batch.add(event);
        }
        track(testers.customer(customer), batch, null)
                .path("trackEvents.accepted")
                .entity(Integer.class)
                .isEqualTo(5);

        GraphQlTester.Response first = testers.customer(customer)
                .documentName("browsingHistory")
                .variable("first", 3)
                .execute();
        first.path("me.browsingHistory.edges[*].node.id")
                .entityList(String.class)
                .containsExactly(
                        (String) batch.get(4).get("clientEventId"),
                        (String) batch.get(3).get("clientEventId"),
                        (String) batch.get(2).get("clientEventId"));
        first.path("me.browsingHistory.edges[0].node.product.sku")
                .entity(String.class)
                .isEqualTo((String) batch.get(4).get("sku"));
        String after = first.path("me.browsingHistory.pageInfo.endCursor")
                .entity(String.class)
                .get();
        GraphQlTester.Response second = testers.customer(customer)
                .documentName("browsingHistory")
                .variable("first", 3)
                .variable("after", after)
                .execute();
        second.path("me.browsingHistory.edges").entityList(Object.class).hasSize(2);
        second.path("me.browsingHistory.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    static Stream<Arguments> badBatches() {
        return Stream.of(
                bad(
                        "over 500 events",
                        batch -> {
                            Map<String, Object> template = batch.get(0);
                            for (int i = 0; i < 500; i++) {
                                Map<String, Object> copy = new HashMap<>(template);
                                copy.put("clientEventId", "ev-" + UUID.randomUUID());
                                batch.add(copy);
                            }
                        },
                        "at most 500"),
                bad("unknown sku", batch -> batch.get(1).put("sku", "NO-SUCH-SKU"), "events[1].sku"),
                bad("malformed date", batch -> batch.get(0).put("occurredAt", "last tuesday"), "last tuesday"),
                bad(
                        "date in the future",
                        batch -> batch.get(0)
                                .put(
                                        "occurredAt",
                                        Instant.now().plus(1, ChronoUnit.DAYS).toString()),
                        "events[0].occurredAt"),
                bad(
                        "date too old",
                        batch -> batch.get(0)
                                .put(
                                        "occurredAt",
                                        Instant.now()
                                                .minus(400, ChronoUnit.DAYS)
                                                .toString()),
                        "events[0].occurredAt"),
                bad(
                        "oversized query",
                        batch -> batch.get(1).putAll(Map.of("type", "SEARCH", "query", "q".repeat(10_000))),
                        "events[1].query"),
                bad(
                        "oversized client id",
                        batch -> batch.get(0).put("clientEventId", "e".repeat(300)),
                        "events[0].clientEventId"),
                bad("product view without sku", batch -> batch.get(0).remove("sku"), "events[0].sku"),
                bad("unknown event type", batch -> batch.get(0).put("type", "TELEPORT"), "TELEPORT"),
                bad(
                        "unknown store",
                        batch -> batch.get(0).putAll(Map.of("type", "STORE_VISIT", "storeId", "nowhere")),
                        "events[0].storeId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBatches")
    void trackEvents_badInput_isBadUserInputAndStoresNothingOfTheBatch(
            String name, Consumer<List<Map<String, Object>>> spoil, String mentioned) {
        String customer = data.newCustomer(ConsentPurpose.BROWSING_TRACKING);
        List<Map<String, Object>> batch = new ArrayList<>(List.of(productView(), productView()));
        spoil.accept(batch);
        track(testers.customer(customer), batch, null).errors().satisfy(Errors.single("BAD_USER_INPUT", mentioned));
        assertThat(data.count("select count(*) from browsing_events where customer_id = :id", customer))
                .isZero();
    }

    @Test
    void trackEvents_emptyBatch_isBadUserInput() {
        track(testers.customer(data.newCustomer(ConsentPurpose.BROWSING_TRACKING)), List.of(), null)
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "at least one"));
    }

    private GraphQlTester.Response track(
            GraphQlTester tester, List<Map<String, Object>> events, Boolean anonymousConsent) {
        return tester.documentName("trackEvents")
                .variable("events", events)
                .variable("anonymousConsent", anonymousConsent)
                .execute();
    }

    private Map<String, Object> productView() {
        Map<String, Object> event = new HashMap<>();
        event.put("clientEventId", "ev-" + UUID.randomUUID());
        event.put("type", "PRODUCT_VIEW");
        event.put("channel", "APP");
        event.put("occurredAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        event.put("sku", data.skus(3).get(2));
        event.put("category", "RINGS");
        return event;
    }

    private Map<String, Object> search(String query) {
        Map<String, Object> event = new HashMap<>();
        event.put("clientEventId", "ev-" + UUID.randomUUID());
        event.put("type", "SEARCH");
        event.put("channel", "WEB");
        event.put("occurredAt", Instant.now().minus(2, ChronoUnit.MINUTES).toString());
        event.put("query", query);
        return event;
    }

    private static Arguments bad(String name, Consumer<List<Map<String, Object>>> spoil, String mentioned) {
        return Arguments.of(name, spoil, mentioned);
    }
}
