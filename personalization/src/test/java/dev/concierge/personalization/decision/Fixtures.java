package dev.concierge.personalization.decision;

import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.Consent;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.Consents;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.customer.Subject;
import dev.concierge.personalization.experiment.Experiment;
import dev.concierge.personalization.experiment.Exposure;
import dev.concierge.personalization.experiment.ExposureLog;
import dev.concierge.personalization.segment.Membership;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Builders for the decision tests: variants, customers, contexts and an exposure log that remembers. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
    static final String PAGE = "home";
    static final String CUSTOMER_ID = "customer-1";

    private Fixtures() {}

    static RequestContext context(Instant now) {
        return context(now, "en-US", ZoneOffset.UTC);
    }

    static RequestContext context(Instant now, String locale, ZoneId zone) {
        return new RequestContext(Channel.WEB, locale, zone, null, null, now);
    }

    static VariantBuilder variant(String key) {
        return new VariantBuilder(key);
    }

    static CustomerBuilder customer() {
        return new CustomerBuilder();
    }

    static Membership member(String... segmentIds) {
        return new Membership(Set.of(segmentIds));
    }

    static PageContent.Slot slot(String name, VariantBuilder... variants) {
        List<ContentVariant> built = new ArrayList<>();
        for (VariantBuilder variant : variants) {
            built.add(variant.build());
        }
        return new PageContent.Slot(name, built);
    }

    static RequestBuilder page(PageContent.Slot... slots) {
        return new RequestBuilder(List.of(slots));
    }

    /** A page request for a customer with consent, no segments, no experiments, recording exposures. */
    static final class RequestBuilder {
        private final List<PageContent.Slot> slots;
        private @Nullable Subject subject;
        private @Nullable CustomerSnapshot customer;
        private Membership membership = Membership.NONE;
        private Map<String, String> segmentNames = Map.of();
        private List<Experiment> experiments = List.of();
        private RequestContext context = Fixtures.context(NOW);
        private boolean recordExposures = true;

        private RequestBuilder(List<PageContent.Slot> slots) {
            this.slots = slots;
            customer(Fixtures.customer().build());
        }

        RequestBuilder customer(CustomerSnapshot customer) {
            this.customer = customer;
            this.subject = Subject.customer(customer.customerId());
            return this;
        }

        RequestBuilder anonymous(String anonymousId) {
            this.customer = null;
            this.subject = Subject.anonymous(anonymousId);
            return this;
        }

        RequestBuilder nobody() {
            this.customer = null;
            this.subject = null;
            return this;
        }

        RequestBuilder membership(Membership membership) {
            this.membership = membership;
            return this;
        }

        RequestBuilder segmentNames(Map<String, String> segmentNames) {
            this.segmentNames = segmentNames;
            return this;
        }

        RequestBuilder experiments(Experiment... experiments) {
            this.experiments = List.of(experiments);
            return this;
        }

        RequestBuilder context(RequestContext context) {
            this.context = context;
            return this;
        }

        RequestBuilder preview() {
            this.recordExposures = false;
            return this;
        }

        PageRequest build() {
            return new PageRequest(
                    new PageContent(PAGE, slots),
                    experiments,
                    subject,
                    customer,
                    membership,
                    segmentNames,
                    context,
                    recordExposures);
        }
    }

    /** A mutable builder: tests state only what matters to them. */
    static final class VariantBuilder {
        private final String key;
        private String entryId;
        private int version = 1;
        private Set<String> audience = Set.of();
        private int priority;
        private @Nullable String locale;
        private Schedule schedule = Schedule.ALWAYS;
        private @Nullable String experimentId;
        private @Nullable String arm;

        private VariantBuilder(String key) {
            this.key = key;
            this.entryId = "entry-" + key;
        }

        VariantBuilder entry(String entryId) {
            this.entryId = entryId;
            return this;
        }

        VariantBuilder version(int version) {
            this.version = version;
            return this;
        }

        VariantBuilder priority(int priority) {
            this.priority = priority;
            return this;
        }

        VariantBuilder audience(String... segmentIds) {
            this.audience = Set.of(segmentIds);
            return this;
        }

        VariantBuilder locale(@Nullable String locale) {
            this.locale = locale;
            return this;
        }

        VariantBuilder schedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        VariantBuilder arm(String experimentId, String arm) {
            this.experimentId = experimentId;
            this.arm = arm;
            return this;
        }

        ContentVariant build() {
            return new ContentVariant(
                    entryId,
                    version,
                    key,
                    ContentType.HERO,
                    audience,
                    priority,
                    locale,
                    schedule,
                    experimentId,
                    arm,
                    Map.of("title", key));
        }
    }

    static final class CustomerBuilder {
        private String id = CUSTOMER_ID;
        private boolean personalization = true;
        private String firstName = "Ada";
        private @Nullable LocalDate birthday;
        private @Nullable LocalDate anniversary;
        private @Nullable Instant lastPurchaseAt;
        private @Nullable Instant lastEventAt;

        CustomerBuilder id(String id) {
            this.id = id;
            return this;
        }

        CustomerBuilder withoutConsent() {
            this.personalization = false;
            return this;
        }

        CustomerBuilder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        CustomerBuilder birthday(@Nullable LocalDate birthday) {
            this.birthday = birthday;
            return this;
        }

        CustomerBuilder anniversary(@Nullable LocalDate anniversary) {
            this.anniversary = anniversary;
            return this;
        }

        CustomerBuilder lastPurchaseAt(@Nullable Instant at) {
            this.lastPurchaseAt = at;
            return this;
        }

        CustomerBuilder lastEventAt(@Nullable Instant at) {
            this.lastEventAt = at;
            return this;
        }

        CustomerSnapshot build() {
            Instant since = Instant.parse("2020-01-01T00:00:00Z");
            var profile = new CustomerSnapshot.Profile(
                    id, firstName, birthday, anniversary, "en-US", LoyaltyTier.GOLD, 120, null, since, Map.of());
            var consents = Consents.fromLedger(
                    List.of(new Consent(ConsentPurpose.PERSONALIZATION, personalization, "web", since)));
            var activity = new CustomerSnapshot.Activity(
                    List.of(),
                    Map.of(),
                    Map.of(),
                    List.of(),
                    0,
                    BigDecimal.ZERO,
                    lastPurchaseAt,
                    lastPurchaseAt,
                    0,
                    lastEventAt);
            return new CustomerSnapshot(profile, consents, activity, List.of());
        }

        Subject subject() {
            return Subject.customer(id);
        }
    }

    /** An exposure log that keeps what it is given, in order. */
    static final class RecordingExposureLog implements ExposureLog {
        final List<Exposure> recorded = new ArrayList<>();

        @Override
        public void record(Exposure exposure) {
            recorded.add(exposure);
        }
    }
}
