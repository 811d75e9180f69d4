package dev.concierge.personalization.decision;

import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.Subject;
import dev.concierge.personalization.decision.PageDecision.Mode;
import dev.concierge.personalization.experiment.Assignment;
import dev.concierge.personalization.experiment.Bucketing;
import dev.concierge.personalization.experiment.Experiment;
import dev.concierge.personalization.experiment.Exposure;
import dev.concierge.personalization.experiment.ExposureLog;
import dev.concierge.personalization.segment.Membership;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides a page for one subject: per slot the eligible variants (schedule, locale, audience,
 * consent), then priority, then the slot's experiment, each choice with its reasons; and the
 * greeting. Without {@code PERSONALIZATION} consent, or signed out, only content for everyone is
 * eligible, and the reasons say so.
 *
 * <p>Deterministic: the same request gives the same decision on every instance. Stateless apart
 * from the exposure log, so one instance serves every request. It runs on every page request, so
 * the per-variant work is plain loops without streams, regular expressions or boxing.
 */
public final class DecidePage {

    /** At most this many segment reasons per slot: more would not help a person reading them. */
    static final int MAX_SEGMENT_REASONS = 3;

    private static final Reason NOTHING_ELIGIBLE =
            Reason.of(Reason.Code.NO_ELIGIBLE_CONTENT, "Nothing published is eligible here now");
    private static final Reason DEFAULT_EVERYONE =
            Reason.of(Reason.Code.DEFAULT_EVERYONE, "Default: shown to everyone");
    private static final Reason DEFAULT_NO_CONSENT =
            Reason.of(Reason.Code.DEFAULT_NO_CONSENT, "Default: no personalization consent");
    private static final Reason DEFAULT_SIGNED_OUT = Reason.of(Reason.Code.DEFAULT_SIGNED_OUT, "Default: signed out");
    private static final List<Reason> PAGE_NO_CONSENT =
            List.of(Reason.of(Reason.Code.DEFAULT_NO_CONSENT, "Default page: no personalization consent"));
    private static final List<Reason> PAGE_SIGNED_OUT =
            List.of(Reason.of(Reason.Code.DEFAULT_SIGNED_OUT, "Default page: signed out"));

    private final ExposureLog exposures;

    public DecidePage(ExposureLog exposures) {
        this.exposures = Objects.requireNonNull(exposures, "exposures");
    }

    public PageDecision decide(PageRequest request) {
        Mode mode = modeOf(request.customer());
        List<PageContent.Slot> slots = request.content().slots();
        List<SlotDecision> decisions = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            decisions.add(decideSlot(request, mode, slots.get(i)));
        }
        List<Reason> reasons = switch (mode) {
            case PERSONALIZED -> List.of();
            case NO_CONSENT -> PAGE_NO_CONSENT;
            case SIGNED_OUT -> PAGE_SIGNED_OUT;
        };
        return new PageDecision(
                request.content().slug(),
                mode,
                decisions,
                Greetings.greet(mode, request.customer(), request.context()),
                reasons);
    }

    private static Mode modeOf(@Nullable CustomerSnapshot customer) {
        if (customer == null) {
            return Mode.SIGNED_OUT;
        }
        return customer.consents().granted(ConsentPurpose.PERSONALIZATION) ? Mode.PERSONALIZED : Mode.NO_CONSENT;
    }

    private SlotDecision decideSlot(PageRequest request, Mode mode, PageContent.Slot slot) {
        List<ContentVariant> variants = slot.variants();
        int count = variants.size();
        Instant now = request.context().now();
        String locale = request.context().locale();
        Membership membership = request.membership();
        boolean personalized = mode == Mode.PERSONALIZED;
        Subject subject = request.subject();
        Experiment experiment = runningExperiment(request, slot.name());
        // customers without consent and visitors without an anonymous id are never bucketed
        Experiment bucketing = subject == null || mode == Mode.NO_CONSENT ? null : experiment;

        // per variant: Locales.NO_MATCH when ineligible, else its locale specificity
        int[] specificity = new int[count];
        int fallback = -1;
        boolean experimentEligible = false;
        int experimentPriority = 0;
        for (int i = 0; i < count; i++) {
            ContentVariant variant = variants.get(i);
            int fit = eligibility(variant, now, locale, personalized, membership, bucketing);
            specificity[i] = fit;
            if (fit == Locales.NO_MATCH) {
                continue;
            }
            if (variant.experimentId() != null) {
                experimentPriority =
                        experimentEligible ? Math.max(experimentPriority, variant.priority()) : variant.priority();
                experimentEligible = true;
            } else if (fallback < 0 || outranks(variant, fit, variants.get(fallback), specificity[fallback])) {
                fallback = i;
            }
        }

        int chosen = fallback;
        Assignment assignment = null;
        boolean armWithoutVariant = false;
        if (bucketing != null
                && subject != null
                && experimentEligible
                && (fallback < 0 || experimentPriority >= variants.get(fallback).priority())) {
            assignment = Bucketing.assign(bucketing, subject);
            String arm = assignment.arm();
            if (arm != null) {
                int armChoice = bestOfArm(variants, specificity, arm);
                if (armChoice >= 0) {
                    chosen = armChoice;
                } else {
                    armWithoutVariant = true;
                }
            }
            if (request.recordExposures()) {
                exposures.record(new Exposure(bucketing.id(), subject, arm, now));
            }
        }

        ContentVariant choice = chosen < 0 ? null : variants.get(chosen);
        List<Reason> reasons = new ArrayList<>(6);
        if (choice == null) {
            reasons.add(NOTHING_ELIGIBLE);
        } else if (!choice.forEveryone()) {
            addSegmentReasons(reasons, choice.audienceSegmentIds(), membership, request.segmentNames());
        } else if (personalized) {
            reasons.add(DEFAULT_EVERYONE);
        }
        if (mode == Mode.NO_CONSENT) {
            reasons.add(DEFAULT_NO_CONSENT);
        } else if (mode == Mode.SIGNED_OUT) {
            reasons.add(DEFAULT_SIGNED_OUT);
        }
        if (choice != null) {
            String variantLocale = choice.locale();
            if (variantLocale != null) {
                reasons.add(Reason.of(Reason.Code.LOCALE_MATCH, "Locale " + variantLocale + " for " + locale));
            }
            int outranked = outrankedByPriority(variants, specificity, chosen, assignment);
            if (outranked > 0) {
                reasons.add(Reason.of(
                        Reason.Code.PRIORITY,
                        "Priority " + choice.priority() + " over " + outranked + " other eligible variant"
                                + (outranked == 1 ? "" : "s")));
            }
        }
        if (assignment != null) {
            String arm = assignment.arm();
            if (arm == null) {
                reasons.add(Reason.of(
                        Reason.Code.EXPERIMENT_HOLDOUT, assignment.experimentId() + ": holdout (default content)"));
            } else {
                reasons.add(Reason.of(Reason.Code.EXPERIMENT_ARM, assignment.experimentId() + "/" + arm));
                if (armWithoutVariant) {
                    reasons.add(Reason.of(
                            Reason.Code.NO_ELIGIBLE_CONTENT,
                            "Nothing of arm " + arm + " is eligible here; showing the non-experiment choice"));
                }
            }
        }
        return new SlotDecision(slot.name(), choice, assignment, reasons);
    }

    /** The first running experiment on this page slot, in the request's order. */
    private static @Nullable Experiment runningExperiment(PageRequest request, String slot) {
        List<Experiment> experiments = request.experiments();
        String slug = request.content().slug();
        for (int i = 0; i < experiments.size(); i++) {
            Experiment experiment = experiments.get(i);
            if (experiment.running()
                    && experiment.slot().equals(slot)
                    && experiment.pageSlug().equals(slug)) {
                return experiment;
            }
        }
        return null;
    }

    /**
     * {@link Locales#NO_MATCH} when the variant may not be shown, otherwise its locale specificity.
     * A variant of an experiment is eligible only for an arm of {@code experiment}, the slot's
     * running experiment when the subject may be bucketed (null otherwise).
     */
    private static int eligibility(
            ContentVariant variant,
            Instant now,
            String locale,
            boolean personalized,
            Membership membership,
            @Nullable Experiment experiment) {
        if (!variant.schedule().contains(now)) {
            return Locales.NO_MATCH;
        }
        String experimentId = variant.experimentId();
        if (experimentId != null
                && (experiment == null
                        || !experimentId.equals(experiment.id())
                        || !hasArm(experiment, variant.experimentArm()))) {
            return Locales.NO_MATCH;
        }
        if (!variant.forEveryone() && !(personalized && sharesSegment(variant.audienceSegmentIds(), membership))) {
            return Locales.NO_MATCH;
        }
        return Locales.specificity(variant.locale(), locale);
    }

    private static boolean hasArm(Experiment experiment, @Nullable String arm) {
        if (arm == null) {
            return false;
        }
        List<Experiment.Arm> arms = experiment.arms();
        for (int i = 0; i < arms.size(); i++) {
            if (arms.get(i).key().equals(arm)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sharesSegment(Set<String> audience, Membership membership) {
        for (String segmentId : audience) {
            if (membership.contains(segmentId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The total order among eligible variants: higher priority, then the more specific locale,
     * then targeted over everyone, then entry id, key and the newer version.
     */
    private static boolean outranks(ContentVariant a, int aSpecificity, ContentVariant b, int bSpecificity) {
        if (a.priority() != b.priority()) {
            return a.priority() > b.priority();
        }
        if (aSpecificity != bSpecificity) {
            return aSpecificity > bSpecificity;
        }
        if (a.forEveryone() != b.forEveryone()) {
            return !a.forEveryone();
        }
        int byEntry = a.entryId().compareTo(b.entryId());
        if (byEntry != 0) {
            return byEntry < 0;
        }
        int byKey = a.key().compareTo(b.key());
        if (byKey != 0) {
            return byKey < 0;
        }
        return a.version() > b.version();
    }

    /** The index of the best eligible variant of the arm, or -1. */
    private static int bestOfArm(List<ContentVariant> variants, int[] specificity, String arm) {
        int best = -1;
        for (int i = 0; i < variants.size(); i++) {
            ContentVariant variant = variants.get(i);
            if (specificity[i] != Locales.NO_MATCH
                    && variant.experimentId() != null
                    && arm.equals(variant.experimentArm())
                    && (best < 0 || outranks(variant, specificity[i], variants.get(best), specificity[best]))) {
                best = i;
            }
        }
        return best;
    }

    /**
     * How many eligible variants the choice beat on priority alone. When the experiment applied,
     * its variants outside the subject's arm lost to bucketing, not to priority, and do not count.
     */
    private static int outrankedByPriority(
            List<ContentVariant> variants, int[] specificity, int chosen, @Nullable Assignment assignment) {
        ContentVariant choice = variants.get(chosen);
        int priority = choice.priority();
        String competingArm = choice.experimentId() == null ? null : choice.experimentArm();
        int outranked = 0;
        for (int i = 0; i < variants.size(); i++) {
            ContentVariant variant = variants.get(i);
            if (i == chosen || specificity[i] == Locales.NO_MATCH || variant.priority() >= priority) {
                continue;
            }
            if (assignment != null
                    && variant.experimentId() != null
                    && (competingArm == null || !competingArm.equals(variant.experimentArm()))) {
                continue;
            }
            outranked++;
        }
        return outranked;
    }

    /** One reason per audience segment the subject is in, by segment id, at most {@link #MAX_SEGMENT_REASONS}. */
    private static void addSegmentReasons(
            List<Reason> reasons, Set<String> audience, Membership membership, Map<String, String> names) {
        String[] matched = new String[audience.size()];
        int count = 0;
        for (String segmentId : audience) {
            if (membership.contains(segmentId)) {
                matched[count++] = segmentId;
            }
        }
        // a set's iteration order differs between JVMs; sorting keeps the reasons the same everywhere
        Arrays.sort(matched, 0, count);
        for (int i = 0; i < count && i < MAX_SEGMENT_REASONS; i++) {
            reasons.add(Reason.of(Reason.Code.SEGMENT_MATCH, names.getOrDefault(matched[i], matched[i])));
        }
    }
}
