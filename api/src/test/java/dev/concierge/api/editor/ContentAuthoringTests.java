package dev.concierge.api.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.security.Role;
import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.Testers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

@ConciergeTest
class ContentAuthoringTests {

    static final String GOLD_HEADLINE = "Editor test: gold preview ";

    @Autowired
    Testers testers;

    @Autowired
    DatabaseClient db;

    static String newId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A home hero entry: a default variant, and one for gold members that outranks every demo hero variant. */
    static Map<String, Object> heroInput(String id, String headline) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("pageSlug", "home");
        input.put("slot", "hero");
        input.put("type", "HERO");
        input.put("name", "Editor test hero");
        input.put("fields", Map.of("imageUrl", "https://images.example/t.jpg"));
        input.put(
                "variants",
                List.of(
                        Map.of("key", "default", "priority", -100, "fields", Map.of("headline", "Low default")),
                        Map.of(
                                "key",
                                "gold",
                                "audience",
                                List.of("gold-members"),
                                "priority",
                                500,
                                "fields",
                                Map.of("headline", headline))));
        return input;
    }

    GraphQlTester.Response create(HttpGraphQlTester tester, Map<String, Object> input) {
        return tester.documentName("createContentEntry")
                .variable("input", input)
                .execute();
    }

    GraphQlTester.Response lifecycle(String operation, String id) {
        return testers.editor()
                .documentName("contentLifecycle")
                .operationName(operation)
                .variable("id", id)
                .execute();
    }

    String homeHeroHeadline() {
        return testers.customer("demo-1")
                .documentName("page")
                .variable("slug", "home")
                .execute()
                .path("page.slots[0].content.headline")
                .entity(String.class)
                .get();
    }

    long rows(String sql, String id) {
        return db.sql(sql)
                .bind("id", id)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    @Test
    void createUpdatePublish_showsOnThePage_andUnpublishArchiveTakeItOff() {
        String id = newId();
        String headline = GOLD_HEADLINE + id;
        try {
            create(testers.editor(), heroInput(id, headline + " v0"))
                    .path("createContentEntry.status")
                    .entity(String.class)
                    .isEqualTo("DRAFT")
                    .path("createContentEntry.draft.version")
                    .entity(Integer.class)
                    .isEqualTo(1);
            assertThat(homeHeroHeadline()).isNotEqualTo(headline + " v0");

            Map<String, Object> update = heroInput(id, headline);
            update.keySet().retainAll(List.of("id", "fields", "variants"));
            update.put("name", "Renamed");
            testers.editor()
                    .documentName("updateContentDraft")
                    .variable("input", update)
                    .execute()
                    .path("updateContentDraft.name")
                    .entity(String.class)
                    .isEqualTo("Renamed")
                    .path("updateContentDraft.draft.version")
                    .entity(Integer.class)
                    .isEqualTo(1);

            lifecycle("publishContentEntry", id)
                    .path("publishContentEntry.status")
                    .entity(String.class)
                    .isEqualTo("PUBLISHED")
                    .path("publishContentEntry.publishedVersion")
                    .entity(Integer.class)
                    .isEqualTo(1)
                    .path("publishContentEntry.draft")
                    .valueIsNull();
            // Right after the mutation returns: no stale cache.
            assertThat(homeHeroHeadline()).isEqualTo(headline);

            // A second version: a new draft from the request, then published; version 1 stays readable.
            update.put(
                    "variants",
                    List.of(Map.of(
                            "key",
                            "gold",
                            "audience",
                            List.of("gold-members"),
                            "priority",
                            500,
                            "fields",
                            Map.of("headline", headline + " v2"))));
            testers.editor()
                    .documentName("updateContentDraft")
                    .variable("input", update)
                    .execute()
                    .path("updateContentDraft.draft.version")
                    .entity(Integer.class)
                    .isEqualTo(2)
                    .path("updateContentDraft.publishedVersion")
                    .entity(Integer.class)
                    .isEqualTo(1);
            assertThat(homeHeroHeadline()).as("a draft is not live").isEqualTo(headline);
            lifecycle("publishContentEntry", id)
                    .path("publishContentEntry.publishedVersion")
                    .entity(Integer.class)
                    .isEqualTo(2)
                    .path("publishContentEntry.versions[*].version")
                    .entityList(Integer.class)
                    .containsExactly(2, 1);
            assertThat(homeHeroHeadline()).isEqualTo(headline + " v2");

            GraphQlTester.Response entry = testers.editor()
                    .documentName("contentEntry")
                    .variable("id", id)
                    .execute();
            entry.path("contentEntry.published.version").entity(Integer.class).isEqualTo(2);
            entry.path("contentEntry.versions[1].variants[?(@.key == 'gold')].fields.headline")
                    .entityList(String.class)
                    .containsExactly(headline);
            entry.path("contentEntry.versions[1].variants[?(@.key == 'gold')].audience[0].name")
                    .entityList(String.class)
                    .containsExactly("Gold members");
            entry.path("contentEntry.versions[0].createdBy")
                    .entity(String.class)
                    .isEqualTo("editor-1");
            entry.path("contentEntry.source").entity(String.class).isEqualTo("CONSOLE");

            // Publishing again with no draft is a conflict.
            lifecycle("publishContentEntry", id).errors().satisfy(Errors.single("CONFLICT", "no draft"));

            lifecycle("unpublishContentEntry", id)
                    .path("unpublishContentEntry.status")
                    .entity(String.class)
                    .isEqualTo("DRAFT")
                    .path("unpublishContentEntry.publishedVersion")
                    .valueIsNull()
                    .path("unpublishContentEntry.versions[*].version")
                    .entityList(Integer.class)
                    .containsExactly(2, 1);
            assertThat(homeHeroHeadline()).isNotEqualTo(headline + " v2");

            // Republish from a new draft, then archive: off the page again, and read-only.
            testers.editor()
                    .documentName("updateContentDraft")
                    .variable("input", update)
                    .execute();
            lifecycle("publishContentEntry", id);
            assertThat(homeHeroHeadline()).isEqualTo(headline + " v2");
            lifecycle("archiveContentEntry", id)
                    .path("archiveContentEntry.status")
                    .entity(String.class)
                    .isEqualTo("ARCHIVED");
            assertThat(homeHeroHeadline()).isNotEqualTo(headline + " v2");
            testers.editor()
                    .documentName("updateContentDraft")
                    .variable("input", update)
                    .execute()
                    .errors()
                    .satisfy(Errors.single("CONFLICT", "archived"));
            lifecycle("publishContentEntry", id).errors().satisfy(Errors.single("CONFLICT", "archived"));

            List<String> actions = testers.editor()
                    .documentName("auditLog")
                    .variable("entityType", "CONTENT")
                    .variable("entityId", id)
                    .execute()
                    .path("auditLog[*].action")
                    .entityList(String.class)
                    .get();
            assertThat(actions)
                    .containsExactly(
                            "content.archive",
                            "content.publish",
                            "content.update",
                            "content.unpublish",
                            "content.publish",
                            "content.update",
                            "content.publish",
                            "content.update",
                            "content.create");
            GraphQlTester.Response log = testers.editor()
                    .documentName("auditLog")
                    .variable("entityId", id)
                    .variable("first", 1)
                    .execute();
            log.path("auditLog[0].actor").entity(String.class).isEqualTo("editor-1");
            log.path("auditLog[0].entityType").entity(String.class).isEqualTo("CONTENT");
            log.path("auditLog[0].before.status").entity(String.class).isEqualTo("PUBLISHED");
            log.path("auditLog[0].after.status").entity(String.class).isEqualTo("ARCHIVED");
        } finally {
            db.sql("update content_entries set status = 'ARCHIVED', published_version = null where id = :id")
                    .bind("id", id)
                    .then()
                    .block();
        }
    }

    @Test
    void demoHero_experimentStillDecides_whenNoEditorContentOutranksIt() {
        testers.anonymous()
                .documentName("page")
                .variable("slug", "home")
                .variable("context", Map.of("anonymousId", "visitor-" + UUID.randomUUID()))
                .execute()
                .path("page.slots[0].experiment.experimentId")
                .entity(String.class)
                .isEqualTo("hero-test");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("bad id", in -> in.put("id", "Bad Id"), "input.id"),
                bad("unknown page", in -> in.put("pageSlug", "nowhere"), "input.pageSlug"),
                bad("unknown slot", in -> in.put("slot", "sidebar"), "input.slot"),
                bad("blank name", in -> in.put("name", " "), "input.name"),
                bad("no variants", in -> in.put("variants", List.of()), "input.variants"),
                bad(
                        "duplicate keys",
                        in -> in.put("variants", List.of(variant("a", null), variant("a", null))),
                        "input.variants[1].key"),
                bad(
                        "missing headline",
                        in -> in.put("variants", List.of(variant("a", Map.of("ctaLabel", "x")))),
                        "input.variants[0].fields.headline"),
                bad(
                        "unknown field",
                        in -> in.put("variants", List.of(variant("a", Map.of("headline", "x", "colour", "red")))),
                        "input.variants[0].fields.colour"),
                bad("shared fields not an object", in -> in.put("fields", List.of(1)), "input.fields"),
                bad("bad shared url", in -> in.put("fields", Map.of("imageUrl", "ftp://x")), "input.fields.imageUrl"),
                bad(
                        "unknown segment",
                        in -> in.put("variants", List.of(with(variant("a", null), "audience", List.of("no-such")))),
                        "input.variants[0].audience[0]"),
                bad(
                        "archived segment",
                        in -> in.put(
                                "variants", List.of(with(variant("a", null), "audience", List.of("t-archived-seg")))),
                        "input.variants[0].audience[0]"),
                bad(
                        "unknown experiment",
                        in -> in.put("variants", List.of(arm(variant("a", null), "no-such", "A"))),
                        "input.variants[0].experimentId"),
                bad(
                        "experiment on another slot",
                        in -> {
                            in.put("slot", "announcement");
                            in.put("type", "BANNER");
                            in.put("fields", Map.of());
                            in.put("variants", List.of(arm(variant("a", Map.of("text", "x")), "hero-test", "A")));
                        },
                        "input.variants[0].experimentId"),
                bad(
                        "unknown arm",
                        in -> in.put("variants", List.of(arm(variant("a", null), "hero-test", "C"))),
                        "input.variants[0].experimentArm"),
                bad(
                        "experiment without arm",
                        in -> in.put("variants", List.of(with(variant("a", null), "experimentId", "hero-test"))),
                        "input.variants[0].experimentArm"),
                bad(
                        "schedule ends before it starts",
                        in -> {
                            in.put("startsAt", "2030-01-02T00:00:00Z");
                            in.put("endsAt", "2030-01-01T00:00:00Z");
                        },
                        "input.endsAt"),
                bad(
                        "bad locale",
                        in -> in.put("variants", List.of(with(variant("a", null), "locale", "english"))),
                        "input.variants[0].locale"),
                bad(
                        "priority out of range",
                        in -> in.put("variants", List.of(with(variant("a", null), "priority", 5000))),
                        "input.variants[0].priority"),
                bad("fields over 64 KiB", in -> in.put("variants", oversized()), "input.fields"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void create_badInput_isBadUserInputAtItsPath_andWritesNothing(
            String name, java.util.function.Consumer<Map<String, Object>> change, String path) {
        db.sql("""
                        insert into segments (id, name, rule, status) values
                        ('t-archived-seg', 'Archived test segment', '{"newCustomer": {"joinedWithinDays": 1}}', 'ARCHIVED')
                        on conflict do nothing""").then().block();
        String id = newId();
        Map<String, Object> input = heroInput(id, "never");
        change.accept(input);
        String usedId = (String) input.get("id");
        create(testers.editor(), input)
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(error.getExtensions()).containsEntry("field", path);
                }));
        assertThat(rows("select count(*) from content_entries where id = :id", usedId))
                .isZero();
        assertThat(rows("select count(*) from content_versions where entry_id = :id", usedId))
                .isZero();
        assertThat(rows("select count(*) from audit_log where entity_id = :id", usedId))
                .isZero();
    }

    @Test
    void create_duplicateId_isConflict_andUpdateOfUnknownIsNotFound() {
        String id = newId();
        Map<String, Object> input = heroInput(id, "dup");
        input.put("pageSlug", "product");
        input.put("slot", "promo");
        input.put("type", "BANNER");
        input.put("fields", Map.of());
        input.put("variants", List.of(variant("a", Map.of("text", "x"))));
        create(testers.editor(), input)
                .path("createContentEntry.id")
                .entity(String.class)
                .isEqualTo(id);
        create(testers.editor(), input).errors().satisfy(Errors.single("CONFLICT", "already exists"));
        assertThat(rows("select count(*) from audit_log where entity_id = :id", id))
                .isEqualTo(1);

        Map<String, Object> badUpdate = new HashMap<>(Map.of("id", id, "variants", List.of(variant("a", Map.of()))));
        testers.editor()
                .documentName("updateContentDraft")
                .variable("input", badUpdate)
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "input.variants[0].fields.text"));
        assertThat(rows("select count(*) from audit_log where entity_id = :id", id))
                .isEqualTo(1);

        lifecycle("publishContentEntry", "t-no-such-entry").errors().satisfy(Errors.single("NOT_FOUND"));
        lifecycle("archiveContentEntry", id)
                .path("archiveContentEntry.status")
                .entity(String.class)
                .isEqualTo("ARCHIVED");
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of("anonymous", null, "UNAUTHENTICATED"),
                Arguments.of("customer", Role.CUSTOMER, "FORBIDDEN"),
                Arguments.of("point of sale", Role.POS, "FORBIDDEN"),
                Arguments.of("sre", Role.SRE, "FORBIDDEN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void everyField_needsRoleEditor(String name, Role role, String code) {
        HttpGraphQlTester tester = role == null ? testers.anonymous() : testers.as("someone", role);
        String id = newId();
        create(tester, heroInput(id, "x")).errors().satisfy(Errors.single(code));
        tester.documentName("contentEntries").execute().errors().satisfy(Errors.single(code));
        tester.documentName("contentEntry")
                .variable("id", "home-hero")
                .execute()
                .errors()
                .satisfy(Errors.single(code));
        tester.documentName("pageLayouts").execute().errors().satisfy(Errors.single(code));
        tester.documentName("auditLog").execute().errors().satisfy(Errors.single(code));
        tester.documentName("contentLifecycle")
                .operationName("publishContentEntry")
                .variable("id", "home-hero")
                .execute()
                .errors()
                .satisfy(Errors.single(code));
        tester.documentName("contentLifecycle")
                .operationName("archiveContentEntry")
                .variable("id", "home-hero")
                .execute()
                .errors()
                .satisfy(Errors.single(code));
        assertThat(rows("select count(*) from content_entries where id = :id", id))
                .isZero();
        assertThat(rows("select count(*) from content_entries where id = :id and status = 'PUBLISHED'", "home-hero"))
                .isEqualTo(1);
    }

    @Test
    void pageLayouts_andContentEntries_listPagesSlotsAndEntries() {
        GraphQlTester.Response layouts =
                testers.editor().documentName("pageLayouts").execute();
        layouts.path("pageLayouts[?(@.slug == 'home')].slots[*].name")
                .entityList(String.class)
                .containsExactly("hero", "announcement", "featured", "editorial", "service");
        layouts.path("pageLayouts[?(@.slug == 'home')].slots[0].entries[*].id")
                .entityList(String.class)
                .contains("home-hero");
        layouts.path("pageLayouts[?(@.slug == 'home')].slots[0].description")
                .entityList(String.class)
                .containsExactly("The large visual at the top");
        testers.editor()
                .documentName("contentEntries")
                .variable("pageSlug", "offers")
                .variable("status", "PUBLISHED")
                .execute()
                .path("contentEntries[*].id")
                .entityList(String.class)
                .contains("offer-birthday", "offer-everyone")
                .path("contentEntries[*].published.version")
                .entityList(Integer.class)
                .satisfies(versions -> assertThat(versions).isNotEmpty().containsOnly(1));
        testers.editor()
                .documentName("contentEntries")
                .variable("first", 0)
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT"));
    }

    private static List<Map<String, Object>> oversized() {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            variants.add(variant("v" + i, Map.of("headline", "x", "subheadline", "s".repeat(1_900))));
        }
        return variants;
    }

    private static Map<String, Object> variant(String key, Map<String, Object> fields) {
        Map<String, Object> variant = new HashMap<>();
        variant.put("key", key);
        variant.put("fields", fields == null ? Map.of("headline", "x") : fields);
        return variant;
    }

    private static Map<String, Object> with(Map<String, Object> variant, String name, Object value) {
        variant.put(name, value);
        return variant;
    }

    private static Map<String, Object> arm(Map<String, Object> variant, String experiment, String arm) {
        variant.put("experimentId", experiment);
        variant.put("experimentArm", arm);
        return variant;
    }

    private static Arguments bad(String name, java.util.function.Consumer<Map<String, Object>> change, String path) {
        return Arguments.of(name, change, path);
    }
}
