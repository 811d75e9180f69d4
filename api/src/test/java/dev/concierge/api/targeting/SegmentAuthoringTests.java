package dev.concierge.api.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.page.SnapshotRepository;
import dev.concierge.api.security.Role;
import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.segment.AudienceCount;
import dev.concierge.personalization.segment.SegmentRules;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.r2dbc.core.DatabaseClient;

@ConciergeTest
class SegmentAuthoringTests {

    static final Map<String, Object> GOLD = Map.of("loyaltyTier", Map.of("atLeast", "GOLD"));

    /** Independent of the rule engine: the tier column and the latest PERSONALIZATION ledger row. */
    static final String CONSENTING_GOLD = """
            select count(*) from customers c
            where c.loyalty_tier in ('GOLD', 'PLATINUM')
              and coalesce((select l.granted from consent_ledger l
                            where l.customer_id = c.id and l.purpose = 'PERSONALIZATION'
                            order by l.recorded_at desc, l.id desc limit 1), false)""";

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Autowired
    DatabaseClient db;

    @Autowired
    SnapshotRepository snapshots;

    @Autowired
    Clock clock;

    @Test
    void createSegment_isListedAudited_andItsAudienceMatchesAnIndependentCount() {
        String id = fresh("gold");
        GraphQlTester.Response created = testers.editor()
                .documentName("createSegment")
                .variable("input", Map.of("id", id, "name", "Gold " + id, "description", "  Tiers  ", "rule", GOLD))
                .execute();
        created.path("createSegment.status").entity(String.class).isEqualTo("ACTIVE");
        created.path("createSegment.description").entity(String.class).isEqualTo("Tiers");
        created.path("createSegment.createdBy").entity(String.class).isEqualTo("editor-1");
        created.path("createSegment.rule").entity(Map.class).isEqualTo(GOLD);
        long total = count("select count(*) from customers");
        created.path("createSegment.audience.totalCustomers").entity(Long.class).isEqualTo(total);
        created.path("createSegment.audience.exact").entity(Boolean.class).isEqualTo(true);
        created.path("createSegment.audience.customers").entity(Long.class).isEqualTo(count(CONSENTING_GOLD));
        created.path("createSegment.audience.matchingWithoutConsent")
                .entity(Long.class)
                .isEqualTo(count("select count(*) from customers where loyalty_tier in ('GOLD', 'PLATINUM')"));
        created.path("createSegment.audience.low").entity(Long.class).isEqualTo(count(CONSENTING_GOLD));
        created.path("createSegment.audience.note")
                .entity(String.class)
                .satisfies(note -> assertThat(note).contains("WEB").contains("no location"));
        assertThat(count(CONSENTING_GOLD)).isPositive();

        testers.editor()
                .documentName("segmentDefinitions")
                .variable("status", "ACTIVE")
                .execute()
                .path("segmentDefinitions[*].id")
                .entityList(String.class)
                .contains(id, "gold-members");
        testers.editor()
                .documentName("segmentDefinition")
                .variable("id", id)
                .execute()
                .path("segmentDefinition.audience.customers")
                .entity(Long.class)
                .isEqualTo(count(CONSENTING_GOLD));
        assertThat(auditActions("SEGMENT", id)).containsExactly("segment.create");
    }

    @Test
    void createSegment_targetedByPublishedContent_changesThePageAtOnce_andCannotBeArchived() {
        String segment = fresh("vip");
        String page = fresh("tp");
        String entry = fresh("entry");
        db.sql("insert into page_slots (page_slug, slot, position) values (:page, 'main', 0)")
                .bind("page", page)
                .then()
                .block();
        publish(entry, page, segment);
        String customer = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        db.sql("update customers set loyalty_tier = 'PLATINUM' where id = :id")
                .bind("id", customer)
                .then()
                .block();
        variant(customer, page).isEqualTo("default");

        testers.editor()
                .documentName("createSegment")
                .variable("input", Map.of("id", segment, "name", "VIP " + segment, "rule", GOLD))
                .execute()
                .path("createSegment.id")
                .entity(String.class)
                .isEqualTo(segment);
        variant(customer, page).isEqualTo("vip");

        testers.editor()
                .documentName("archiveSegment")
                .variable("id", segment)
                .execute()
                .errors()
                .satisfy(Errors.single("CONFLICT", entry));
        assertThat(status(segment)).isEqualTo("ACTIVE");
        assertThat(auditActions("SEGMENT", segment)).containsExactly("segment.create");
    }

    @Test
    void updateAndArchive_changeTheSegment_auditBeforeAndAfter_andArchivedMatchesNobody() {
        String id = fresh("upd");
        create(id, "Upd " + id, GOLD);
        Map<String, Object> silver = Map.of("loyaltyTier", Map.of("in", List.of("SILVER")));
        GraphQlTester.Response updated = testers.editor()
                .documentName("updateSegment")
                .variable("input", Map.of("id", id, "rule", silver))
                .execute();
        updated.path("updateSegment.rule").entity(Map.class).isEqualTo(silver);
        updated.path("updateSegment.name").entity(String.class).isEqualTo("Upd " + id);

        GraphQlTester.Response archived = testers.editor()
                .documentName("archiveSegment")
                .variable("id", id)
                .execute();
        archived.path("archiveSegment.status").entity(String.class).isEqualTo("ARCHIVED");
        archived.path("archiveSegment.audience.customers").entity(Integer.class).isEqualTo(0);
        archived.path("archiveSegment.audience.note")
                .entity(String.class)
                .satisfies(note -> assertThat(note).contains("Archived"));
        testers.editor()
                .documentName("updateSegment")
                .variable("input", Map.of("id", id, "name", "Again"))
                .execute()
                .errors()
                .satisfy(Errors.single("CONFLICT", "archived"));
        testers.editor()
                .documentName("segmentDefinitions")
                .variable("status", "ACTIVE")
                .execute()
                .path("segmentDefinitions[*].id")
                .entityList(String.class)
                .doesNotContain(id);

        assertThat(auditActions("SEGMENT", id)).containsExactly("segment.create", "segment.update", "segment.archive");
        Map<String, Object> update = db.sql("select before::text as b, after::text as a from audit_log"
                        + " where entity_type = 'SEGMENT' and entity_id = :id and action = 'segment.update'")
                .bind("id", id)
                .map(row -> Map.<String, Object>of(
                        "before", row.get("b", String.class), "after", row.get("a", String.class)))
                .one()
                .block();
        assertThat((String) update.get("before")).contains("GOLD").doesNotContain("SILVER");
        assertThat((String) update.get("after")).contains("SILVER");
    }

    static Stream<Arguments> badSegments() {
        Map<String, Object> badRule = Map.of(
                "all",
                List.of(
                        GOLD,
                        Map.of("channel", Map.of("in", List.of("WEB"))),
                        Map.of("browsed", Map.of("category", "WATCHES", "withinDays", 0))));
        return Stream.of(
                Arguments.of(
                        "a bad rule, with its path",
                        "x",
                        "X",
                        badRule,
                        "BAD_USER_INPUT",
                        "input.rule.all[2].browsed.withinDays"),
                Arguments.of(
                        "an unknown predicate",
                        "x",
                        "X",
                        Map.of("frobnicate", Map.of()),
                        "BAD_USER_INPUT",
                        "input.rule.frobnicate"),
                Arguments.of("an id with capitals", "Bad-Id", "X", GOLD, "BAD_USER_INPUT", "input.id"),
                Arguments.of("an id too long", "a".repeat(65), "X", GOLD, "BAD_USER_INPUT", "input.id"),
                Arguments.of("a blank name", "x", "  ", GOLD, "BAD_USER_INPUT", "input.name"),
                Arguments.of("a duplicate id", "gold-members", "X", GOLD, "CONFLICT", "gold-members"),
                Arguments.of("a duplicate name", "x", "Gold members", GOLD, "CONFLICT", "Gold members"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSegments")
    void createSegment_badInput_isRefusedWithItsCode_andWritesNothing(
            String name, String id, String segmentName, Object rule, String code, String text) {
        String actualId = id.equals("x") ? fresh("bad") : id;
        String actualName = segmentName.equals("X") ? "Bad " + actualId : segmentName;
        long segments = count("select count(*) from segments");
        long audits = count("select count(*) from audit_log where entity_type = 'SEGMENT'");
        testers.editor()
                .documentName("createSegment")
                .variable("input", Map.of("id", actualId, "name", actualName, "rule", rule))
                .execute()
                .errors()
                .satisfy(Errors.single(code, text));
        assertThat(count("select count(*) from segments")).isEqualTo(segments);
        assertThat(count("select count(*) from audit_log where entity_type = 'SEGMENT'"))
                .isEqualTo(audits);
    }

    @Test
    void updateSegment_badRuleUnknownIdOrTakenName_changeNothing() {
        String id = fresh("keep");
        create(id, "Keep " + id, GOLD);
        testers.editor()
                .documentName("updateSegment")
                .variable("input", Map.of("id", id, "rule", Map.of("any", List.of())))
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "input.rule.any"));
        testers.editor()
                .documentName("updateSegment")
                .variable("input", Map.of("id", id, "name", "Gold members"))
                .execute()
                .errors()
                .satisfy(Errors.single("CONFLICT", "gold-members"));
        testers.editor()
                .documentName("updateSegment")
                .variable("input", Map.of("id", fresh("none"), "name", "Nobody"))
                .execute()
                .errors()
                .satisfy(Errors.single("NOT_FOUND"));
        testers.editor()
                .documentName("segmentDefinition")
                .variable("id", id)
                .execute()
                .path("segmentDefinition.rule")
                .entity(Map.class)
                .isEqualTo(GOLD);
        assertThat(auditActions("SEGMENT", id)).containsExactly("segment.create");
    }

    @Test
    void validateSegmentRule_reportsEveryBrokenPredicateWithItsPath() {
        Map<String, Object> rule = Map.of(
                "any",
                List.of(Map.of("loyaltyTier", Map.of("atLeast", "TIN")), GOLD, Map.of("spend", Map.of("op", "gte"))));
        GraphQlTester.Response response = testers.editor()
                .documentName("validateSegmentRule")
                .variable("rule", rule)
                .execute();
        response.path("validateSegmentRule.valid").entity(Boolean.class).isEqualTo(false);
        response.path("validateSegmentRule.errors[*].path")
                .entityList(String.class)
                .containsExactly("rule.any[0].loyaltyTier.atLeast", "rule.any[2].spend.amount");
        testers.editor()
                .documentName("validateSegmentRule")
                .variable("rule", GOLD)
                .execute()
                .path("validateSegmentRule.valid")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void estimateAudience_invalidRule_isBadInputAtItsPath() {
        testers.editor()
                .documentName("estimateAudience")
                .variable("rule", Map.of("loyaltyTier", Map.of("atLeast", "TIN")))
                .execute()
                .errors()
                .satisfy(errors -> {
                    Errors.single("BAD_USER_INPUT", "rule.loyaltyTier.atLeast").accept(errors);
                    assertThat(errors.get(0).getExtensions()).containsEntry("field", "rule.loyaltyTier.atLeast");
                });
    }

    @Test
    void estimateAudience_requestPredicates_useTheNeutralWebContext() {
        long total = count("select count(*) from customers");
        testers.editor()
                .documentName("estimateAudience")
                .variable("rule", Map.of("channel", Map.of("in", List.of("WEB"))))
                .execute()
                .path("estimateAudience.matchingWithoutConsent")
                .entity(Long.class)
                .isEqualTo(total);
        testers.editor()
                .documentName("estimateAudience")
                .variable("rule", Map.of("device", Map.of("in", List.of("mobile"))))
                .execute()
                .path("estimateAudience.matchingWithoutConsent")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    @Test
    void estimate_overMoreCustomersThanTheSampleSize_scalesASampleUpWithAnInterval() {
        AudienceEstimator estimator =
                new AudienceEstimator(db, snapshots, new AudienceProperties(20, 7, 2, Duration.ofSeconds(30)), clock);
        AudienceCount count = estimator
                .estimate(List.of(SegmentRules.parse(GOLD, "rule")))
                .block()
                .get(0);
        long total = count("select count(*) from customers");
        assertThat(count.exact()).isFalse();
        assertThat(count.sampled()).isEqualTo(20);
        assertThat(count.total()).isEqualTo(total);
        assertThat(count.low()).isLessThanOrEqualTo(count.customers());
        assertThat(count.high()).isGreaterThanOrEqualTo(count.customers()).isLessThanOrEqualTo(total);
        assertThat(AudienceEstimator.note(count)).contains("sample of 20 of " + total);
    }

    @Test
    void estimate_slowerThanTheTimeout_isUnavailable() {
        AudienceEstimator estimator = new AudienceEstimator(
                db, snapshots, new AudienceProperties(20_000, 500, 1, Duration.ofNanos(1)), clock);
        org.assertj.core.api.Assertions.assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> estimator
                        .estimate(List.of(SegmentRules.parse(GOLD, "rule")))
                        .block())
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    static Stream<Arguments> notEditors() {
        return Stream.of(
                Arguments.of("a customer", Role.CUSTOMER, "FORBIDDEN"),
                Arguments.of("a point of sale", Role.POS, "FORBIDDEN"),
                Arguments.of("nobody", null, "UNAUTHENTICATED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notEditors")
    void segmentFields_needTheEditorRole(String name, Role role, String code) {
        GraphQlTester tester = role == null ? testers.anonymous() : testers.as("someone", role);
        tester.documentName("segmentDefinitions").execute().errors().satisfy(Errors.single(code));
        tester.documentName("estimateAudience")
                .variable("rule", GOLD)
                .execute()
                .errors()
                .satisfy(Errors.single(code));
        tester.documentName("validateSegmentRule")
                .variable("rule", GOLD)
                .execute()
                .errors()
                .satisfy(Errors.single(code));
        String id = fresh("role");
        tester.documentName("createSegment")
                .variable("input", Map.of("id", id, "name", "Role " + id, "rule", GOLD))
                .execute()
                .errors()
                .satisfy(Errors.single(code));
        tester.documentName("archiveSegment")
                .variable("id", "gold-members")
                .execute()
                .errors()
                .satisfy(Errors.single(code));
        assertThat(count("select count(*) from segments where id = '" + id + "'"))
                .isZero();
        assertThat(status("gold-members")).isEqualTo("ACTIVE");
    }

    private void create(String id, String name, Object rule) {
        testers.editor()
                .documentName("createSegment")
                .variable("input", Map.of("id", id, "name", name, "rule", rule))
                .execute()
                .path("createSegment.id")
                .entity(String.class)
                .isEqualTo(id);
    }

    /** A published entry on the page's {@code main} slot: a default variant and one for the segment. */
    private void publish(String entry, String page, String segment) {
        db.sql(
                        "insert into content_entries (id, page_slug, slot, type, name) values (:id, :page, 'main', 'BANNER', 'T')")
                .bind("id", entry)
                .bind("page", page)
                .then()
                .block();
        db.sql("insert into content_versions (entry_id, version, fields) values (:id, 1, '{\"text\": \"Hello\"}')")
                .bind("id", entry)
                .then()
                .block();
        db.sql("""
                        insert into content_variants (entry_id, version, key, audience_segment_ids, priority, fields)
                        values (:id, 1, 'default', '{}', 0, '{}'), (:id, 1, 'vip', array[:segment], 10, '{"text": "VIP"}')""").bind("id", entry).bind("segment", segment).then().block();
        db.sql("update content_versions set published_at = now() where entry_id = :id and version = 1")
                .bind("id", entry)
                .then()
                .block();
        db.sql("update content_entries set status = 'PUBLISHED', published_version = 1 where id = :id")
                .bind("id", entry)
                .then()
                .block();
    }

    private GraphQlTester.Entity<String, ?> variant(String customer, String page) {
        return testers.customer(customer)
                .documentName("page")
                .variable("slug", page)
                .variable("context", Map.of())
                .execute()
                .path("page.slots[0].variant")
                .entity(String.class);
    }

    private String status(String id) {
        return db.sql("select status from segments where id = :id")
                .bind("id", id)
                .map(row -> row.get("status", String.class))
                .one()
                .block();
    }

    private List<String> auditActions(String type, String id) {
        return db.sql("select action from audit_log where entity_type = :type and entity_id = :id order by id")
                .bind("type", type)
                .bind("id", id)
                .map(row -> row.get("action", String.class))
                .all()
                .collectList()
                .block();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
