package dev.concierge.personalization.decision;

import static dev.concierge.personalization.decision.Fixtures.NOW;
import static dev.concierge.personalization.decision.Fixtures.PAGE;
import static dev.concierge.personalization.decision.Fixtures.context;
import static dev.concierge.personalization.decision.Fixtures.customer;
import static dev.concierge.personalization.decision.Fixtures.member;
import static dev.concierge.personalization.decision.Fixtures.page;
import static dev.concierge.personalization.decision.Fixtures.slot;
import static dev.concierge.personalization.decision.Fixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.Subject;
import dev.concierge.personalization.decision.Fixtures.RecordingExposureLog;
import dev.concierge.personalization.decision.Fixtures.RequestBuilder;
import dev.concierge.personalization.decision.Fixtures.VariantBuilder;
import dev.concierge.personalization.decision.PageDecision.Mode;
import dev.concierge.personalization.decision.Reason.Code;
import dev.concierge.personalization.experiment.Assignment;
import dev.concierge.personalization.experiment.Bucketing;
import dev.concierge.personalization.experiment.Experiment;
import dev.concierge.personalization.experiment.Experiment.Arm;
import dev.concierge.personalization.experiment.Experiment.Status;
import dev.concierge.personalization.experiment.Exposure;
import dev.concierge.personalization.experiment.ExposureLog;
import dev.concierge.personalization.segment.Membership;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DecidePageTests {

    private static final String GOLD = "seg-gold";
    private static final Map<String, String> NAMES = Map.of(GOLD, "Gold members", "seg-new", "New customers");

    private static final Experiment HERO_TEST = experiment("hero-test", "hero", Status.RUNNING, 0.1);

    private final RecordingExposureLog exposures = new RecordingExposureLog();
    private final DecidePage decidePage = new DecidePage(exposures);

    /** The three modes and the visitor without an anonymous id. */
    enum Caller {
        PERSONALIZED(Mode.PERSONALIZED),
        NO_CONSENT(Mode.NO_CONSENT),
        ANONYMOUS(Mode.SIGNED_OUT),
        NOBODY(Mode.SIGNED_OUT);

        final Mode mode;

        Caller(Mode mode) {
            this.mode = mode;
        }

        RequestBuilder apply(RequestBuilder request) {
            return switch (this) {
                case PERSONALIZED -> request.customer(customer().build());
                case NO_CONSENT -> request.customer(customer().withoutConsent().build());
                case ANONYMOUS -> request.anonymous("visitor-1");
                case NOBODY -> request.nobody();
            };
        }
    }

    // --- priority and tie-breaks -------------------------------------------------------------

    @Test
    void decide_severalEligible_highestPriorityWinsAndSaysBySeveral() {
        SlotDecision hero = decideOne(page(slot(
                "hero",
                variant("low").priority(2),
                variant("high").priority(10),
                variant("mid").priority(5))));

        assertThat(key(hero)).isEqualTo("high");
        assertThat(hero.assignment()).isNull();
        assertThat(hero.reasons())
                .containsExactly(
                        Reason.of(Code.DEFAULT_EVERYONE, "Default: shown to everyone"),
                        Reason.of(Code.PRIORITY, "Priority 10 over 2 other eligible variants"));
    }

    @Test
    void decide_onlyOneEligible_saysNothingAboutPriority() {
        SlotDecision hero = decideOne(page(slot("hero", variant("only").priority(10))));

        assertThat(codes(hero)).containsExactly(Code.DEFAULT_EVERYONE);
    }

    static Stream<Arguments> tieBreaks() {
        return Stream.of(
                Arguments.argumentSet(
                        "exact locale over language over none",
                        List.of(
                                variant("any"),
                                variant("language").locale("en"),
                                variant("exact").locale("en-US")),
                        "exact"),
                Arguments.argumentSet(
                        "language over none",
                        List.of(variant("any"), variant("language").locale("EN")),
                        "language"),
                Arguments.argumentSet(
                        "priority before locale",
                        List.of(variant("exact").locale("en-US"), variant("any").priority(1)),
                        "any"),
                Arguments.argumentSet(
                        "targeted over everyone",
                        List.of(variant("everyone"), variant("targeted").audience(GOLD)),
                        "targeted"),
                Arguments.argumentSet(
                        "locale before targeting",
                        List.of(
                                variant("targeted").audience(GOLD),
                                variant("exact").locale("en-us")),
                        "exact"),
                Arguments.argumentSet(
                        "then entry id",
                        List.of(variant("b").entry("entry-2"), variant("a").entry("entry-1")),
                        "a"),
                Arguments.argumentSet(
                        "then key",
                        List.of(variant("b").entry("same"), variant("a").entry("same")),
                        "a"),
                Arguments.argumentSet(
                        "another locale is not eligible",
                        List.of(
                                variant("french").locale("fr").priority(9),
                                variant("british").locale("en-GB").priority(9),
                                variant("any")),
                        "any"));
    }

    @ParameterizedTest
    @MethodSource("tieBreaks")
    void decide_tieBreaks_areDeterministicInAnyOrder(List<VariantBuilder> variants, String expected) {
        VariantBuilder[] given = variants.toArray(VariantBuilder[]::new);
        List<VariantBuilder> backwards = new ArrayList<>(variants);
        Collections.reverse(backwards);
        VariantBuilder[] reversed = backwards.toArray(VariantBuilder[]::new);

        assertThat(key(decideOne(page(slot("hero", given)).membership(member(GOLD)))))
                .isEqualTo(expected);
        assertThat(key(decideOne(page(slot("hero", reversed)).membership(member(GOLD)))))
                .isEqualTo(expected);
    }

    @Test
    void decide_variantWithLocale_saysSo() {
        SlotDecision hero = decideOne(page(slot("hero", variant("en").locale("en"))));

        assertThat(hero.reasons()).contains(Reason.of(Code.LOCALE_MATCH, "Locale en for en-US"));
    }

    // --- audience and consent ----------------------------------------------------------------

    static Stream<Arguments> audiences() {
        return Stream.of(
                Arguments.argumentSet(
                        "customer with consent in the segment gets the targeted variant",
                        Caller.PERSONALIZED,
                        member(GOLD),
                        "gold",
                        List.of(Code.SEGMENT_MATCH, Code.PRIORITY)),
                Arguments.argumentSet(
                        "customer with consent outside the segment gets the default",
                        Caller.PERSONALIZED,
                        member("seg-other"),
                        "default",
                        List.of(Code.DEFAULT_EVERYONE)),
                Arguments.argumentSet(
                        "customer without consent gets the default even in the segment",
                        Caller.NO_CONSENT,
                        member(GOLD),
                        "default",
                        List.of(Code.DEFAULT_NO_CONSENT)),
                Arguments.argumentSet(
                        "anonymous visitor gets the default",
                        Caller.ANONYMOUS,
                        member(GOLD),
                        "default",
                        List.of(Code.DEFAULT_SIGNED_OUT)),
                Arguments.argumentSet(
                        "visitor without anonymous id gets the default",
                        Caller.NOBODY,
                        member(GOLD),
                        "default",
                        List.of(Code.DEFAULT_SIGNED_OUT)));
    }

    @ParameterizedTest
    @MethodSource("audiences")
    void decide_targetedVariant_onlyWithConsentAndMembership(
            Caller caller, Membership membership, String expected, List<Code> expectedCodes) {
        PageDecision decision = decidePage.decide(caller.apply(page(slot(
                        "hero",
                        variant("default"),
                        variant("gold").audience(GOLD).priority(5))))
                .membership(membership)
                .segmentNames(NAMES)
                .build());

        assertThat(decision.mode()).isEqualTo(caller.mode);
        SlotDecision hero = decision.slots().get(0);
        assertThat(key(hero)).isEqualTo(expected);
        assertThat(codes(hero)).containsExactlyElementsOf(expectedCodes);
    }

    @Test
    void decide_segmentMatch_namesTheSegmentsInIdOrderAtMostThree() {
        SlotDecision hero = decideOne(page(slot("hero", variant("targeted").audience("s4", "s1", "s3", "s2", "s5")))
                .membership(member("s1", "s2", "s3", "s4", "seg-other"))
                .segmentNames(Map.of("s1", "First", "s2", "Second", "s4", "Fourth")));

        assertThat(hero.reasons())
                .containsExactly(
                        Reason.of(Code.SEGMENT_MATCH, "First"),
                        Reason.of(Code.SEGMENT_MATCH, "Second"),
                        // no name known: the id stands in
                        Reason.of(Code.SEGMENT_MATCH, "s3"));
    }

    static Stream<Arguments> pageModes() {
        return Stream.of(
                Arguments.argumentSet("personalized", Caller.PERSONALIZED, List.of()),
                Arguments.argumentSet("no consent", Caller.NO_CONSENT, List.of(Code.DEFAULT_NO_CONSENT)),
                Arguments.argumentSet("anonymous", Caller.ANONYMOUS, List.of(Code.DEFAULT_SIGNED_OUT)),
                Arguments.argumentSet("nobody", Caller.NOBODY, List.of(Code.DEFAULT_SIGNED_OUT)));
    }

    @ParameterizedTest
    @MethodSource("pageModes")
    void decide_pageReasons_sayWhyThePageIsTheDefault(Caller caller, List<Code> expected) {
        PageDecision decision = decidePage.decide(
                caller.apply(page(slot("hero", variant("default")))).build());

        assertThat(decision.slug()).isEqualTo(PAGE);
        assertThat(decision.mode()).isEqualTo(caller.mode);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactlyElementsOf(expected);
    }

    // --- schedules ---------------------------------------------------------------------------

    static Stream<Arguments> schedules() {
        Instant second = NOW.plusSeconds(1);
        return Stream.of(
                Arguments.argumentSet("starts now: inclusive", new Schedule(NOW, null), true),
                Arguments.argumentSet("starts in a second", new Schedule(second, null), false),
                Arguments.argumentSet("ends now: exclusive", new Schedule(null, NOW), false),
                Arguments.argumentSet("ends in a second", new Schedule(null, second), true),
                Arguments.argumentSet("one second long, starting now", new Schedule(NOW, second), true),
                Arguments.argumentSet("empty", new Schedule(NOW, NOW), false),
                Arguments.argumentSet("always", Schedule.ALWAYS, true));
    }

    @ParameterizedTest
    @MethodSource("schedules")
    void decide_schedule_startsInclusiveEndsExclusive(Schedule schedule, boolean shown) {
        SlotDecision hero = decideOne(page(slot(
                "hero", variant("fallback"), variant("scheduled").priority(1).schedule(schedule))));

        assertThat(key(hero)).isEqualTo(shown ? "scheduled" : "fallback");
    }

    @Test
    void decide_nothingEligible_emptySlotWithAReason() {
        SlotDecision hero = decideOne(page(slot(
                "hero",
                variant("expired").schedule(new Schedule(null, NOW)),
                variant("french").locale("fr-FR"),
                variant("targeted").audience("seg-other"))));

        assertThat(hero.chosen()).isNull();
        assertThat(hero.assignment()).isNull();
        assertThat(codes(hero)).containsExactly(Code.NO_ELIGIBLE_CONTENT);
    }

    // --- experiments -------------------------------------------------------------------------

    @Test
    void decide_experimentOutranksTheDefault_showsTheArmAndRecordsOneExposure() {
        String visitor = anonymousIn(HERO_TEST, a -> "B".equals(a.arm()));

        SlotDecision hero = decideOne(heroTestPage().anonymous(visitor));

        assertThat(key(hero)).isEqualTo("arm-b");
        assertThat(hero.assignment()).isEqualTo(new Assignment("hero-test", "B", false));
        assertThat(hero.reasons())
                .containsExactly(
                        Reason.of(Code.DEFAULT_SIGNED_OUT, "Default: signed out"),
                        Reason.of(Code.PRIORITY, "Priority 5 over 1 other eligible variant"),
                        Reason.of(Code.EXPERIMENT_ARM, "hero-test/B"));
        assertThat(exposures.recorded).containsExactly(new Exposure("hero-test", Subject.anonymous(visitor), "B", NOW));
    }

    @Test
    void decide_experimentForACustomer_bucketsByCustomerId() {
        String customerId = customerIn(HERO_TEST, a -> "A".equals(a.arm()));

        SlotDecision hero =
                decideOne(heroTestPage().customer(customer().id(customerId).build()));

        assertThat(key(hero)).isEqualTo("arm-a");
        assertThat(hero.assignment()).isEqualTo(Bucketing.assign(HERO_TEST, Subject.customer(customerId)));
        assertThat(codes(hero)).containsExactly(Code.DEFAULT_EVERYONE, Code.PRIORITY, Code.EXPERIMENT_ARM);
        assertThat(hero.reasons()).contains(Reason.of(Code.PRIORITY, "Priority 5 over 1 other eligible variant"));
        assertThat(exposures.recorded).extracting(Exposure::subject).containsExactly(Subject.customer(customerId));
    }

    @Test
    void decide_higherPriorityTargetedVariant_preemptsTheExperimentWithoutExposure() {
        SlotDecision hero = decideOne(page(slot(
                        "hero",
                        variant("default"),
                        variant("arm-a").arm("hero-test", "A").priority(5),
                        variant("arm-b").arm("hero-test", "B").priority(5),
                        variant("gold").audience(GOLD).priority(6)))
                .experiments(HERO_TEST)
                .membership(member(GOLD))
                .segmentNames(NAMES));

        assertThat(key(hero)).isEqualTo("gold");
        assertThat(hero.assignment()).isNull();
        assertThat(hero.reasons())
                .containsExactly(
                        Reason.of(Code.SEGMENT_MATCH, "Gold members"),
                        Reason.of(Code.PRIORITY, "Priority 6 over 3 other eligible variants"));
        assertThat(exposures.recorded).isEmpty();
    }

    @Test
    void decide_experimentAtTheSamePriorityAsTheBestOther_applies() {
        String visitor = anonymousIn(HERO_TEST, a -> "A".equals(a.arm()));

        SlotDecision hero = decideOne(page(slot(
                        "hero",
                        variant("default").priority(5),
                        variant("arm-a").arm("hero-test", "A").priority(5)))
                .experiments(HERO_TEST)
                .anonymous(visitor));

        assertThat(key(hero)).isEqualTo("arm-a");
        assertThat(exposures.recorded).hasSize(1);
    }

    @Test
    void decide_holdout_getsTheDefaultAndRecordsAnExposureWithoutArm() {
        String visitor = anonymousIn(HERO_TEST, Assignment::inControlGroup);

        SlotDecision hero = decideOne(heroTestPage().anonymous(visitor));

        assertThat(key(hero)).isEqualTo("default");
        assertThat(hero.assignment()).isEqualTo(new Assignment("hero-test", null, true));
        assertThat(hero.reasons())
                .containsExactly(
                        Reason.of(Code.DEFAULT_SIGNED_OUT, "Default: signed out"),
                        Reason.of(Code.EXPERIMENT_HOLDOUT, "hero-test: holdout (default content)"));
        assertThat(exposures.recorded)
                .containsExactly(new Exposure("hero-test", Subject.anonymous(visitor), null, NOW));
    }

    @Test
    void decide_holdoutWithoutDefault_showsNothing() {
        String visitor = anonymousIn(HERO_TEST, Assignment::inControlGroup);

        SlotDecision hero = decideOne(page(slot("hero", variant("arm-a").arm("hero-test", "A")))
                .experiments(HERO_TEST)
                .anonymous(visitor));

        assertThat(hero.chosen()).isNull();
        assertThat(codes(hero))
                .containsExactly(Code.NO_ELIGIBLE_CONTENT, Code.DEFAULT_SIGNED_OUT, Code.EXPERIMENT_HOLDOUT);
        assertThat(exposures.recorded).hasSize(1);
    }

    @Test
    void decide_armWithoutEligibleVariant_fallsBackToTheDefaultAndSaysSo() {
        String visitor = anonymousIn(HERO_TEST, a -> "B".equals(a.arm()));

        SlotDecision hero = decideOne(page(slot(
                        "hero",
                        variant("default"),
                        variant("arm-a").arm("hero-test", "A").priority(5),
                        variant("arm-b").arm("hero-test", "B").priority(5).locale("fr")))
                .experiments(HERO_TEST)
                .anonymous(visitor));

        assertThat(key(hero)).isEqualTo("default");
        assertThat(hero.assignment()).isEqualTo(new Assignment("hero-test", "B", false));
        assertThat(hero.reasons())
                .containsExactly(
                        Reason.of(Code.DEFAULT_SIGNED_OUT, "Default: signed out"),
                        Reason.of(Code.EXPERIMENT_ARM, "hero-test/B"),
                        Reason.of(
                                Code.NO_ELIGIBLE_CONTENT,
                                "Nothing of arm B is eligible here; showing the non-experiment choice"));
        assertThat(exposures.recorded).extracting(Exposure::arm).containsExactly("B");
    }

    @Test
    void decide_armWithSeveralVariants_bestOfTheArmWins() {
        String visitor = anonymousIn(HERO_TEST, a -> "A".equals(a.arm()));

        SlotDecision hero = decideOne(page(slot(
                        "hero",
                        variant("arm-a-plain").arm("hero-test", "A").priority(5),
                        variant("arm-a-english")
                                .arm("hero-test", "A")
                                .priority(5)
                                .locale("en"),
                        variant("arm-a-old").arm("hero-test", "A").priority(1),
                        variant("arm-b").arm("hero-test", "B").priority(7)))
                .experiments(HERO_TEST)
                .anonymous(visitor));

        assertThat(key(hero)).isEqualTo("arm-a-english");
        // only the lower-priority variant of the same arm lost on priority; arm B lost to bucketing
        assertThat(hero.reasons())
                .containsExactly(
                        Reason.of(Code.DEFAULT_SIGNED_OUT, "Default: signed out"),
                        Reason.of(Code.LOCALE_MATCH, "Locale en for en-US"),
                        Reason.of(Code.PRIORITY, "Priority 5 over 1 other eligible variant"),
                        Reason.of(Code.EXPERIMENT_ARM, "hero-test/A"));
    }

    @Test
    void decide_targetedArmVariant_reasonsInOrder() {
        String customerId = customerIn(HERO_TEST, a -> "A".equals(a.arm()));

        SlotDecision hero = decideOne(page(slot(
                        "hero",
                        variant("default"),
                        variant("arm-a")
                                .arm("hero-test", "A")
                                .priority(5)
                                .audience(GOLD)
                                .locale("en-US")))
                .experiments(HERO_TEST)
                .customer(customer().id(customerId).build())
                .membership(member(GOLD))
                .segmentNames(NAMES));

        assertThat(hero.reasons())
                .containsExactly(
                        Reason.of(Code.SEGMENT_MATCH, "Gold members"),
                        Reason.of(Code.LOCALE_MATCH, "Locale en-US for en-US"),
                        Reason.of(Code.PRIORITY, "Priority 5 over 1 other eligible variant"),
                        Reason.of(Code.EXPERIMENT_ARM, "hero-test/A"));
    }

    @Test
    void decide_severalSlots_recordsOneExposurePerAppliedSlot() {
        Experiment bannerTest = experiment("banner-test", "banner", Status.RUNNING, 0);
        PageDecision decision = decidePage.decide(page(
                        slot(
                                "hero",
                                variant("hero-a").arm("hero-test", "A"),
                                variant("hero-b").arm("hero-test", "B")),
                        slot(
                                "banner",
                                variant("banner-a").arm("banner-test", "A"),
                                variant("banner-b").arm("banner-test", "B")),
                        slot("footer", variant("footer")),
                        slot(
                                "preempted",
                                variant("plain").priority(3),
                                variant("pre-a").arm("preempted-test", "A")))
                .experiments(HERO_TEST, bannerTest, experiment("preempted-test", "preempted", Status.RUNNING, 0))
                .build());

        assertThat(exposures.recorded).extracting(Exposure::experimentId).containsExactly("hero-test", "banner-test");
        assertThat(decision.slots())
                .extracting(SlotDecision::assignment)
                .extracting(a -> a == null ? null : a.experimentId())
                .containsExactly("hero-test", "banner-test", null, null);
    }

    @Test
    void decide_preview_bucketsButRecordsNothing() {
        String visitor = anonymousIn(HERO_TEST, a -> "B".equals(a.arm()));

        SlotDecision hero = decideOne(heroTestPage().anonymous(visitor).preview());

        assertThat(key(hero)).isEqualTo("arm-b");
        assertThat(hero.assignment()).isNotNull();
        assertThat(exposures.recorded).isEmpty();
    }

    static Stream<Arguments> inapplicableExperiments() {
        return Stream.of(
                Arguments.argumentSet("draft", experiment("hero-test", "hero", Status.DRAFT, 0)),
                Arguments.argumentSet("stopped", experiment("hero-test", "hero", Status.STOPPED, 0)),
                Arguments.argumentSet("unknown", experiment("other-test", "hero", Status.RUNNING, 0)),
                Arguments.argumentSet("on another slot", experiment("hero-test", "banner", Status.RUNNING, 0)),
                Arguments.argumentSet(
                        "on another page",
                        new Experiment("hero-test", "checkout", "hero", Status.RUNNING, 0, List.of(new Arm("A", 1)))),
                Arguments.argumentSet(
                        "without the variants' arms",
                        new Experiment("hero-test", PAGE, "hero", Status.RUNNING, 0, List.of(new Arm("C", 1)))));
    }

    @ParameterizedTest
    @MethodSource("inapplicableExperiments")
    void decide_variantsOfAnExperimentNotRunningHere_areIneligible(Experiment experiment) {
        SlotDecision hero = decideOne(heroTestPage().experiments(experiment));

        assertThat(key(hero)).isEqualTo("default");
        assertThat(hero.assignment()).isNull();
        assertThat(codes(hero)).containsExactly(Code.DEFAULT_EVERYONE);
        assertThat(exposures.recorded).isEmpty();
    }

    @Test
    void decide_noExperimentsGiven_experimentVariantsAreIneligible() {
        SlotDecision hero = decideOne(heroTestPage().experiments());

        assertThat(key(hero)).isEqualTo("default");
        assertThat(hero.assignment()).isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = Caller.class,
            names = {"NO_CONSENT", "NOBODY"})
    void decide_callerWhoCannotBeBucketed_getsTheDefaultWithoutExposure(Caller caller) {
        SlotDecision hero = decideOne(caller.apply(heroTestPage()));

        assertThat(key(hero)).isEqualTo("default");
        assertThat(hero.assignment()).isNull();
        assertThat(codes(hero))
                .containsExactly(caller == Caller.NO_CONSENT ? Code.DEFAULT_NO_CONSENT : Code.DEFAULT_SIGNED_OUT);
        assertThat(exposures.recorded).isEmpty();
    }

    // --- the whole page ----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Caller.class)
    void decide_everySlot_hasAtLeastOneReason(Caller caller) {
        PageDecision decision = decidePage.decide(caller.apply(mixedPage()).build());

        assertThat(decision.slots()).hasSize(6);
        assertThat(decision.slots())
                .allSatisfy(slot -> assertThat(slot.reasons()).isNotEmpty());
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void decide_sameRequest_sameDecision(Caller caller) {
        PageRequest request = caller.apply(mixedPage()).build();

        PageDecision first = decidePage.decide(request);
        PageDecision again = decidePage.decide(request);
        PageDecision elsewhere = new DecidePage(ExposureLog.NONE)
                .decide(caller.apply(mixedPage()).build());

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);
    }

    @Test
    void decide_slotsKeepThePageOrder() {
        PageDecision decision = decidePage.decide(mixedPage().build());

        assertThat(decision.slots())
                .extracting(SlotDecision::slot)
                .containsExactly("hero", "banner", "offers", "empty", "article", "carousel");
        assertThat(decision.slot("offers")).isSameAs(decision.slots().get(2));
        assertThat(decision.slot("missing")).isNull();
    }

    // --- request validation ------------------------------------------------------------------

    @Test
    void pageRequest_snapshotOfAnotherCustomer_isRejected() {
        CustomerSnapshot ada = customer().build();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PageRequest(
                        new PageContent(PAGE, List.of()),
                        List.of(),
                        Subject.customer("someone-else"),
                        ada,
                        Membership.NONE,
                        Map.of(),
                        context(NOW),
                        true));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PageRequest(
                        new PageContent(PAGE, List.of()),
                        List.of(),
                        Subject.anonymous(ada.customerId()),
                        ada,
                        Membership.NONE,
                        Map.of(),
                        context(NOW),
                        true));
    }

    @Test
    void pageRequest_customerSubjectWithoutSnapshot_isRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PageRequest(
                        new PageContent(PAGE, List.of()),
                        List.of(),
                        Subject.customer("customer-1"),
                        null,
                        Membership.NONE,
                        Map.of(),
                        context(NOW, "en-US", ZoneOffset.UTC),
                        true));
    }

    // --- helpers -----------------------------------------------------------------------------

    private static RequestBuilder heroTestPage() {
        return page(slot(
                        "hero",
                        variant("default"),
                        variant("arm-a").arm("hero-test", "A").priority(5),
                        variant("arm-b").arm("hero-test", "B").priority(5)))
                .experiments(HERO_TEST);
    }

    /** Six slots covering the cases: targeted, experiment, priority, empty, expired only, localized. */
    private static RequestBuilder mixedPage() {
        return page(
                        slot(
                                "hero",
                                variant("hero-default"),
                                variant("hero-gold").audience(GOLD).priority(1)),
                        slot(
                                "banner",
                                variant("banner-default"),
                                variant("banner-a").arm("banner-test", "A"),
                                variant("banner-b").arm("banner-test", "B")),
                        slot(
                                "offers",
                                variant("offer-1").priority(1),
                                variant("offer-2").priority(2)),
                        slot("empty"),
                        slot("article", variant("article-old").schedule(new Schedule(null, NOW))),
                        slot(
                                "carousel",
                                variant("carousel-en").locale("en"),
                                variant("carousel-fr").locale("fr")))
                .experiments(
                        experiment("banner-test", "banner", Status.RUNNING, 0.2),
                        experiment("hero-test", "hero", Status.STOPPED, 0))
                .membership(member(GOLD))
                .segmentNames(NAMES);
    }

    private SlotDecision decideOne(RequestBuilder request) {
        return decidePage.decide(request.build()).slots().get(0);
    }

    private static Experiment experiment(String id, String slot, Status status, double holdoutShare) {
        return new Experiment(id, PAGE, slot, status, holdoutShare, List.of(new Arm("A", 1), new Arm("B", 1)));
    }

    /** The first anonymous id of the form {@code visitor-N} whose assignment passes the test. */
    private static String anonymousIn(Experiment experiment, Predicate<Assignment> test) {
        return firstId("visitor-", experiment, test, Subject::anonymous);
    }

    private static String customerIn(Experiment experiment, Predicate<Assignment> test) {
        return firstId("customer-", experiment, test, Subject::customer);
    }

    private static String firstId(
            String prefix, Experiment experiment, Predicate<Assignment> test, Function<String, Subject> subject) {
        for (int i = 0; ; i++) {
            String id = prefix + i;
            if (test.test(Bucketing.assign(experiment, subject.apply(id)))) {
                return id;
            }
        }
    }

    private static @Nullable String key(SlotDecision decision) {
        ContentVariant chosen = decision.chosen();
        return chosen == null ? null : chosen.key();
    }

    private static List<Code> codes(SlotDecision decision) {
        return decision.reasons().stream().map(Reason::code).toList();
    }
}
