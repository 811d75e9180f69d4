package dev.concierge.api.observability;

import dev.concierge.personalization.decision.PageDecision;
import dev.concierge.personalization.decision.Reason;
import dev.concierge.personalization.decision.SlotDecision;
import dev.concierge.personalization.experiment.Exposure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * What the feature adapters report: page decisions, experiment exposures and ingested events. In
 * Prometheus:
 *
 * <pre>
 * concierge_page_decisions_total{page, slot, variant, reason}   per decided slot of a page request
 * concierge_experiment_exposures_total{experiment, arm}         first exposures (arm "holdout")
 * concierge_ingest_events_total{outcome="accepted"|"duplicate"|"not_consented"}
 * </pre>
 *
 * <p>Cardinality stays bounded: pages, slots, variants (keys, or {@code none}), experiments and
 * arms are defined by editors and few; a reason is the first reason's code, an enum. No customer
 * or visitor ids.
 */
public final class DomainMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter duplicate;
    private final Counter notConsented;

    DomainMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = ingest("accepted");
        this.duplicate = ingest("duplicate");
        this.notConsented = ingest("not_consented");
    }

    /** The slots of one decided page (or of its offers), each once. */
    public void decided(String page, List<SlotDecision> slots) {
        for (SlotDecision slot : slots) {
            List<Reason> reasons = slot.reasons();
            Counter.builder("concierge.page.decisions")
                    .description("Decided slots of page requests")
                    .tag("page", page)
                    .tag("slot", slot.slot())
                    .tag(
                            "variant",
                            slot.chosen() == null ? "none" : slot.chosen().key())
                    .tag(
                            "reason",
                            reasons.isEmpty() ? "none" : reasons.get(0).code().name())
                    .register(registry)
                    .increment();
        }
    }

    /** A decided page's slots. */
    public void decided(PageDecision decision) {
        decided(decision.slug(), decision.slots());
    }

    /** A new (not deduplicated) experiment exposure. */
    public void exposed(Exposure exposure) {
        Counter.builder("concierge.experiment.exposures")
                .description("First exposures of subjects to experiments, by arm")
                .tag("experiment", exposure.experimentId())
                .tag("arm", exposure.arm() == null ? "holdout" : exposure.arm())
                .register(registry)
                .increment();
    }

    /** One ingested batch's outcome counts. */
    public void ingested(int acceptedEvents, int duplicateEvents, int notConsentedEvents) {
        accepted.increment(acceptedEvents);
        duplicate.increment(duplicateEvents);
        notConsented.increment(notConsentedEvents);
    }

    private Counter ingest(String outcome) {
        return Counter.builder("concierge.ingest.events")
                .description("Ingested browsing events by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
