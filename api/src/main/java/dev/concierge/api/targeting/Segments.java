package dev.concierge.api.targeting;

import dev.concierge.api.audit.AuditTrail;
import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.page.PublishedChanges;
import dev.concierge.api.security.Caller;
import dev.concierge.api.security.Role;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.segment.SegmentRules;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates, changes and archives segments. Input is validated before anything is written; the
 * change and its audit row commit together; once committed, every instance drops its cached
 * segments before the mutation returns, so the next page anywhere uses the change.
 */
class Segments {

    /** The most entries an archive conflict names. */
    private static final int NAMED_ENTRIES = 20;

    private final SegmentRepository segments;
    private final AuditTrail audit;
    private final PublishedChanges changes;
    private final TransactionalOperator transactions;
    private final ConciergeProperties properties;

    Segments(
            SegmentRepository segments,
            AuditTrail audit,
            PublishedChanges changes,
            TransactionalOperator transactions,
            ConciergeProperties properties) {
        this.segments = segments;
        this.audit = audit;
        this.changes = changes;
        this.transactions = transactions;
        this.properties = properties;
    }

    Mono<SegmentDefinition> create(Caller caller, Inputs.CreateSegmentInput input) {
        return Mono.fromCallable(() -> {
                    checkId(input.id());
                    SegmentRules.parse(input.rule(), "input.rule");
                    return name(input.name());
                })
                .flatMap(name -> segments.exists(input.id())
                        .flatMap(taken -> taken
                                ? Mono.error(ConciergeException.conflict(
                                        "A segment with id '" + input.id() + "' already exists"))
                                : uniqueName(name, input.id()))
                        .then(segments.insert(
                                input.id(), name, description(input.description()), input.rule(), caller.subject()))
                        .flatMap(created -> audit.record(change(caller, "segment.create", created.id(), null, created))
                                .thenReturn(created))
                        .as(transactions::transactional))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> ConciergeException.conflict("A segment with id '" + input.id() + "' or named '"
                                + input.name() + "' already exists"))
                .flatMap(created -> changes.segmentsChanged().thenReturn(created));
    }

    Mono<SegmentDefinition> update(Caller caller, Inputs.UpdateSegmentInput input) {
        return Mono.fromCallable(() -> {
                    if (input.rule() != null) {
                        SegmentRules.parse(input.rule(), "input.rule");
                    }
                    if (input.name() != null) {
                        name(input.name());
                    }
                    description(input.description());
                    return input;
                })
                .flatMap(valid -> segments.lock(input.id())
                        .switchIfEmpty(Mono.error(() -> noSegment(input.id())))
                        .flatMap(before -> {
                            if (before.status() == SegmentDefinition.Status.ARCHIVED) {
                                return Mono.error(ConciergeException.conflict(
                                        "Segment '" + input.id() + "' is archived and can no longer change"));
                            }
                            String name = input.name() == null ? before.name() : name(input.name());
                            String description = input.description() == null
                                    ? before.description()
                                    : description(input.description());
                            Object rule = input.rule() == null ? before.rule() : input.rule();
                            return uniqueName(name, input.id())
                                    .then(segments.update(input.id(), name, description, rule))
                                    .flatMap(after -> audit.record(
                                                    change(caller, "segment.update", input.id(), before, after))
                                            .thenReturn(after));
                        })
                        .as(transactions::transactional))
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> ConciergeException.conflict("Another segment is already named '" + input.name() + "'"))
                .flatMap(updated -> changes.segmentsChanged().thenReturn(updated));
    }

    /** Archives the segment; archiving an archived segment changes nothing and returns it. */
    Mono<SegmentDefinition> archive(Caller caller, String id) {
        return segments.lock(id)
                .switchIfEmpty(Mono.error(() -> noSegment(id)))
                .flatMap(before -> {
                    if (before.status() == SegmentDefinition.Status.ARCHIVED) {
                        return Mono.just(new Archived(before, false));
                    }
                    return segments.targetingEntries(id).flatMap(entries -> {
                        if (!entries.isEmpty()) {
                            return Mono.error(ConciergeException.conflict("Segment '" + id
                                    + "' is still targeted by published or draft content: " + names(entries)
                                    + "; remove it from their variants first"));
                        }
                        return segments.archive(id)
                                .flatMap(after -> audit.record(change(caller, "segment.archive", id, before, after))
                                        .thenReturn(new Archived(after, true)));
                    });
                })
                .as(transactions::transactional)
                .flatMap(archived -> archived.changed()
                        ? changes.segmentsChanged().thenReturn(archived.segment())
                        : Mono.just(archived.segment()));
    }

    private record Archived(SegmentDefinition segment, boolean changed) {}

    private Mono<Void> uniqueName(String name, String id) {
        return segments.namedAs(name, id)
                .next()
                .flatMap(other -> Mono.<Void>error(
                        ConciergeException.conflict("Segment '" + other + "' is already named '" + name + "'")));
    }

    private static AuditTrail.Change change(
            Caller caller,
            String action,
            String id,
            @Nullable SegmentDefinition before,
            @Nullable SegmentDefinition after) {
        return new AuditTrail.Change(
                caller.subject() == null ? "unknown" : caller.subject(),
                Role.EDITOR.name(),
                action,
                AuditTrail.EntityType.SEGMENT,
                id,
                before == null ? null : before.summary(),
                after == null ? null : after.summary());
    }

    static void checkId(@Nullable String id) {
        if (id == null
                || id.length() > Inputs.MAX_ID_LENGTH
                || !Inputs.ID.matcher(id).matches()) {
            throw ConciergeException.badInput(
                    "input.id",
                    "expected lower-case letters, digits, '-' and '_', starting with a letter or digit, at most "
                            + Inputs.MAX_ID_LENGTH + " characters");
        }
    }

    private String name(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            throw ConciergeException.badInput("input.name", "must not be blank");
        }
        if (trimmed.length() > properties.limits().stringLength()) {
            throw ConciergeException.badInput(
                    "input.name", "may have at most " + properties.limits().stringLength() + " characters");
        }
        return trimmed;
    }

    /** Blank means none. */
    private @Nullable String description(@Nullable String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.length() > properties.limits().stringLength()) {
            throw ConciergeException.badInput(
                    "input.description",
                    "may have at most " + properties.limits().stringLength() + " characters");
        }
        return description.strip();
    }

    private static ConciergeException noSegment(String id) {
        return ConciergeException.notFound("No segment '" + id + "'");
    }

    private static String names(List<String> entries) {
        List<String> shown = entries.size() > NAMED_ENTRIES ? entries.subList(0, NAMED_ENTRIES) : entries;
        String list = String.join(", ", shown);
        return entries.size() > NAMED_ENTRIES ? list + " and " + (entries.size() - NAMED_ENTRIES) + " more" : list;
    }
}
