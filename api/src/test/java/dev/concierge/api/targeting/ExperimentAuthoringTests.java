package dev.concierge.api.targeting;

import static dev.concierge.api.targeting.SegmentAuthoringTests.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.concierge.api.security.Role;
import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.Testers;
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
class ExperimentAuthoringTests {

    static final List<Map<String, Object>> ARMS_A_B =
            List.of(Map.of("key", "A", "weight", 50), Map.of("key", "B", "weight", 50, "description", "Bold"));

    @Autowired
    Testers testers;

    @Autowired
    DatabaseClient db;

    @Test
    void createStartStop_changesWhatThePageAssigns_andAuditsEachStep() {
        String page = fresh("xp");
        String id = fresh("exp");
        slot(page, "hero");
        GraphQlTester.Response created = create(input(id, page, "hero", 0.25, ARMS_A_B));
        created.path("createExperiment.status").entity(String.class).isEqualTo("DRAFT");
        created.path("createExperiment.holdoutShare").entity(Double.class).isEqualTo(0.25);
        created.path("createExperiment.arms[*].key").entityList(String.class).containsExactly("A", "B");
        created.path("createExperiment.arms[1].description")
                .entity(String.class)
                .isEqualTo("Bold");
        created.path("createExperiment.startedAt").valueIsNull();
        publishArms(page, "hero", id);

        String visitor = "visitor-" + UUID.randomUUID();
        pageFor(page, visitor).path("page.slots[0].experiment").valueIsNull();

        GraphQlTester.Response started = mutate("startExperiment", id);
        started.path("startExperiment.status").entity(String.class).isEqualTo("RUNNING");
        started.path("startExperiment.startedAt")
                .entity(String.class)
                .satisfies(at -> assertThat(at).isNotBlank());
        pageFor(page, visitor)
                .path("page.slots[0].experiment.experimentId")
                .entity(String.class)
                .isEqualTo(id);
        testers.editor()
                .documentName("experimentDefinitions")
                .variable("pageSlug", page)
                .execute()
                .path("experimentDefinitions[*].status")
                .entityList(String.class)
                .containsExactly("RUNNING");

        GraphQlTester.Response stopped = mutate("stopExperiment", id);
        stopped.path("stopExperiment.status").entity(String.class).isEqualTo("STOPPED");
        stopped.path("stopExperiment.stoppedAt")
                .entity(String.class)
                .satisfies(at -> assertThat(at).isNotBlank());
        pageFor(page, visitor).path("page.slots[0].experiment").valueIsNull();
        pageFor(page, visitor)
                .path("page.slots[0].variant")
                .entity(String.class)
                .isEqualTo("default");

        assertThat(auditActions(id)).containsExactly("experiment.create", "experiment.start", "experiment.stop");
        // results stay readable after the stop
        testers.editor()
                .documentName("experimentResults")
                .variable("id", id)
                .execute()
                .path("experimentDefinition.results.control")
                .entity(String.class)
                .isEqualTo("holdout");
    }

    @Test
    void illegalTransitions_areConflicts_andChangeNothing() {
        String page = fresh("xp");
        String id = fresh("exp");
        slot(page, "hero");
        create(input(id, page, "hero", 0.0, ARMS_A_B));
        mutate("stopExperiment", id).errors().satisfy(Errors.single("CONFLICT", "only a RUNNING experiment can stop"));
        assertThat(status(id)).isEqualTo("DRAFT");
        mutate("startExperiment", id);
        mutate("startExperiment", id).errors().satisfy(Errors.single("CONFLICT", "only a DRAFT experiment can start"));
        mutate("stopExperiment", id);
        mutate("startExperiment", id).errors().satisfy(Errors.single("CONFLICT", "is STOPPED"));
        mutate("stopExperiment", id).errors().satisfy(Errors.single("CONFLICT", "is STOPPED"));
        assertThat(status(id)).isEqualTo("STOPPED");
        mutate("startExperiment", "hero-test").errors().satisfy(Errors.single("CONFLICT", "is RUNNING"));
        mutate("stopExperiment", fresh("none")).errors().satisfy(Errors.single("NOT_FOUND"));
        assertThat(auditActions(id)).containsExactly("experiment.create", "experiment.start", "experiment.stop");
    }

    @Test
    void startExperiment_onASlotWithARunningExperiment_isAConflict() {
        String id = fresh("exp");
        create(input(id, "home", "hero", 0.0, ARMS_A_B));
        mutate("startExperiment", id)
                .errors()
                .satisfy(Errors.single("CONFLICT", "'hero-test' is already running on home/hero"));
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(status("hero-test")).isEqualTo("RUNNING");
        assertThat(auditActions(id)).containsExactly("experiment.create");
    }

    @Test
    void startExperiment_racingTheUniqueIndex_isAConflictNotAnError() {
        String page = fresh("xp");
        slot(page, "hero");
        String running = fresh("exp");
        String draft = fresh("exp");
        create(input(running, page, "hero", 0.0, ARMS_A_B));
        create(input(draft, page, "hero", 0.0, ARMS_A_B));
        mutate("startExperiment", running);
        // what a concurrent start would meet: the index, behind the check in code
        assertThat(db.sql("update experiments set status = 'RUNNING', started_at = now() where id = :id")
                        .bind("id", draft)
                        .then()
                        .onErrorResume(e -> reactor.core.publisher.Mono.empty())
                        .thenReturn(status(draft))
                        .block())
                .isEqualTo("DRAFT");
        mutate("startExperiment", draft).errors().satisfy(Errors.single("CONFLICT", running));
    }

    static Stream<Arguments> badExperiments() {
        return Stream.of(
                Arguments.of(
                        "an unknown page",
                        input("x", "no-such-page", "hero", 0.0, ARMS_A_B),
                        "BAD_USER_INPUT",
                        "input.pageSlug"),
                Arguments.of(
                        "an unknown slot",
                        input("x", "home", "sidebar", 0.0, ARMS_A_B),
                        "BAD_USER_INPUT",
                        "input.slot"),
                Arguments.of(
                        "weights adding up to 90",
                        input(
                                "x",
                                "home",
                                "featured",
                                0.0,
                                List.of(Map.of("key", "A", "weight", 50), Map.of("key", "B", "weight", 40))),
                        "BAD_USER_INPUT",
                        "input.arms: the arms' weights are percentages and must add up to 100, got 90"),
                Arguments.of(
                        "a zero weight",
                        input(
                                "x",
                                "home",
                                "featured",
                                0.0,
                                List.of(Map.of("key", "A", "weight", 100), Map.of("key", "B", "weight", 0))),
                        "BAD_USER_INPUT",
                        "input.arms[1].weight"),
                Arguments.of(
                        "one arm",
                        input("x", "home", "featured", 0.0, List.of(Map.of("key", "A", "weight", 100))),
                        "BAD_USER_INPUT",
                        "input.arms: an experiment needs at least two arms"),
                Arguments.of(
                        "duplicate arm keys",
                        input(
                                "x",
                                "home",
                                "featured",
                                0.0,
                                List.of(Map.of("key", "A", "weight", 50), Map.of("key", "A", "weight", 50))),
                        "BAD_USER_INPUT",
                        "input.arms[1].key"),
                Arguments.of(
                        "a bad arm key",
                        input(
                                "x",
                                "home",
                                "featured",
                                0.0,
                                List.of(Map.of("key", "A B", "weight", 50), Map.of("key", "C", "weight", 50))),
                        "BAD_USER_INPUT",
                        "input.arms[0].key"),
                Arguments.of(
                        "a holdout of 1",
                        input("x", "home", "featured", 1.0, ARMS_A_B),
                        "BAD_USER_INPUT",
                        "input.holdoutShare"),
                Arguments.of(
                        "a negative holdout",
                        input("x", "home", "featured", -0.1, ARMS_A_B),
                        "BAD_USER_INPUT",
                        "input.holdoutShare"),
                Arguments.of(
                        "a bad id",
                        input("Not An Id", "home", "featured", 0.0, ARMS_A_B),
                        "BAD_USER_INPUT",
                        "input.id"),
                Arguments.of(
                        "a duplicate id",
                        input("hero-test", "home", "featured", 0.0, ARMS_A_B),
                        "CONFLICT",
                        "hero-test"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badExperiments")
    void createExperiment_badInput_isRefusedWithItsCode_andWritesNothing(
            String name, Map<String, Object> input, String code, String text) {
        Map<String, Object> actual = new java.util.HashMap<>(input);
        if ("x".equals(actual.get("id"))) {
            actual.put("id", fresh("bad"));
        }
        long experiments = count("select count(*) from experiments");
        long arms = count("select count(*) from experiment_arms");
        long audits = count("select count(*) from audit_log where entity_type = 'EXPERIMENT'");
        create(actual).errors().satisfy(Errors.single(code, text));
        assertThat(count("select count(*) from experiments")).isEqualTo(experiments);
        assertThat(count("select count(*) from experiment_arms")).isEqualTo(arms);
        assertThat(count("select count(*) from audit_log where entity_type = 'EXPERIMENT'"))
                .isEqualTo(audits);
    }

    /**
     * Holdout: 100 exposed, 10 converted; A: 100 exposed, 15 converted; B: 200 exposed, 20
     * converted. One B subject converts twice (counted once), one A subject converted only before
     * being exposed (not counted). By hand: A's rate 0.15 against the holdout's 0.10 is a lift of
     * 0.5; Katz: se = sqrt(0.85/15 + 0.90/10) = 0.382971, ln 1.5 = 0.405465, so the bounds are
     * exp(0.405465 ∓ 1.959964 * 0.382971) - 1 = -0.2919 and 2.1774; B's 0.10 is a lift of 0 with bounds around it.
     */
    @Test
    void results_countDistinctSubjectsPerArm_withLiftAgainstTheHoldout() {
        String page = fresh("xp");
        String id = fresh("exp");
        slot(page, "hero");
        create(input(id, page, "hero", 0.1, ARMS_A_B));
        expose(id, null, "h", 100, 10);
        expose(id, "A", "a", 100, 15);
        expose(id, "B", "b", 200, 20);
        convert(id, "b-1", "again", Duration.ZERO);
        convert(id, "a-99", "early", Duration.ofDays(2));

        GraphQlTester.Response response = results(id);
        response.path("experimentDefinition.results.control")
                .entity(String.class)
                .isEqualTo("holdout");
        response.path("experimentDefinition.results.method")
                .entity(String.class)
                .satisfies(method -> assertThat(method).contains("Katz"));
        response.path("experimentDefinition.results.arms[*].arm")
                .entityList(String.class)
                .containsExactly("A", "B", null);
        response.path("experimentDefinition.results.arms[*].exposures")
                .entityList(Integer.class)
                .containsExactly(100, 200, 100);
        response.path("experimentDefinition.results.arms[*].conversions")
                .entityList(Integer.class)
                .containsExactly(15, 20, 10);
        response.path("experimentDefinition.results.arms[*].isControl")
                .entityList(Boolean.class)
                .containsExactly(false, false, true);
        response.path("experimentDefinition.results.arms[0].conversionRate")
                .entity(Double.class)
                .isEqualTo(0.15);
        response.path("experimentDefinition.results.arms[0].lift")
                .entity(Double.class)
                .satisfies(lift -> assertThat(lift).isCloseTo(0.5, within(1e-9)));
        response.path("experimentDefinition.results.arms[0].liftInterval.low")
                .entity(Double.class)
                .satisfies(low -> assertThat(low).isCloseTo(-0.2919, within(1e-4)));
        response.path("experimentDefinition.results.arms[0].liftInterval.high")
                .entity(Double.class)
                .satisfies(high -> assertThat(high).isCloseTo(2.1774, within(1e-4)));
        response.path("experimentDefinition.results.arms[0].liftInterval.level")
                .entity(Double.class)
                .isEqualTo(0.95);
        response.path("experimentDefinition.results.arms[1].lift")
                .entity(Double.class)
                .satisfies(lift -> assertThat(lift).isCloseTo(0, within(1e-9)));
        response.path("experimentDefinition.results.arms[1].liftInterval.low")
                .entity(Double.class)
                .satisfies(low -> assertThat(low).isNegative());
        response.path("experimentDefinition.results.arms[1].liftInterval.high")
                .entity(Double.class)
                .satisfies(high -> assertThat(high).isPositive());
        response.path("experimentDefinition.results.arms[2].lift").valueIsNull();
    }

    @Test
    void results_withoutHoldout_compareWithTheFirstArm_andAreNullWithoutControlConversions() {
        String page = fresh("xp");
        String id = fresh("exp");
        slot(page, "hero");
        create(input(id, page, "hero", 0.0, ARMS_A_B));
        expose(id, "A", "a", 50, 0);
        expose(id, "B", "b", 50, 5);
        GraphQlTester.Response response = results(id);
        response.path("experimentDefinition.results.control")
                .entity(String.class)
                .isEqualTo("A");
        response.path("experimentDefinition.results.arms[*].arm")
                .entityList(String.class)
                .containsExactly("A", "B");
        response.path("experimentDefinition.results.arms[0].isControl")
                .entity(Boolean.class)
                .isEqualTo(true);
        response.path("experimentDefinition.results.arms[1].lift").valueIsNull();
        response.path("experimentDefinition.results.arms[1].liftInterval").valueIsNull();
    }

    /**
     * The demo experiment may already have exposures from other tests (pages flush them in the
     * background within a fraction of a second): the new rows add exactly their counts, and the
     * results equal an independent count by a join.
     */
    @Test
    void results_ofTheDemoExperiment_addTheInsertedExposuresAndConversions() {
        Map<String, long[]> before = independentCounts("hero-test");
        String prefix = "r" + UUID.randomUUID().toString().substring(0, 6);
        expose("hero-test", "A", prefix + "a", 30, 6);
        expose("hero-test", "B", prefix + "b", 20, 1);
        expose("hero-test", null, prefix + "h", 10, 2);
        Map<String, long[]> after = independentCounts("hero-test");
        assertThat(after.get("A")[0] - before.getOrDefault("A", new long[2])[0]).isEqualTo(30);
        assertThat(after.get("A")[1] - before.getOrDefault("A", new long[2])[1]).isEqualTo(6);

        GraphQlTester.Response response = results("hero-test");
        response.path("experimentDefinition.results.arms[*].arm")
                .entityList(String.class)
                .containsExactly("A", "B", null);
        String[] keys = {"A", "B", "holdout"};
        for (int i = 0; i < 3; i++) {
            long[] expected = after.get(keys[i]);
            response.path("experimentDefinition.results.arms[" + i + "].exposures")
                    .entity(Long.class)
                    .isEqualTo(expected[0]);
            response.path("experimentDefinition.results.arms[" + i + "].conversions")
                    .entity(Long.class)
                    .isEqualTo(expected[1]);
        }
        double rateA = (double) after.get("A")[1] / after.get("A")[0];
        double rateHoldout = (double) after.get("holdout")[1] / after.get("holdout")[0];
        response.path("experimentDefinition.results.arms[0].lift")
                .entity(Double.class)
                .satisfies(lift -> assertThat(lift).isCloseTo(rateA / rateHoldout - 1, within(1e-9)));
    }

    static Stream<Arguments> notEditors() {
        return Stream.of(
                Arguments.of("a customer", Role.CUSTOMER, "FORBIDDEN"),
                Arguments.of("an SRE", Role.SRE, "FORBIDDEN"),
                Arguments.of("nobody", null, "UNAUTHENTICATED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notEditors")
    void experimentFields_needTheEditorRole(String name, Role role, String code) {
        GraphQlTester tester = role == null ? testers.anonymous() : testers.as("someone", role);
        tester.documentName("experimentDefinitions").execute().errors().satisfy(Errors.single(code));
        tester.documentName("experimentResults")
                .variable("id", "hero-test")
                .execute()
                .errors()
                .satisfy(Errors.single(code));
        tester.documentName("stopExperiment")
                .variable("id", "hero-test")
                .execute()
                .errors()
                .satisfy(Errors.single(code));
        String id = fresh("role");
        tester.documentName("createExperiment")
                .variable("input", input(id, "home", "featured", 0.0, ARMS_A_B))
                .execute()
                .errors()
                .satisfy(Errors.single(code));
        assertThat(status("hero-test")).isEqualTo("RUNNING");
        assertThat(count("select count(*) from experiments where id = '" + id + "'"))
                .isZero();
    }

    static Map<String, Object> input(
            String id, String page, String slot, double holdout, List<Map<String, Object>> arms) {
        return Map.of(
                "id", id, "name", "Test " + id, "pageSlug", page, "slot", slot, "holdoutShare", holdout, "arms", arms);
    }

    private GraphQlTester.Response create(Map<String, Object> input) {
        return testers.editor()
                .documentName("createExperiment")
                .variable("input", input)
                .execute();
    }

    private GraphQlTester.Response mutate(String document, String id) {
        return testers.editor().documentName(document).variable("id", id).execute();
    }

    private GraphQlTester.Response results(String id) {
        return testers.editor()
                .documentName("experimentResults")
                .variable("id", id)
                .execute();
    }

    private GraphQlTester.Response pageFor(String page, String visitor) {
        return testers.anonymous()
                .documentName("page")
                .variable("slug", page)
                .variable("context", Map.of("anonymousId", visitor))
                .execute();
    }

    private void slot(String page, String slot) {
        db.sql("insert into page_slots (page_slug, slot, position) values (:page, :slot, 0)")
                .bind("page", page)
                .bind("slot", slot)
                .then()
                .block();
    }

    /** A published banner on the slot: a default, and a variant per arm of the experiment. */
    private void publishArms(String page, String slot, String experiment) {
        String entry = fresh("entry");
        db.sql(
                        "insert into content_entries (id, page_slug, slot, type, name) values (:id, :page, :slot, 'BANNER', 'T')")
                .bind("id", entry)
                .bind("page", page)
                .bind("slot", slot)
                .then()
                .block();
        db.sql("insert into content_versions (entry_id, version, fields) values (:id, 1, '{\"text\": \"Hi\"}')")
                .bind("id", entry)
                .then()
                .block();
        db.sql("""
                        insert into content_variants
                            (entry_id, version, key, priority, experiment_id, experiment_arm, fields)
                        values (:id, 1, 'default', 0, null, null, '{}'),
                               (:id, 1, 'arm-a', 10, :experiment, 'A', '{"text": "A"}'),
                               (:id, 1, 'arm-b', 10, :experiment, 'B', '{"text": "B"}')""").bind("id", entry).bind("experiment", experiment).then().block();
        db.sql("update content_versions set published_at = now() where entry_id = :id")
                .bind("id", entry)
                .then()
                .block();
        db.sql("update content_entries set status = 'PUBLISHED', published_version = 1 where id = :id")
                .bind("id", entry)
                .then()
                .block();
    }

    /** {@code count} anonymous subjects exposed an hour ago, the first {@code converted} converting now. */
    private void expose(String experiment, String arm, String prefix, int count, int converted) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        insert into experiment_exposures (experiment_id, subject_type, subject_id, arm_key, first_exposed_at)
                        select :experiment, 'ANONYMOUS', :prefix || '-' || g, :arm, now() - interval '1 hour'
                        from generate_series(1, :count) g""")
                .bind("experiment", experiment)
                .bind("prefix", prefix)
                .bind("count", count);
        (arm == null ? insert.bindNull("arm", String.class) : insert.bind("arm", arm))
                .then()
                .block();
        for (int i = 1; i <= converted; i++) {
            convert(experiment, prefix + "-" + i, "click", Duration.ZERO);
        }
    }

    private void convert(String experiment, String subject, String key, Duration ago) {
        db.sql("""
                        insert into experiment_conversions
                            (experiment_id, subject_type, subject_id, kind, conversion_key, occurred_at)
                        values (:experiment, 'ANONYMOUS', :subject, 'CLICK', :key, now() - :ago * interval '1 second')""")
                .bind("experiment", experiment)
                .bind("subject", subject)
                .bind("key", subject + "-" + key + "-" + UUID.randomUUID())
                .bind("ago", ago.toSeconds())
                .then()
                .block();
    }

    /** Exposures and conversions per arm ({@code holdout} for the holdout), by a join instead of the resolver's exists. */
    private Map<String, long[]> independentCounts(String experiment) {
        Map<String, long[]> counts = new java.util.HashMap<>();
        db.sql("""
                        select coalesce(e.arm_key, 'holdout') as arm, count(distinct e.subject_id) as exposed,
                               count(distinct c.subject_id) as converted
                        from experiment_exposures e
                        left join experiment_conversions c
                          on c.experiment_id = e.experiment_id and c.subject_type = e.subject_type
                         and c.subject_id = e.subject_id and c.occurred_at >= e.first_exposed_at
                        where e.experiment_id = :id and e.subject_type = 'ANONYMOUS'
                        group by 1
                        union all
                        select coalesce(e.arm_key, 'holdout') || '#customers', count(distinct e.subject_id),
                               count(distinct c.subject_id)
                        from experiment_exposures e
                        left join experiment_conversions c
                          on c.experiment_id = e.experiment_id and c.subject_type = e.subject_type
                         and c.subject_id = e.subject_id and c.occurred_at >= e.first_exposed_at
                        where e.experiment_id = :id and e.subject_type = 'CUSTOMER'
                        group by 1""")
                .bind("id", experiment)
                .map(row -> Map.entry(
                        row.get("arm", String.class),
                        new long[] {row.get("exposed", Long.class), row.get("converted", Long.class)}))
                .all()
                .doOnNext(entry -> {
                    String arm = entry.getKey().replace("#customers", "");
                    long[] sum = counts.computeIfAbsent(arm, k -> new long[2]);
                    sum[0] += entry.getValue()[0];
                    sum[1] += entry.getValue()[1];
                })
                .blockLast();
        return counts;
    }

    private String status(String id) {
        return db.sql("select status from experiments where id = :id")
                .bind("id", id)
                .map(row -> row.get("status", String.class))
                .one()
                .block();
    }

    private List<String> auditActions(String id) {
        return db.sql("select action from audit_log where entity_type = 'EXPERIMENT' and entity_id = :id order by id")
                .bind("id", id)
                .map(row -> row.get("action", String.class))
                .all()
                .collectList()
                .block();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
