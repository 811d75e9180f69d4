package dev.concierge.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.security.Role;
import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.personalization.customer.ConsentPurpose;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

@ConciergeTest
class PagePreviewTests {

    /** The demo's segments (other tests may add their own; persona checks look at these only). */
    static final Set<String> DEMO_SEGMENTS = Set.of(
            "gold-members",
            "birthday-this-week",
            "anniversary-soon",
            "watch-browsers-no-watch",
            "repair-ready",
            "near-a-store",
            "lapsed-180",
            "new-customers",
            "big-spenders",
            "app-shoppers",
            "ring-buyers");

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Autowired
    DatabaseClient db;

    @Autowired
    BatchedExposureLog exposures;

    @Test
    void previewAsGoldMembers_isWhatAGoldCustomerSees() {
        String gold = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        db.sql("update customers set loyalty_tier = 'GOLD' where id = :id")
                .bind("id", gold)
                .then()
                .block();
        GraphQlTester.Response page = testers.customer(gold)
                .documentName("page")
                .variable("slug", "home")
                .execute();

        GraphQlTester.Response preview = preview("home", Map.of("segments", List.of("gold-members")));
        preview.path("previewPage.mode").entity(String.class).isEqualTo("PERSONALIZED");
        preview.path("previewPage.segments[*].id").entityList(String.class).containsExactly("gold-members");
        preview.path("previewPage.segments[0].name").entity(String.class).isEqualTo("Gold members");
        preview.path("previewPage.slots[0].variant").entity(String.class).isEqualTo("gold");
        preview.path("previewPage.slots[0].reasons[?(@.code == 'SEGMENT_MATCH')].text")
                .entityList(String.class)
                .containsExactly("Gold members");
        preview.path("previewPage.greeting.kind").entity(String.class).isEqualTo("HELLO");
        preview.path("previewPage.audience")
                .entity(String.class)
                .satisfies(text -> assertThat(text).contains("Gold members", PagePreviews.SEGMENTS_SUBJECT_PREFIX));
        // a fresh Gold customer is also a new customer, which no home slot targets: the pages agree
        assertThat(slots(preview, "previewPage")).isEqualTo(slots(page, "page"));
    }

    @Test
    void previewAsSegments_bucketsBySortedIdsAndTheEmptyListIsPersonalizedInNoSegment() {
        GraphQlTester.Response none = preview("home", Map.of("segments", List.of()));
        none.path("previewPage.mode").entity(String.class).isEqualTo("PERSONALIZED");
        none.path("previewPage.segments").entityList(Object.class).hasSize(0);
        none.path("previewPage.slots[0].experiment.experimentId")
                .entity(String.class)
                .isEqualTo("hero-test");
        assertThat(slots(preview("home", Map.of("segments", List.of())))).isEqualTo(slots(none));

        String ab = preview("home", Map.of("segments", List.of("ring-buyers", "app-shoppers")))
                .path("previewPage.audience")
                .entity(String.class)
                .get();
        String ba = preview("home", Map.of("segments", List.of("app-shoppers", "ring-buyers", "app-shoppers")))
                .path("previewPage.audience")
                .entity(String.class)
                .get();
        assertThat(ab).isEqualTo(ba).contains("App and watch shoppers", "Ring buyers");
    }

    @Test
    void previewSignedOut_isTheAnonymousPage() {
        GraphQlTester.Response page = testers.anonymous()
                .documentName("page")
                .variable("slug", "home")
                .execute();
        GraphQlTester.Response preview = preview("home", Map.of("signedOut", true));
        preview.path("previewPage.mode").entity(String.class).isEqualTo("SIGNED_OUT");
        preview.path("previewPage.reasons[*].code").entityList(String.class).containsExactly("DEFAULT_SIGNED_OUT");
        preview.path("previewPage.greeting.kind").entity(String.class).isEqualTo("WELCOME");
        preview.path("previewPage.segments").entityList(Object.class).hasSize(0);
        assertThat(slots(preview, "previewPage")).isEqualTo(slots(page, "page"));

        String visitor = "visitor-" + UUID.randomUUID();
        Map<String, Object> context = Map.of("anonymousId", visitor);
        assertThat(slots(previewIn("home", Map.of("signedOut", true), context)))
                .isEqualTo(slots(
                        testers.anonymous()
                                .documentName("page")
                                .variable("slug", "home")
                                .variable("context", context)
                                .execute(),
                        "page"));
    }

    @Test
    void personas_listTheSegmentsTheirProfilesImply() {
        Map<String, Set<String>> expected = Map.of(
                "gold-birthday", Set.of("gold-members", "birthday-this-week"),
                "new-this-week", Set.of("new-customers"),
                "lapsed-watch-lover", Set.of("watch-browsers-no-watch", "lapsed-180"),
                "app-ring-buyer", Set.of("ring-buyers", "app-shoppers"),
                "big-spender-pickup", Set.of("gold-members", "big-spenders", "repair-ready", "anniversary-soon"),
                "nearby-visitor", Set.of("near-a-store"),
                "no-consent", Set.of());
        List<Map<String, Object>> personas = testers.editor()
                .documentName("personas")
                .execute()
                .path("personas")
                .entityList(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        Map<String, Set<String>> actual = new HashMap<>();
        for (Map<String, Object> persona : personas) {
            assertThat((String) persona.get("name")).isNotBlank();
            assertThat((String) persona.get("description")).isNotBlank();
            @SuppressWarnings("unchecked")
            List<Map<String, String>> segments = (List<Map<String, String>>) persona.get("segments");
            actual.put(
                    (String) persona.get("id"),
                    segments.stream()
                            .map(segment -> segment.get("id"))
                            .filter(DEMO_SEGMENTS::contains)
                            .collect(Collectors.toSet()));
        }
        assertThat(actual).isEqualTo(expected);
    }

    static List<Arguments> personaPages() {
        return List.of(
                Arguments.argumentSet(
                        "Gold birthday", "gold-birthday", "PERSONALIZED", Map.of(0, "birthday", 1, "default")),
                Arguments.argumentSet(
                        "lapsed watch lover",
                        "lapsed-watch-lover",
                        "PERSONALIZED",
                        Map.of(0, "watch-seeker", 1, "lapsed")),
                Arguments.argumentSet("ring buyer on the app", "app-ring-buyer", "PERSONALIZED", Map.of(2, "app")),
                Arguments.argumentSet(
                        "big spender with a repair",
                        "big-spender-pickup",
                        "PERSONALIZED",
                        Map.of(0, "gold", 1, "pickup", 3, "anniversary")),
                Arguments.argumentSet("near a store", "nearby-visitor", "PERSONALIZED", Map.of(1, "nearby")),
                Arguments.argumentSet(
                        "without consent",
                        "no-consent",
                        "NO_CONSENT",
                        Map.of(0, "default", 1, "default", 2, "default")));
    }

    @ParameterizedTest
    @MethodSource("personaPages")
    void previewAsPersona_showsTheVariantsItsSegmentsTarget(
            String persona, String mode, Map<Integer, String> variants) {
        GraphQlTester.Response response = preview("home", Map.of("persona", persona));
        response.path("previewPage.mode").entity(String.class).isEqualTo(mode);
        response.path("previewPage.audience")
                .entity(String.class)
                .satisfies(text -> assertThat(text).contains(Personas.SUBJECT_PREFIX + persona));
        variants.forEach((slot, variant) -> response.path("previewPage.slots[" + slot + "].variant")
                .entity(String.class)
                .isEqualTo(variant));
    }

    @Test
    void previewAsPersona_greetsTheOccasionAtTheDecisionInstant() {
        GraphQlTester.Response now = preview("home", Map.of("persona", "gold-birthday"));
        now.path("previewPage.greeting.kind").entity(String.class).isEqualTo("BIRTHDAY");
        now.path("previewPage.greeting.text").entity(String.class).isEqualTo("Your birthday is in 3 days, Grace");
        // built relative to the instant: a year on, the birthday is still three days away
        Instant nextYear = Instant.now().plus(365, ChronoUnit.DAYS);
        previewAt("home", Map.of("persona", "gold-birthday"), nextYear, false)
                .path("previewPage.greeting.text")
                .entity(String.class)
                .isEqualTo("Your birthday is in 3 days, Grace");
    }

    @Test
    void previewAsCustomer_showsTheirDecisionWithoutTheirPersonalData() {
        Map<String, Object> person = db.sql(
                        "select first_name, last_name, email, birthday::text as birthday from customers where id = 'demo-1'")
                .fetch()
                .one()
                .block();
        GraphQlTester.Response page = testers.customer("demo-1")
                .documentName("page")
                .variable("slug", "home")
                .execute();
        GraphQlTester.Response preview = preview("home", Map.of("customerId", "demo-1"));
        preview.path("previewPage.mode").entity(String.class).isEqualTo("PERSONALIZED");
        preview.path("previewPage.segments[*].id")
                .entityList(String.class)
                .contains("gold-members", "birthday-this-week");
        preview.path("previewPage.greeting.kind").entity(String.class).isEqualTo("BIRTHDAY");
        preview.path("previewPage.greeting.text")
                .entity(String.class)
                .satisfies(
                        text -> assertThat(text).startsWith("Your birthday is").doesNotContain(","));
        assertThat(slots(preview, "previewPage")).isEqualTo(slots(page, "page"));

        String json = String.valueOf(preview.returnResponse().toMap()).toLowerCase(Locale.ROOT);
        for (String field : List.of("first_name", "last_name", "email", "birthday")) {
            String value = String.valueOf(person.get(field));
            assertThat(value).as(field).hasSizeGreaterThan(3);
            assertThat(json).as(field).doesNotContain(value.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void previewAt_showsScheduledContentOnlyOnceItStarts() {
        String slug = newPage();
        Instant inTwoDays = Instant.now().plus(2, ChronoUnit.DAYS);
        publish(slug, "hero", "HERO", 0, null, "{\"headline\": \"Now\"}");
        publish(slug, "hero", "HERO", 10, inTwoDays, "{\"headline\": \"Holiday sale\"}");

        headline(preview(slug, Map.of("signedOut", true))).isEqualTo("Now");
        headline(previewAt(slug, Map.of("signedOut", true), inTwoDays.minus(1, ChronoUnit.HOURS), false))
                .isEqualTo("Now");
        GraphQlTester.Response later =
                previewAt(slug, Map.of("segments", List.of()), inTwoDays.plus(1, ChronoUnit.HOURS), false);
        later.path("previewPage.slots[0].content.headline").entity(String.class).isEqualTo("Holiday sale");
        later.path("previewPage.at")
                .entity(String.class)
                .isEqualTo(inTwoDays.plus(1, ChronoUnit.HOURS).toString());
        // the live page has not changed
        testers.anonymous()
                .documentName("page")
                .variable("slug", slug)
                .execute()
                .path("page.slots[0].content.headline")
                .entity(String.class)
                .isEqualTo("Now");
    }

    @Test
    void previewWithDrafts_decidesOverDraftsAndLeavesArchivedEntriesOut() {
        String slug = newPage();
        String hero = publish(slug, "hero", "HERO", 0, null, "{\"headline\": \"Published\"}");
        draft(hero, 2, 0, "{\"headline\": \"Draft\"}");
        String fresh = entry(slug, "notice", "BANNER", "DRAFT");
        draft(fresh, 1, 0, "{\"text\": \"Never published\"}");
        String archived = entry(slug, "notice", "BANNER", "ARCHIVED");
        draft(archived, 1, 100, "{\"text\": \"Archived\"}");

        GraphQlTester.Response published = preview(slug, Map.of("signedOut", true));
        published
                .path("previewPage.slots[0].content.headline")
                .entity(String.class)
                .isEqualTo("Published");
        published
                .path("previewPage.slots[0].content.version")
                .entity(Integer.class)
                .isEqualTo(1);
        published.path("previewPage.slots[1].content").valueIsNull();

        GraphQlTester.Response drafts = previewAt(slug, Map.of("signedOut", true), null, true);
        drafts.path("previewPage.slots[0].content.headline")
                .entity(String.class)
                .isEqualTo("Draft");
        drafts.path("previewPage.slots[0].content.version")
                .entity(Integer.class)
                .isEqualTo(2);
        drafts.path("previewPage.slots[1].content.text").entity(String.class).isEqualTo("Never published");
    }

    @Test
    void previews_neverRecordExposures() {
        exposures.flush().block(Duration.ofSeconds(10));
        long before = exposureCount();
        String visitor = "preview-visitor-" + UUID.randomUUID();
        previewIn("home", Map.of("signedOut", true), Map.of("anonymousId", visitor))
                .path("previewPage.slots[0].experiment.experimentId")
                .entity(String.class)
                .isEqualTo("hero-test");
        preview("home", Map.of("segments", List.of()))
                .path("previewPage.slots[0].experiment.experimentId")
                .entity(String.class)
                .isEqualTo("hero-test");
        preview("home", Map.of("persona", "new-this-week"))
                .path("previewPage.slots[0].experiment.experimentId")
                .entity(String.class)
                .isEqualTo("hero-test");
        preview("home", Map.of("customerId", data.newCustomer(ConsentPurpose.PERSONALIZATION)))
                .path("previewPage.slots[0].experiment.experimentId")
                .entity(String.class)
                .isEqualTo("hero-test");
        sleep(Duration.ofMillis(750));
        exposures.flush().block(Duration.ofSeconds(10));
        assertThat(exposureCount()).isEqualTo(before);

        // the same visitor on the live page is counted: the count above could have moved
        testers.anonymous()
                .documentName("page")
                .variable("slug", "home")
                .variable("context", Map.of("anonymousId", visitor))
                .execute()
                .path("page.slots[0].experiment")
                .hasValue();
        exposures.flush().block(Duration.ofSeconds(10));
        assertThat(exposureCount()).isEqualTo(before + 1);
    }

    static List<Arguments> badAudiences() {
        return List.of(
                Arguments.argumentSet("none", Map.of(), "BAD_USER_INPUT", "as: "),
                Arguments.argumentSet("signedOut false", Map.of("signedOut", false), "BAD_USER_INPUT", "as: "),
                Arguments.argumentSet(
                        "two", Map.of("segments", List.of(), "persona", "gold-birthday"), "BAD_USER_INPUT", "as: "),
                Arguments.argumentSet(
                        "unknown segment",
                        Map.of("segments", List.of("gold-members", "no-such-segment")),
                        "BAD_USER_INPUT",
                        "as.segments[1]"),
                Arguments.argumentSet("blank persona", Map.of("persona", " "), "BAD_USER_INPUT", "as.persona"),
                Arguments.argumentSet("unknown persona", Map.of("persona", "nobody"), "NOT_FOUND", "nobody"),
                Arguments.argumentSet("unknown customer", Map.of("customerId", "no-such-customer"), "NOT_FOUND", ""));
    }

    @ParameterizedTest
    @MethodSource("badAudiences")
    void preview_badAudience_isAnErrorWithItsCode(Map<String, Object> as, String code, String text) {
        preview("home", as).errors().satisfy(Errors.single(code, text));
    }

    @Test
    void preview_archivedSegment_isBadUserInput() {
        String id = "archived-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql(
                        "insert into segments (id, name, rule, status) values (:id, :id, '{\"loyaltyTier\": {\"atLeast\": \"GOLD\"}}', 'ARCHIVED')")
                .bind("id", id)
                .then()
                .block();
        preview("home", Map.of("segments", List.of(id)))
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "as.segments[0]"));
    }

    @Test
    void preview_otherBadInputs_areErrorsWithTheirCodes() {
        preview("no-such-page", Map.of("signedOut", true)).errors().satisfy(Errors.single("NOT_FOUND", "no-such-page"));
        previewAt("home", Map.of("signedOut", true), Instant.now().plus(4000, ChronoUnit.DAYS), false)
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "at: "));
        previewIn("home", Map.of("signedOut", true), Map.of("locale", "not a locale!"))
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "context.locale"));
    }

    static List<Arguments> notEditors() {
        return List.of(
                Arguments.argumentSet("anonymous", null, "UNAUTHENTICATED"),
                Arguments.argumentSet("customer", Role.CUSTOMER, "FORBIDDEN"),
                Arguments.argumentSet("point of sale", Role.POS, "FORBIDDEN"),
                Arguments.argumentSet("SRE", Role.SRE, "FORBIDDEN"));
    }

    @ParameterizedTest
    @MethodSource("notEditors")
    void previewAndPersonas_needTheEditorRole(Role role, String code) {
        GraphQlTester tester = role == null ? testers.anonymous() : testers.as("demo-1", role);
        tester.documentName("previewPage")
                .variable("slug", "home")
                .variable("as", Map.of("signedOut", true))
                .execute()
                .errors()
                .satisfy(Errors.single(code));
        tester.documentName("personas").execute().errors().satisfy(Errors.single(code));
    }

    private GraphQlTester.Response preview(String slug, Map<String, Object> as) {
        return previewAt(slug, as, null, false);
    }

    private GraphQlTester.Response previewIn(String slug, Map<String, Object> as, Map<String, Object> context) {
        return testers.editor()
                .documentName("previewPage")
                .variable("slug", slug)
                .variable("as", as)
                .variable("context", context)
                .execute();
    }

    private GraphQlTester.Response previewAt(String slug, Map<String, Object> as, Instant at, boolean includeDrafts) {
        return testers.editor()
                .documentName("previewPage")
                .variable("slug", slug)
                .variable("as", as)
                .variable("at", at == null ? null : at.toString())
                .variable("includeDrafts", includeDrafts)
                .execute();
    }

    private static List<Object> slots(GraphQlTester.Response response) {
        return slots(response, "previewPage");
    }

    private static List<Object> slots(GraphQlTester.Response response, String root) {
        return response.path(root + ".slots").entityList(Object.class).get();
    }

    private static GraphQlTester.Entity<String, ?> headline(GraphQlTester.Response response) {
        return response.path("previewPage.slots[0].content.headline").entity(String.class);
    }

    private long exposureCount() {
        return db.sql("select count(*) from experiment_exposures")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    /** A page of its own, with slots {@code hero} and {@code notice}, so that no cache or other test sees it. */
    private String newPage() {
        String slug = "preview-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("insert into page_slots (page_slug, slot, position) values (:slug, 'hero', 0), (:slug, 'notice', 1)")
                .bind("slug", slug)
                .then()
                .block();
        return slug;
    }

    private String entry(String slug, String slot, String type, String status) {
        String id = slug + "-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql(
                        "insert into content_entries (id, page_slug, slot, type, name, status) values (:id, :slug, :slot, :type, :id, :status)")
                .bind("id", id)
                .bind("slug", slug)
                .bind("slot", slot)
                .bind("type", type)
                .bind("status", status)
                .then()
                .block();
        return id;
    }

    /** An unpublished version with one variant for everyone. */
    private void draft(String entryId, int version, int priority, String fields) {
        db.sql("insert into content_versions (entry_id, version, created_by) values (:id, :version, 'test')")
                .bind("id", entryId)
                .bind("version", version)
                .then()
                .block();
        db.sql("""
                        insert into content_variants (entry_id, version, key, priority, fields)
                        values (:id, :version, :key, :priority, cast(:fields as jsonb))""")
                .bind("id", entryId)
                .bind("version", version)
                .bind("key", "v" + version)
                .bind("priority", priority)
                .bind("fields", fields)
                .then()
                .block();
    }

    /** A published entry of one version whose variant for everyone starts at {@code startsAt}. */
    private String publish(String slug, String slot, String type, int priority, Instant startsAt, String fields) {
        String id = entry(slug, slot, type, "DRAFT");
        draft(id, 1, priority, fields);
        if (startsAt != null) {
            db.sql("update content_variants set starts_at = :at where entry_id = :id")
                    .bind("at", startsAt.atOffset(ZoneOffset.UTC))
                    .bind("id", id)
                    .then()
                    .block();
        }
        db.sql("update content_versions set published_at = now() where entry_id = :id")
                .bind("id", id)
                .then()
                .block();
        db.sql("update content_entries set status = 'PUBLISHED', published_version = 1 where id = :id")
                .bind("id", id)
                .then()
                .block();
        return id;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
