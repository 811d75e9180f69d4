package dev.concierge.personalization.decision;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.CustomerSnapshots;
import dev.concierge.personalization.customer.GeoPoint;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.customer.StoreDirectory;
import dev.concierge.personalization.customer.StoreLocation;
import dev.concierge.personalization.customer.Subject;
import dev.concierge.personalization.experiment.Experiment;
import dev.concierge.personalization.experiment.ExperimentDefinitions;
import dev.concierge.personalization.experiment.ExposureLog;
import dev.concierge.personalization.segment.EvaluateSegments;
import dev.concierge.personalization.segment.Membership;
import dev.concierge.personalization.segment.Segment;
import dev.concierge.personalization.segment.SegmentDefinitions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The personalized page use case: loads the customer's snapshot, the page's published content,
 * the segments, the page's experiments and the stores concurrently, evaluates the customer's
 * segments, and decides every slot. Without PERSONALIZATION consent (or signed out) the page is the
 * default page, and the reasons say why.
 */
public final class PersonalizePage {

    /** The page whose slots are the offers a caller may qualify for. */
    public static final String OFFERS_PAGE = "offers";

    static final String DEFAULT_LOCALE = "en-US";

    private final CustomerSnapshots snapshots;
    private final PublishedContent content;
    private final SegmentDefinitions segments;
    private final ExperimentDefinitions experiments;
    private final StoreDirectory stores;
    private final DecidePage decide;
    private final Clock clock;

    public PersonalizePage(
            CustomerSnapshots snapshots,
            PublishedContent content,
            SegmentDefinitions segments,
            ExperimentDefinitions experiments,
            StoreDirectory stores,
            ExposureLog exposures,
            Clock clock) {
        this.snapshots = snapshots;
        this.content = content;
        this.segments = segments;
        this.experiments = experiments;
        this.stores = stores;
        this.decide = new DecidePage(exposures);
        this.clock = clock;
    }

    /** Decides the page for the caller; {@code NOT_FOUND} for an unknown page or customer. */
    public Mono<PersonalizedPage> personalize(PageQuery query) {
        Mono<Optional<CustomerSnapshot>> customer = query.customerId() == null
                ? Mono.just(Optional.empty())
                : snapshots
                        .snapshot(query.customerId())
                        .map(Optional::of)
                        .switchIfEmpty(Mono.error(
                                () -> ConciergeException.notFound("No customer '" + query.customerId() + "'")));
        Mono<PageContent> page = content.page(query.slug())
                .switchIfEmpty(Mono.error(() -> ConciergeException.notFound("No page '" + query.slug() + "'")));
        return Mono.zip(customer, page, segments.active(), experiments.forPage(query.slug()), stores.stores())
                .map(loaded -> decide(
                        query,
                        loaded.getT1().orElse(null),
                        loaded.getT2(),
                        loaded.getT3(),
                        loaded.getT4(),
                        loaded.getT5()));
    }

    /**
     * The offers the caller qualifies for: the slots of the {@link #OFFERS_PAGE} page decided for
     * the same subject and context, those with content, highest priority first.
     */
    public Mono<List<SlotDecision>> offers(PersonalizedPage decided) {
        return Mono.zip(content.page(OFFERS_PAGE), experiments.forPage(OFFERS_PAGE), segments.active())
                .map(loaded -> {
                    PageDecision offers = decide.decide(new PageRequest(
                            loaded.getT1(),
                            loaded.getT2(),
                            decided.subject(),
                            decided.customer(),
                            decided.membership(),
                            names(loaded.getT3()),
                            decided.context(),
                            true));
                    List<SlotDecision> chosen = new ArrayList<>();
                    for (SlotDecision slot : offers.slots()) {
                        if (slot.chosen() != null) {
                            chosen.add(slot);
                        }
                    }
                    chosen.sort(Comparator.comparingInt(
                                    (SlotDecision slot) -> slot.chosen().priority())
                            .reversed());
                    return chosen;
                })
                .defaultIfEmpty(List.of());
    }

    private PersonalizedPage decide(
            PageQuery query,
            @Nullable CustomerSnapshot customer,
            PageContent page,
            List<Segment> segmentList,
            List<Experiment> experimentList,
            List<StoreLocation> storeList) {
        String locale = query.locale() != null
                ? query.locale()
                : customer != null ? customer.profile().locale() : DEFAULT_LOCALE;
        RequestContext context = new RequestContext(
                query.channel(), locale, query.zone(), query.device(), query.location(), clock.instant());
        Subject subject = customer != null
                ? Subject.customer(customer.customerId())
                : query.anonymousId() != null ? Subject.anonymous(query.anonymousId()) : null;
        boolean personalized = customer != null && customer.consents().granted(ConsentPurpose.PERSONALIZATION);
        Membership membership = personalized
                ? new EvaluateSegments(storeList).evaluate(segmentList, customer, context)
                : Membership.NONE;
        PageDecision decision = decide.decide(new PageRequest(
                page, experimentList, subject, customer, membership, names(segmentList), context, true));
        List<Reason> reasons = new ArrayList<>(decision.reasons());
        PersonalizedPage.NearestStore nearest = null;
        if (query.location() != null) {
            if (customer != null && customer.consents().granted(ConsentPurpose.LOCATION)) {
                nearest = nearest(query.location(), storeList);
            } else {
                reasons.add(Reason.of(
                        Reason.Code.CONSENT_MISSING, "Nearest store: no LOCATION consent, the location was not used"));
            }
        }
        return new PersonalizedPage(decision, customer, subject, membership, context, nearest, reasons);
    }

    private static PersonalizedPage.@Nullable NearestStore nearest(GeoPoint from, List<StoreLocation> storeList) {
        PersonalizedPage.NearestStore best = null;
        for (StoreLocation store : storeList) {
            double km = from.distanceKm(store.position());
            if (best == null || km < best.distanceKm()) {
                best = new PersonalizedPage.NearestStore(store, km);
            }
        }
        return best;
    }

    private static Map<String, String> names(List<Segment> segmentList) {
        Map<String, String> names = new HashMap<>(segmentList.size() * 2);
        for (Segment segment : segmentList) {
            names.put(segment.id(), segment.name());
        }
        return names;
    }
}
