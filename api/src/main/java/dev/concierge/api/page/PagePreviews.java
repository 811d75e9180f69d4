package dev.concierge.api.page;

import dev.concierge.api.page.Personas.Persona;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.Consent;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.Consents;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.GeoPoint;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.customer.StoreLocation;
import dev.concierge.personalization.customer.Subject;
import dev.concierge.personalization.decision.DecidePage;
import dev.concierge.personalization.decision.PageContent;
import dev.concierge.personalization.decision.PageDecision;
import dev.concierge.personalization.decision.PageQuery;
import dev.concierge.personalization.decision.PageRequest;
import dev.concierge.personalization.experiment.Experiment;
import dev.concierge.personalization.experiment.ExposureLog;
import dev.concierge.personalization.segment.EvaluateSegments;
import dev.concierge.personalization.segment.Membership;
import dev.concierge.personalization.segment.Segment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Decides a page for an editor's chosen audience with the page's own decision ({@link DecidePage}),
 * but for a subject the editor names rather than the caller: segments, a persona, a real customer or
 * a signed-out visitor; at any instant; over drafts when asked. Previews never count in an
 * experiment: the decision neither records exposures nor has a log to record them in.
 *
 * <p>Editors see aggregates, not people: a real customer's preview is decided on their snapshot and
 * segments, but the greeting is decided as if they had no first name and the audience names only
 * their id, so no name, email or date of theirs leaves in the preview.
 */
final class PagePreviews {

    /** {@code at} may be at most this far from now: further out, dates stop meaning anything. */
    static final Duration MAX_AT_DISTANCE = Duration.ofDays(3660);

    /** Subjects of segment previews carry this prefix, then a hash of the sorted segment ids. */
    static final String SEGMENTS_SUBJECT_PREFIX = "preview-segments:";

    /** The locale of a previewed visitor who has none, as on the page. */
    private static final String DEFAULT_LOCALE = PageContextInput.DEFAULT_LOCALE;

    private final PageCaches caches;
    private final ContentRepository content;
    private final Clock clock;
    private final DecidePage decide = new DecidePage(ExposureLog.NONE);

    PagePreviews(PageCaches caches, ContentRepository content, Clock clock) {
        this.caches = caches;
        this.content = content;
        this.clock = clock;
    }

    /**
     * The page as the audience would see it at {@code at} (now when null). {@code BAD_USER_INPUT} for
     * a bad audience, context or instant; {@code NOT_FOUND} for an unknown page, persona or customer.
     */
    Mono<PagePreview> preview(
            String slug,
            PreviewAudienceInput as,
            @Nullable Instant at,
            boolean includeDrafts,
            PageContextInput context) {
        PreviewAudienceInput.Audience audience = as.audience();
        PageQuery query = context.query(slug, null);
        Instant now = checkedAt(at);
        Persona persona = audience instanceof PreviewAudienceInput.Persona named
                ? Personas.find(named.id())
                        .orElseThrow(() -> ConciergeException.notFound("No persona '" + named.id() + "'"))
                : null;
        Mono<Optional<PageContent>> page = (includeDrafts ? content.pageWithDrafts(slug) : caches.page(slug))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        Mono<Optional<CustomerSnapshot>> customer = audience instanceof PreviewAudienceInput.Customer real
                ? caches.snapshot(real.id()).map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        return Mono.zip(page, caches.segments(), caches.experiments(slug), caches.stores(), customer)
                .map(loaded -> {
                    List<Segment> segments = loaded.getT2();
                    Membership requested = audience instanceof PreviewAudienceInput.Segments listed
                            ? requestedMembership(listed.ids(), segments)
                            : null;
                    PageContent pageContent =
                            loaded.getT1().orElseThrow(() -> ConciergeException.notFound("No page '" + slug + "'"));
                    CustomerSnapshot snapshot = null;
                    if (audience instanceof PreviewAudienceInput.Customer real) {
                        snapshot = loaded.getT5()
                                .orElseThrow(() -> ConciergeException.notFound("No customer '" + real.id() + "'"));
                    }
                    Loaded definitions = new Loaded(pageContent, segments, loaded.getT3(), loaded.getT4());
                    return decide(audience, requested, persona, snapshot, definitions, query, context, now);
                });
    }

    /** Every persona with the active segments it matches now, with its own channel and location. */
    Mono<List<PersonaView>> personas() {
        return Mono.zip(caches.segments(), caches.stores()).map(loaded -> {
            Instant now = clock.instant();
            List<PersonaView> views = new ArrayList<>(Personas.all().size());
            for (Persona persona : Personas.all()) {
                CustomerSnapshot snapshot = persona.snapshot(now);
                RequestContext context = new RequestContext(
                        persona.channel(), snapshot.profile().locale(), ZoneOffset.UTC, null, persona.location(), now);
                Membership membership = membership(snapshot, context, loaded.getT1(), loaded.getT2());
                views.add(new PersonaView(
                        persona.id(), persona.name(), persona.description(), refs(membership, loaded.getT1())));
            }
            return views;
        });
    }

    private PagePreview decide(
            PreviewAudienceInput.Audience audience,
            @Nullable Membership requested,
            @Nullable Persona persona,
            @Nullable CustomerSnapshot realCustomer,
            Loaded loaded,
            PageQuery query,
            PageContextInput input,
            Instant now) {
        Channel channel = query.channel();
        GeoPoint location = query.location();
        CustomerSnapshot customer;
        Subject subject;
        String described;
        if (audience instanceof PreviewAudienceInput.Segments) {
            Membership membership = requested == null ? Membership.NONE : requested;
            String subjectId = segmentsSubject(membership);
            customer = synthetic(subjectId, now);
            subject = Subject.customer(subjectId);
            described = describeSegments(membership, loaded.segments(), subjectId);
        } else if (persona != null) {
            customer = persona.snapshot(now);
            subject = Subject.customer(customer.customerId());
            channel = input.channel() == null ? persona.channel() : channel;
            location = location == null ? persona.location() : location;
            described = "Persona " + persona.name() + " (synthetic, bucketed as " + subject.id() + ")";
        } else if (realCustomer != null) {
            customer = realCustomer;
            subject = Subject.customer(customer.customerId());
            described = "Customer " + customer.customerId() + " (personal data hidden)";
        } else {
            customer = null;
            subject = query.anonymousId() == null ? null : Subject.anonymous(query.anonymousId());
            described = subject == null
                    ? "A signed-out visitor without an anonymous id (not bucketed)"
                    : "A signed-out visitor, bucketed by the given anonymous id";
        }
        String locale = query.locale() != null
                ? query.locale()
                : customer != null ? customer.profile().locale() : DEFAULT_LOCALE;
        RequestContext context = new RequestContext(channel, locale, query.zone(), query.device(), location, now);
        Membership membership;
        if (requested != null) {
            membership = requested;
        } else if (customer != null && customer.consents().granted(ConsentPurpose.PERSONALIZATION)) {
            membership = membership(customer, context, loaded.segments(), loaded.stores());
        } else {
            membership = Membership.NONE;
        }
        // the real customer's greeting is decided without their name: occasions show, names do not
        CustomerSnapshot decidedFor = realCustomer != null ? nameless(realCustomer) : customer;
        PageDecision decision = decide.decide(new PageRequest(
                loaded.page(),
                loaded.experiments(),
                subject,
                decidedFor,
                membership,
                names(loaded.segments()),
                context,
                false));
        return new PagePreview(
                decision.slug(),
                decision.mode(),
                described,
                refs(membership, loaded.segments()),
                decision.slots().stream().map(SlotView::of).toList(),
                decision.greeting(),
                decision.reasons(),
                now);
    }

    private Instant checkedAt(@Nullable Instant at) {
        Instant now = clock.instant();
        if (at == null) {
            return now;
        }
        if (Duration.between(now, at).abs().compareTo(MAX_AT_DISTANCE) > 0) {
            throw ConciergeException.badInput(
                    "at", "must be within " + MAX_AT_DISTANCE.toDays() + " days of now, got " + at);
        }
        return at;
    }

    /**
     * Exactly the listed segments; {@code BAD_USER_INPUT} at {@code as.segments[i]} for an id that is
     * not an active segment.
     */
    private static Membership requestedMembership(List<String> ids, List<Segment> active) {
        Map<String, String> names = names(active);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!names.containsKey(id)) {
                throw ConciergeException.badInput(
                        PreviewAudienceInput.PATH + ".segments[" + i + "]", "'" + id + "' is not an active segment");
            }
        }
        return ids.isEmpty() ? Membership.NONE : new Membership(new TreeSet<>(ids));
    }

    /** The page's own membership rule: the active segments whose rules match. */
    private static Membership membership(
            CustomerSnapshot customer, RequestContext context, List<Segment> segments, List<StoreLocation> stores) {
        if (!customer.consents().granted(ConsentPurpose.PERSONALIZATION)) {
            return Membership.NONE;
        }
        return new EvaluateSegments(stores).evaluate(segments, customer, context);
    }

    /** A deterministic subject for a set of segments: the same segments bucket the same way. */
    static String segmentsSubject(Membership membership) {
        String joined = String.join(",", new TreeSet<>(membership.segmentIds()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return SEGMENTS_SUBJECT_PREFIX + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String describeSegments(Membership membership, List<Segment> segments, String subjectId) {
        List<SegmentRef> refs = refs(membership, segments);
        String in = refs.isEmpty()
                ? "in no segment"
                : "in exactly "
                        + String.join(", ", refs.stream().map(SegmentRef::name).toList());
        return "A customer with personalization consent " + in + " (synthetic, bucketed as " + subjectId + ")";
    }

    /**
     * A customer with PERSONALIZATION consent and nothing else known: no name, no occasions, no
     * history, so the greeting is a plain hello and only the given segments target them.
     */
    private static CustomerSnapshot synthetic(String subjectId, Instant now) {
        CustomerSnapshot.Profile profile = new CustomerSnapshot.Profile(
                subjectId, "", null, null, DEFAULT_LOCALE, LoyaltyTier.BRONZE, 0, null, now, Map.of());
        Consents consents =
                Consents.fromLedger(List.of(new Consent(ConsentPurpose.PERSONALIZATION, true, "preview", now)));
        return new CustomerSnapshot(profile, consents, CustomerSnapshot.Activity.none(), List.of());
    }

    /** The snapshot without the customer's first name, for a greeting that names nobody. */
    private static CustomerSnapshot nameless(CustomerSnapshot customer) {
        CustomerSnapshot.Profile p = customer.profile();
        CustomerSnapshot.Profile profile = new CustomerSnapshot.Profile(
                p.id(),
                "",
                p.birthday(),
                p.anniversary(),
                p.locale(),
                p.tier(),
                p.points(),
                p.homeStoreId(),
                p.memberSince(),
                p.attributes());
        return new CustomerSnapshot(profile, customer.consents(), customer.activity(), customer.openServiceOrders());
    }

    /** The membership's segments in id order, with their names. */
    private static List<SegmentRef> refs(Membership membership, List<Segment> segments) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Segment segment : segments) {
            names.put(segment.id(), segment.name());
        }
        List<SegmentRef> refs = new ArrayList<>(membership.segmentIds().size());
        for (String id : new TreeSet<>(membership.segmentIds())) {
            refs.add(new SegmentRef(id, names.getOrDefault(id, id)));
        }
        return refs;
    }

    private static Map<String, String> names(List<Segment> segments) {
        Map<String, String> names = new HashMap<>(segments.size() * 2);
        for (Segment segment : segments) {
            names.put(segment.id(), segment.name());
        }
        return names;
    }

    /** What a preview is decided over. */
    private record Loaded(
            PageContent page, List<Segment> segments, List<Experiment> experiments, List<StoreLocation> stores) {}
}
