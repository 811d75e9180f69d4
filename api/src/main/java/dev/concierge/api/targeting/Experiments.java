package dev.concierge.api.targeting;

import dev.concierge.api.audit.AuditTrail;
import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.page.PublishedChanges;
import dev.concierge.api.security.Caller;
import dev.concierge.api.security.Role;
import dev.concierge.personalization.ConciergeException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates experiments as drafts and moves them DRAFT to RUNNING to STOPPED; any other transition
 * is {@code CONFLICT}. At most one experiment runs on a slot: checked here for a clear message,
 * and guarded by a unique index against two editors starting at once. Arm weights must add up to
 * exactly 100 — an editor-facing rule: the core's bucketing accepts any positive weights.
 */
class Experiments {

    /** The sum of the arms' weights: they are percentages. */
    static final int TOTAL_WEIGHT = 100;

    /** holdout_share is numeric(5, 4). */
    static final int HOLDOUT_DECIMALS = 4;

    private final ExperimentRepository experiments;
    private final AuditTrail audit;
    private final PublishedChanges changes;
    private final TransactionalOperator transactions;
    private final ConciergeProperties properties;

    Experiments(
            ExperimentRepository experiments,
            AuditTrail audit,
            PublishedChanges changes,
            TransactionalOperator transactions,
            ConciergeProperties properties) {
        this.experiments = experiments;
        this.audit = audit;
        this.changes = changes;
        this.transactions = transactions;
        this.properties = properties;
    }

    Mono<ExperimentDefinition> create(Caller caller, Inputs.CreateExperimentInput input) {
        return Mono.fromCallable(() -> validate(input))
                .flatMap(draft -> experiments
                        .slot(draft.pageSlug(), draft.slot())
                        .flatMap(lookup -> {
                            if (!lookup.pageExists()) {
                                return Mono.error(ConciergeException.badInput(
                                        "input.pageSlug", "no page '" + draft.pageSlug() + "'"));
                            }
                            if (!lookup.slotExists()) {
                                return Mono.error(ConciergeException.badInput(
                                        "input.slot",
                                        "page '" + draft.pageSlug() + "' has no slot '" + draft.slot() + "'"));
                            }
                            return experiments.exists(draft.id());
                        })
                        .flatMap(taken -> taken
                                ? Mono.error(conflictingId(draft.id()))
                                : experiments
                                        .insert(draft)
                                        .then(experiments.find(draft.id()))
                                        .flatMap(created -> audit.record(
                                                        change(caller, "experiment.create", null, created))
                                                .thenReturn(created))
                                        .as(transactions::transactional)))
                .onErrorMap(DuplicateKeyException.class, e -> conflictingId(input.id()))
                .flatMap(created ->
                        changes.experimentsChanged(created.pageSlug()).thenReturn(created));
    }

    Mono<ExperimentDefinition> start(Caller caller, String id) {
        return experiments
                .lock(id)
                .switchIfEmpty(Mono.error(() -> noExperiment(id)))
                .flatMap(before -> {
                    if (before.status() != ExperimentDefinition.Status.DRAFT) {
                        return Mono.error(ConciergeException.conflict("Experiment '" + id + "' is " + before.status()
                                + "; only a DRAFT experiment can start"));
                    }
                    return experiments
                            .runningOn(before.pageSlug(), before.slot(), id)
                            .next()
                            .flatMap(other -> Mono.<ExperimentDefinition>error(alreadyRunning(before, other)))
                            .switchIfEmpty(Mono.defer(() -> experiments
                                    .start(id)
                                    .then(experiments.find(id))
                                    .flatMap(after -> audit.record(change(caller, "experiment.start", before, after))
                                            .thenReturn(after))));
                })
                .as(transactions::transactional)
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> ConciergeException.conflict("Experiment '" + id
                                + "' cannot start: another experiment started on its slot at the same time; stop that one"
                                + " first"))
                .flatMap(after -> changes.experimentsChanged(after.pageSlug()).thenReturn(after));
    }

    Mono<ExperimentDefinition> stop(Caller caller, String id) {
        return experiments
                .lock(id)
                .switchIfEmpty(Mono.error(() -> noExperiment(id)))
                .flatMap(before -> {
                    if (before.status() != ExperimentDefinition.Status.RUNNING) {
                        return Mono.error(ConciergeException.conflict("Experiment '" + id + "' is " + before.status()
                                + "; only a RUNNING experiment can stop"));
                    }
                    return experiments
                            .stop(id)
                            .then(experiments.find(id))
                            .flatMap(after -> audit.record(change(caller, "experiment.stop", before, after))
                                    .thenReturn(after));
                })
                .as(transactions::transactional)
                .flatMap(after -> changes.experimentsChanged(after.pageSlug()).thenReturn(after));
    }

    /** The draft the input describes, or the first problem with it. */
    private ExperimentDefinition validate(Inputs.CreateExperimentInput input) {
        Segments.checkId(input.id());
        String name = input.name().strip();
        int maxLength = properties.limits().stringLength();
        if (name.isEmpty() || name.length() > maxLength) {
            throw ConciergeException.badInput(
                    "input.name", "must not be blank and may have at most " + maxLength + " characters");
        }
        String description = text(input.description(), "input.description", maxLength);
        double holdout = input.holdoutShare() == null ? 0 : input.holdoutShare();
        if (!(holdout >= 0 && holdout < 1)) {
            throw ConciergeException.badInput(
                    "input.holdoutShare", "must be at least 0 and less than 1, got " + input.holdoutShare());
        }
        if (BigDecimal.valueOf(holdout).stripTrailingZeros().scale() > HOLDOUT_DECIMALS) {
            throw ConciergeException.badInput(
                    "input.holdoutShare",
                    "may have at most " + HOLDOUT_DECIMALS + " decimal places, got " + input.holdoutShare());
        }
        List<Inputs.ExperimentArmInput> inputs = input.arms();
        if (inputs.size() < 2) {
            throw ConciergeException.badInput(
                    "input.arms", "an experiment needs at least two arms, got " + inputs.size());
        }
        Set<String> keys = new HashSet<>();
        List<ExperimentDefinition.Arm> arms = new ArrayList<>(inputs.size());
        long total = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Inputs.ExperimentArmInput arm = inputs.get(i);
            String path = "input.arms[" + i + "]";
            if (arm.key().length() > Inputs.MAX_ID_LENGTH
                    || !Inputs.ARM_KEY.matcher(arm.key()).matches()) {
                throw ConciergeException.badInput(
                        path + ".key",
                        "expected letters, digits, '-' and '_', starting with a letter or digit, at most "
                                + Inputs.MAX_ID_LENGTH + " characters");
            }
            if (!keys.add(arm.key())) {
                throw ConciergeException.badInput(path + ".key", "arm '" + arm.key() + "' is listed twice");
            }
            if (arm.weight() <= 0) {
                throw ConciergeException.badInput(path + ".weight", "must be a positive integer, got " + arm.weight());
            }
            total += arm.weight();
            arms.add(new ExperimentDefinition.Arm(
                    arm.key(), arm.weight(), text(arm.description(), path + ".description", maxLength)));
        }
        if (total != TOTAL_WEIGHT) {
            throw ConciergeException.badInput(
                    "input.arms",
                    "the arms' weights are percentages and must add up to " + TOTAL_WEIGHT + ", got " + total);
        }
        arms.sort((a, b) -> a.key().compareTo(b.key()));
        return new ExperimentDefinition(
                input.id(),
                name,
                description,
                input.pageSlug(),
                input.slot(),
                ExperimentDefinition.Status.DRAFT,
                holdout,
                arms,
                null,
                null);
    }

    private static @Nullable String text(@Nullable String text, String path, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > maxLength) {
            throw ConciergeException.badInput(path, "may have at most " + maxLength + " characters");
        }
        return text.strip();
    }

    private static AuditTrail.Change change(
            Caller caller, String action, @Nullable ExperimentDefinition before, ExperimentDefinition after) {
        return new AuditTrail.Change(
                caller.subject() == null ? "unknown" : caller.subject(),
                Role.EDITOR.name(),
                action,
                AuditTrail.EntityType.EXPERIMENT,
                after.id(),
                before == null ? null : before.summary(),
                after.summary());
    }

    private static ConciergeException alreadyRunning(ExperimentDefinition experiment, String other) {
        return ConciergeException.conflict("Experiment '" + other + "' is already running on " + experiment.pageSlug()
                + "/" + experiment.slot() + "; stop it before starting '" + experiment.id() + "'");
    }

    private static ConciergeException conflictingId(String id) {
        return ConciergeException.conflict("An experiment with id '" + id + "' already exists");
    }

    private static ConciergeException noExperiment(String id) {
        return ConciergeException.notFound("No experiment '" + id + "'");
    }
}
