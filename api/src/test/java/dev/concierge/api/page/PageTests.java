package dev.concierge.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.personalization.customer.ConsentPurpose;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

@ConciergeTest
class PageTests {

    /** Times Square: about 1.4 km from the Fifth Avenue store. */
    static final Map<String, Object> NEAR_NYC_STORE = Map.of("lat", 40.758, "lon", -73.9855);

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Autowired
    BatchedExposureLog exposures;

    @Test
    void page_demoOne_isBirthdayAwareWithReasonsOnEverySlot() {
        GraphQlTester.Response response = home(testers.customer("demo-1"), Map.of());
        response.path("page.mode").entity(String.class).isEqualTo("PERSONALIZED");
        response.path("page.greeting.kind").entity(String.class).isEqualTo("BIRTHDAY");
        response.path("page.greeting.text")
                .entity(String.class)
                .satisfies(text -> assertThat(text).contains("Olivia"));
        response.path("page.slots[*].name")
                .entityList(String.class)
                .containsExactly("hero", "announcement", "featured", "editorial", "service");
        response.path("page.slots[0].variant").entity(String.class).isEqualTo("birthday");
        response.path("page.slots[0].content.__typename").entity(String.class).isEqualTo("HeroContent");
        response.path("page.slots[0].content.headline").entity(String.class).isEqualTo("Happy birthday from all of us");
        response.path("page.slots[0].reasons[*].code").entityList(String.class).contains("SEGMENT_MATCH", "PRIORITY");
        response.path("page.slots[0].reasons[?(@.code == 'SEGMENT_MATCH')].text")
                .entityList(String.class)
                .contains("Birthday this week");
        response.path("page.slots[*].reasons.length()")
                .entityList(Integer.class)
                .satisfies(counts -> assertThat(counts)
                        .hasSize(5)
                        .allSatisfy(count -> assertThat(count).isPositive()));
        response.path("page.offers[*].variant").entityList(String.class).contains("birthday", "gold", "default");
        response.path("page.offers[0].content.code").entity(String.class).isEqualTo("BDAY20");
        response.path("page.consent.personalization").entity(Boolean.class).isEqualTo(true);
        response.path("page.serviceOrders").entityList(Object.class).hasSizeGreaterThan(0);
        // What they are and why: RecommendationTests.
        response.path("page.recommendations.items").entityList(Object.class).hasSize(5);
    }

    @Test
    void page_customerWithoutPersonalizationConsent_servesTheDefaultPageAndSaysWhy() {
        String id = data.newCustomer(ConsentPurpose.BROWSING_TRACKING);
        GraphQlTester.Response response = home(testers.customer(id), Map.of());
        response.path("page.mode").entity(String.class).isEqualTo("NO_CONSENT");
        response.path("page.reasons[*].code").entityList(String.class).contains("DEFAULT_NO_CONSENT");
        response.path("page.greeting.kind").entity(String.class).isEqualTo("HELLO");
        response.path("page.slots[0].variant").entity(String.class).isEqualTo("default");
        response.path("page.slots[0].experiment").valueIsNull();
        response.path("page.slots[0].reasons[*].code").entityList(String.class).contains("DEFAULT_NO_CONSENT");
        response.path("page.offers[*].variant").entityList(String.class).containsExactly("default");
        response.path("page.consent.personalization").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void page_anonymousVisitor_getsTheDefaultPageAndAStableExperimentArm() {
        String visitor = "visitor-" + UUID.randomUUID();
        GraphQlTester.Response first = home(testers.anonymous(), Map.of("anonymousId", visitor));
        first.path("page.mode").entity(String.class).isEqualTo("SIGNED_OUT");
        first.path("page.reasons[*].code").entityList(String.class).contains("DEFAULT_SIGNED_OUT");
        first.path("page.greeting.kind").entity(String.class).isEqualTo("WELCOME");
        first.path("page.slots[0].experiment.experimentId").entity(String.class).isEqualTo("hero-test");
        String variant =
                first.path("page.slots[0].variant").entity(String.class).get();
        Boolean holdout = first.path("page.slots[0].experiment.inControlGroup")
                .entity(Boolean.class)
                .get();
        assertThat(variant)
                .isEqualTo(
                        holdout
                                ? "default"
                                : "arm-"
                                        + first.path("page.slots[0].experiment.arm")
                                                .entity(String.class)
                                                .get()
                                                .toLowerCase(java.util.Locale.ROOT));
        for (int i = 0; i < 3; i++) {
            home(testers.anonymous(), Map.of("anonymousId", visitor))
                    .path("page.slots[0].variant")
                    .entity(String.class)
                    .isEqualTo(variant);
        }
        exposures.flush().block(Duration.ofSeconds(10));
        assertThat(data.count(
                        "select count(*) from experiment_exposures where subject_type = 'ANONYMOUS' and subject_id = :id",
                        visitor))
                .isEqualTo(1);
    }

    @Test
    void page_signedOutWithoutAnonymousId_isNotBucketed() {
        GraphQlTester.Response response = home(testers.anonymous(), Map.of());
        response.path("page.slots[0].experiment").valueIsNull();
        response.path("page.slots[0].variant").entity(String.class).isEqualTo("default");
        response.path("page.reminders").entityList(Object.class).hasSize(0);
        response.path("page.serviceOrders").entityList(Object.class).hasSize(0);
    }

    @Test
    void page_withLocationConsent_showsTheNearestStoreAndTheNearbyVariant() {
        String id = data.newCustomer(ConsentPurpose.PERSONALIZATION, ConsentPurpose.LOCATION);
        GraphQlTester.Response response = home(testers.customer(id), Map.of("location", NEAR_NYC_STORE));
        response.path("page.nearestStore.store.id").entity(String.class).isEqualTo("nyc-fifth-avenue");
        response.path("page.nearestStore.distanceKm")
                .entity(Double.class)
                .satisfies(km -> assertThat(km).isBetween(0.5, 3.0));
        response.path("page.slots[1].variant").entity(String.class).isEqualTo("nearby");
        response.path("page.slots[1].reasons[?(@.code == 'SEGMENT_MATCH')].text")
                .entityList(String.class)
                .containsExactly("Near a store");
    }

    @Test
    void page_withoutLocationConsent_ignoresTheLocationAndSaysSo() {
        String id = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        GraphQlTester.Response response = home(testers.customer(id), Map.of("location", NEAR_NYC_STORE));
        response.path("page.nearestStore").valueIsNull();
        response.path("page.reasons[*].code").entityList(String.class).contains("CONSENT_MISSING");
        response.path("page.slots[1].variant").entity(String.class).isEqualTo("default");
    }

    @Test
    void page_contextChannelAndLocale_chooseTheirVariants() {
        String id = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        GraphQlTester.Response response =
                home(testers.customer(id), Map.of("channel", "APP", "locale", "fr-FR", "timeZone", "Europe/Paris"));
        response.path("page.slots[2].variant").entity(String.class).isEqualTo("app");
        response.path("page.slots[3].variant").entity(String.class).isEqualTo("fr");
        response.path("page.slots[3].reasons[*].code").entityList(String.class).contains("LOCALE_MATCH");
    }

    @Test
    void page_newCustomer_losesTheWelcomeOfferOnceTheyBuy() {
        String id = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        home(testers.customer(id), Map.of())
                .path("page.offers[*].variant")
                .entityList(String.class)
                .contains("welcome");
        buy(id, data.skus(1).get(0));
        home(testers.customer(id), Map.of())
                .path("page.offers[*].variant")
                .entityList(String.class)
                .doesNotContain("welcome");
    }

    @Test
    void page_afterThreeWatchViews_targetsTheWatchSeekerUntilTheyBuyAWatch() {
        String id = data.newCustomer(ConsentPurpose.PERSONALIZATION, ConsentPurpose.BROWSING_TRACKING);
        String watch = "WCH-0001";
        List<Map<String, Object>> views = List.of(view(watch), view(watch), view(watch));
        testers.customer(id)
                .documentName("trackEvents")
                .variable("events", views)
                .execute()
                .path("trackEvents.accepted")
                .entity(Integer.class)
                .isEqualTo(3);
        GraphQlTester.Response browsing = home(testers.customer(id), Map.of());
        browsing.path("page.slots[0].variant").entity(String.class).isEqualTo("watch-seeker");
        browsing.path("page.slots[0].reasons[?(@.code == 'SEGMENT_MATCH')].text")
                .entityList(String.class)
                .containsExactly("Watch browsers, no watch bought");

        buy(id, watch);
        home(testers.customer(id), Map.of())
                .path("page.slots[0].variant")
                .entity(String.class)
                .satisfies(variant -> assertThat(variant).isNotEqualTo("watch-seeker"));
    }

    @Test
    void page_afterBuyingARing_showsTheRingCarousel() {
        String id = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        home(testers.customer(id), Map.of())
                .path("page.slots[2].variant")
                .entity(String.class)
                .isEqualTo("default");
        buy(id, "RNG-0001");
        GraphQlTester.Response response = home(testers.customer(id), Map.of());
        response.path("page.slots[2].variant").entity(String.class).isEqualTo("rings");
        response.path("page.slots[2].content.items[*].product.sku")
                .entityList(String.class)
                .containsExactly("RNG-0002", "RNG-0003");
        response.path("page.recommendations.items[*].product.sku")
                .entityList(String.class)
                .doesNotContain("RNG-0001");
    }

    @Test
    void purchase_afterAnExposure_isAttributedAsAConversion() {
        String id = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        home(testers.customer(id), Map.of())
                .path("page.slots[0].experiment.experimentId")
                .entity(String.class)
                .isEqualTo("hero-test");
        exposures.flush().block(Duration.ofSeconds(10));
        assertThat(data.count("select count(*) from experiment_exposures where customer_id = :id", id))
                .isEqualTo(1);
        buy(id, "NCK-0001");
        assertThat(data.count(
                        "select count(*) from experiment_conversions where subject_id = :id and kind = 'PURCHASE'", id))
                .isEqualTo(1);
    }

    private void buy(String customerId, String sku) {
        testers.pos()
                .documentName("recordPurchase")
                .variable(
                        "input",
                        Map.of(
                                "idempotencyKey",
                                "page-" + UUID.randomUUID(),
                                "customerId",
                                customerId,
                                "storeId",
                                "nyc-fifth-avenue",
                                "channel",
                                "STORE",
                                "items",
                                List.of(Map.of("sku", sku, "quantity", 1))))
                .execute()
                .path("recordPurchase.purchase.id")
                .hasValue();
    }

    private static Map<String, Object> view(String sku) {
        return Map.of(
                "clientEventId",
                "ev-" + UUID.randomUUID(),
                "type",
                "PRODUCT_VIEW",
                "channel",
                "WEB",
                "occurredAt",
                Instant.now().minusSeconds(60).toString(),
                "sku",
                sku);
    }

    @Test
    void page_unknownSlug_isNotFound() {
        testers.anonymous()
                .documentName("page")
                .variable("slug", "no-such-page")
                .execute()
                .errors()
                .satisfy(Errors.single("NOT_FOUND"));
    }

    static List<Arguments> badContexts() {
        return List.of(
                Arguments.argumentSet("time zone", Map.of("timeZone", "Mars/Olympus_Mons"), "context.timeZone"),
                Arguments.argumentSet("locale", Map.of("locale", "not a locale!"), "context.locale"),
                Arguments.argumentSet(
                        "latitude", Map.of("location", Map.of("lat", 91, "lon", 0)), "context.location.lat"),
                Arguments.argumentSet("device", Map.of("device", "x".repeat(33)), "context.device"),
                Arguments.argumentSet("anonymous id", Map.of("anonymousId", " "), "context.anonymousId"));
    }

    @ParameterizedTest
    @MethodSource("badContexts")
    void page_badContext_isBadUserInputNamingTheField(Map<String, Object> context, String path) {
        testers.anonymous()
                .documentName("page")
                .variable("slug", "home")
                .variable("context", context)
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", path));
    }

    private static GraphQlTester.Response home(GraphQlTester tester, Map<String, Object> context) {
        return tester.documentName("page")
                .variable("slug", "home")
                .variable("context", context)
                .execute();
    }
}
