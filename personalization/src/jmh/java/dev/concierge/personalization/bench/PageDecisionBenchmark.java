package dev.concierge.personalization.bench;

import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.customer.StoreLocation;
import dev.concierge.personalization.customer.Subject;
import dev.concierge.personalization.decision.ContentVariant;
import dev.concierge.personalization.decision.DecidePage;
import dev.concierge.personalization.decision.PageContent;
import dev.concierge.personalization.decision.PageDecision;
import dev.concierge.personalization.decision.PageQuery;
import dev.concierge.personalization.decision.PageRequest;
import dev.concierge.personalization.decision.PersonalizePage;
import dev.concierge.personalization.decision.PersonalizedPage;
import dev.concierge.personalization.decision.SlotDecision;
import dev.concierge.personalization.experiment.Assignment;
import dev.concierge.personalization.experiment.Experiment;
import dev.concierge.personalization.experiment.Exposure;
import dev.concierge.personalization.experiment.ExposureLog;
import dev.concierge.personalization.segment.EvaluateSegments;
import dev.concierge.personalization.segment.Membership;
import dev.concierge.personalization.segment.Segment;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

/**
 * The in-process work of one home-page request once its inputs are loaded and warm (issue: "30
 * segments, 12 slots, 3 variants each"): evaluate the customer's segments, then decide the page.
 * See {@link HomePageWorkload} for the data. Split so the figures add up:
 *
 * <ul>
 *   <li>{@link #personalizedPage}: segments then decision for a signed-in customer with consent,
 *       what the latency budget is about;
 *   <li>{@link #anonymousPage}: the decision for a signed-out visitor (no segments to evaluate);
 *   <li>{@link #segmentsOnly}: the 30 segments alone;
 *   <li>{@link #personalizeUseCase}: {@link PersonalizePage} end to end with in-memory ports, i.e.
 *       plus the Reactor assembly, the segment-name map and the nearest store.
 * </ul>
 *
 * <p>Sample time gives the percentiles; average time the mean. Run with the {@code jmh} profile
 * (see the module README); the defaults take a little over a minute.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PageDecisionBenchmark {

    // Inputs in plain (non-final) fields, as JMH advises, so that the JIT cannot fold them.
    private List<StoreLocation> stores = HomePageWorkload.stores();
    private List<Segment> segments = HomePageWorkload.segments();
    private Map<String, String> segmentNames = names(segments);
    private PageContent page = HomePageWorkload.page();
    private List<Experiment> experiments = HomePageWorkload.experiments();
    private CustomerSnapshot customer = HomePageWorkload.customer();
    private Subject customerSubject = Subject.customer(customer.customerId());
    private RequestContext customerContext = HomePageWorkload.customerContext();
    private Subject anonymousSubject = Subject.anonymous(HomePageWorkload.ANONYMOUS_ID);
    private RequestContext anonymousContext = HomePageWorkload.anonymousContext();

    /**
     * The last exposure, kept so that the exposures are really built, as a log that buffers them
     * needs them; a log that drops them would let the JIT drop their allocation too.
     */
    private @Nullable Exposure lastExposure;

    private ExposureLog exposures = exposure -> lastExposure = exposure;

    private PersonalizePage personalizePage = new PersonalizePage(
            id -> Mono.just(customer),
            slug -> Mono.just(page),
            () -> Mono.just(segments),
            slug -> Mono.just(experiments),
            () -> Mono.just(stores),
            exposures,
            Clock.fixed(HomePageWorkload.NOW, ZoneOffset.UTC));
    private PageQuery customerQuery = new PageQuery(
            HomePageWorkload.PAGE,
            customer.customerId(),
            null,
            customerContext.channel(),
            customerContext.locale(),
            customerContext.zone(),
            customerContext.device(),
            customerContext.location());

    /**
     * Fails the run when the workload no longer exercises what it is meant to (segments matching,
     * targeted content chosen, both experiments bucketing into an arm), e.g. after a rule change.
     */
    @Setup(Level.Trial)
    public void checkWorkload() {
        Membership membership = segmentsOnly();
        int matched = membership.segmentIds().size();
        require(matched >= 10 && matched <= 22, "10 to 22 of the 30 segments should match, got " + matched);

        PageDecision personalized = personalizedPage();
        require(personalized.mode() == PageDecision.Mode.PERSONALIZED, "personalized mode, got " + personalized.mode());
        require(
                personalized.slots().size() == 12,
                "12 slots, got " + personalized.slots().size());
        int targeted = 0;
        for (SlotDecision slot : personalized.slots()) {
            ContentVariant chosen = slot.chosen();
            require(chosen != null, "content in every slot, none in " + slot.slot());
            if (chosen != null && !chosen.forEveryone()) {
                targeted++;
            }
        }
        require(targeted >= 6, "targeted content in at least 6 slots, got " + targeted);
        requireAssignment(personalized, "hero");
        requireAssignment(personalized, "offers-1");

        PageDecision anonymous = anonymousPage();
        require(anonymous.mode() == PageDecision.Mode.SIGNED_OUT, "signed-out mode, got " + anonymous.mode());
        requireAssignment(anonymous, "offers-1");

        PersonalizedPage useCase = personalizeUseCase();
        require(
                useCase != null && useCase.membership().equals(membership),
                "the use case should find the same segments");
    }

    /**
     * Segment evaluation then the page decision, for a signed-in customer with consent; a new
     * {@code EvaluateSegments} per request, as {@link PersonalizePage} makes one.
     */
    @Benchmark
    public PageDecision personalizedPage() {
        Membership membership = new EvaluateSegments(stores).evaluate(segments, customer, customerContext);
        return new DecidePage(exposures)
                .decide(new PageRequest(
                        page, experiments, customerSubject, customer, membership, segmentNames, customerContext, true));
    }

    /** The page decision for a signed-out visitor known by an anonymous id: no segments. */
    @Benchmark
    public PageDecision anonymousPage() {
        return new DecidePage(exposures)
                .decide(new PageRequest(
                        page,
                        experiments,
                        anonymousSubject,
                        null,
                        Membership.NONE,
                        segmentNames,
                        anonymousContext,
                        true));
    }

    /** The 30 segments alone, for the customer of {@link #personalizedPage}. */
    @Benchmark
    public Membership segmentsOnly() {
        return new EvaluateSegments(stores).evaluate(segments, customer, customerContext);
    }

    /** The whole use case with in-memory ports that answer at once. */
    @Benchmark
    public @Nullable PersonalizedPage personalizeUseCase() {
        return personalizePage.personalize(customerQuery).block();
    }

    private static Map<String, String> names(List<Segment> segments) {
        Map<String, String> names = new HashMap<>();
        for (Segment segment : segments) {
            names.put(segment.id(), segment.name());
        }
        return Map.copyOf(names);
    }

    private static void requireAssignment(PageDecision decision, String slot) {
        SlotDecision decided = decision.slot(slot);
        Assignment assignment = decided == null ? null : decided.assignment();
        require(
                assignment != null && assignment.arm() != null,
                "an experiment arm (not the holdout) in " + slot + " for " + decision.mode());
    }

    private static void require(boolean condition, String expectation) {
        if (!condition) {
            throw new IllegalStateException("The benchmark workload is off: " + expectation);
        }
    }
}
