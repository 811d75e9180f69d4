package dev.concierge.api.editor;

import dev.concierge.api.audit.AuditTrail;
import dev.concierge.api.page.PublishedChanges;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.content.ContentDraft;
import dev.concierge.personalization.content.ContentRules;
import dev.concierge.personalization.decision.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authors content, for the editor's API and the CMS webhook alike: validate everything first
 * (nothing is written when anything is wrong), then change the entry and append its audit row in
 * one transaction, then, when what is live changed, tell every instance before returning.
 *
 * <p>The draft of an entry is its newest version while that is unpublished. Publishing stamps the
 * draft (it becomes immutable) and points the entry at it; earlier versions stay readable.
 */
public class ContentAuthoring {

    /** Who makes a change, as the audit log records it: a token subject and role. */
    public record Actor(String subject, String role) {}

    /** Where a new entry goes and what it is. */
    public record Placement(String id, String pageSlug, String slot, ContentType type, String name) {}

    private final ContentStore store;
    private final AuditTrail audit;
    private final PublishedChanges changes;
    private final TransactionalOperator transactions;
    private final JsonMapper json;
    private final int maxVersionBytes;

    ContentAuthoring(
            ContentStore store,
            AuditTrail audit,
            PublishedChanges changes,
            TransactionalOperator transactions,
            JsonMapper json,
            int maxVersionBytes) {
        this.store = store;
        this.audit = audit;
        this.changes = changes;
        this.transactions = transactions;
        this.json = json;
        this.maxVersionBytes = maxVersionBytes;
    }

    /** A new entry with its first draft; an id already taken is {@code CONFLICT}. */
    public Mono<ContentEntry> create(Actor actor, String path, Placement placement, ContentDraft draft) {
        return validateNew(path, placement, draft)
                .then(store.entry(placement.id()).hasElement())
                .flatMap(taken -> taken ? Mono.error(taken(placement.id())) : Mono.empty())
                .then(store.insertEntry(
                                placement.id(),
                                placement.pageSlug(),
                                placement.slot(),
                                placement.type(),
                                placement.name(),
                                ContentEntry.Source.CONSOLE,
                                null)
                        .then(store.insertVersion(placement.id(), 1, draft, actor.subject()))
                        .then(record(actor, "content.create", placement.id(), null, summary(placement, 1, draft)))
                        .as(transactions::transactional))
                .onErrorMap(DuplicateKeyException.class, e -> taken(placement.id()))
                .then(Mono.defer(() -> store.entry(placement.id())));
    }

    /**
     * Replaces the entry's draft, or starts one after the newest version when there is none. An
     * archived entry is {@code CONFLICT}.
     */
    public Mono<ContentEntry> updateDraft(
            Actor actor, String path, String id, @Nullable String name, ContentDraft draft) {
        return existing(id)
                .flatMap(entry -> {
                    if (name != null) {
                        ContentRules.validateName(path + ".name", name);
                    }
                    return validateDraft(path, entry.pageSlug(), entry.slot(), entry.type(), draft)
                            .then(Mono.defer(() -> store.lock(id)))
                            .flatMap(locked -> {
                                requireEditable(locked);
                                return store.newest(id)
                                        .map(newest -> newest.draft()
                                                ? newest
                                                : new ContentStore.Newest(newest.version() + 1, true))
                                        .defaultIfEmpty(new ContentStore.Newest(1, true))
                                        .flatMap(next -> store.deleteDrafts(id)
                                                .then(store.insertVersion(id, next.version(), draft, actor.subject()))
                                                .then(store.touch(id, name))
                                                .then(record(
                                                        actor,
                                                        "content.update",
                                                        id,
                                                        summary(locked),
                                                        summary(rename(locked, name), next.version(), draft))));
                            })
                            .as(transactions::transactional);
                })
                .then(Mono.defer(() -> store.entry(id)));
    }

    /** Publishes the draft; no draft, or an archived entry, is {@code CONFLICT}. */
    public Mono<ContentEntry> publish(Actor actor, String id) {
        return existing(id)
                .then(Mono.defer(() -> store.lock(id))
                        .flatMap(entry -> {
                            requireEditable(entry);
                            return store.newest(id)
                                    .filter(ContentStore.Newest::draft)
                                    .switchIfEmpty(Mono.error(() -> ConciergeException.conflict(
                                            "Content entry '" + id + "' has no draft to publish")))
                                    .flatMap(draft -> store.publish(id, draft.version())
                                            .then(record(
                                                    actor,
                                                    "content.publish",
                                                    id,
                                                    summary(entry),
                                                    summary(with(
                                                            entry, ContentEntry.Status.PUBLISHED, draft.version())))))
                                    .thenReturn(entry);
                        })
                        .as(transactions::transactional))
                .flatMap(entry -> changes.contentChanged(entry.pageSlug()).then(store.entry(id)));
    }

    /** Takes the entry off every page; its versions stay. Not published is a no-op. */
    public Mono<ContentEntry> unpublish(Actor actor, String id) {
        return existing(id).then(retire(actor, id, ContentEntry.Status.DRAFT, entryId -> Mono.empty()));
    }

    /** Archives the entry: off every page, read-only from then on. Archived already is a no-op. */
    public Mono<ContentEntry> archive(Actor actor, String id) {
        return existing(id).then(retire(actor, id, ContentEntry.Status.ARCHIVED, entryId -> Mono.empty()));
    }

    /**
     * Creates or updates the CMS entry of {@code externalId} and publishes the draft at once as a
     * new version; {@code alongside} runs in the same transaction with the entry's id. An entry
     * that moved (another page, slot or type), or that was archived here, is {@code CONFLICT}; a
     * console entry holding the derived id is {@code CONFLICT} too.
     */
    public Mono<ContentEntry> publishExternal(
            Actor actor,
            String path,
            String externalId,
            Placement placement,
            ContentDraft draft,
            Function<String, Mono<Void>> alongside) {
        Mono<ContentEntry> change = store.byExternalId(externalId)
                .flatMap(found -> store.lock(found.id()))
                .flatMap(entry -> {
                    if (!entry.pageSlug().equals(placement.pageSlug())
                            || !entry.slot().equals(placement.slot())
                            || entry.type() != placement.type()) {
                        throw ConciergeException.conflict("CMS entry '" + externalId + "' is " + entry.type() + " in "
                                + entry.pageSlug() + "/" + entry.slot() + "; its page, slot and type cannot change:"
                                + " publish it under a new external id");
                    }
                    requireEditable(entry);
                    return store.deleteDrafts(entry.id())
                            .then(store.newest(entry.id()))
                            .map(newest -> newest.version() + 1)
                            .defaultIfEmpty(1)
                            .flatMap(version -> store.insertVersion(entry.id(), version, draft, actor.subject())
                                    .then(store.touch(entry.id(), placement.name()))
                                    .then(store.publish(entry.id(), version))
                                    .then(record(
                                            actor,
                                            "content.publish",
                                            entry.id(),
                                            summary(entry),
                                            summary(with(
                                                    rename(entry, placement.name()),
                                                    ContentEntry.Status.PUBLISHED,
                                                    version)))))
                            .thenReturn(entry);
                })
                .switchIfEmpty(Mono.defer(() -> store.entry(placement.id())
                        .hasElement()
                        .flatMap(taken -> taken
                                ? Mono.error(taken(placement.id()))
                                : store.insertEntry(
                                                placement.id(),
                                                placement.pageSlug(),
                                                placement.slot(),
                                                placement.type(),
                                                placement.name(),
                                                ContentEntry.Source.CMS,
                                                externalId)
                                        .then(store.insertVersion(placement.id(), 1, draft, actor.subject()))
                                        .then(store.publish(placement.id(), 1))
                                        .then(record(
                                                actor,
                                                "content.publish",
                                                placement.id(),
                                                null,
                                                publishedSummary(placement, externalId)))
                                        .then(store.entry(placement.id())))))
                .flatMap(entry -> alongside.apply(entry.id()).thenReturn(entry));
        return validateNew(path, placement, draft)
                .then(change.as(transactions::transactional))
                .onErrorMap(DuplicateKeyException.class, e -> taken(placement.id()))
                .flatMap(entry -> changes.contentChanged(entry.pageSlug()).then(store.entry(entry.id())));
    }

    /**
     * Takes the CMS entry of {@code externalId} off every page; {@code alongside} runs in the same
     * transaction. None is {@code NOT_FOUND}, archived is {@code CONFLICT}, not published a no-op.
     */
    public Mono<ContentEntry> unpublishExternal(
            Actor actor, String externalId, Function<String, Mono<Void>> alongside) {
        return store.byExternalId(externalId)
                .switchIfEmpty(Mono.error(() ->
                        ConciergeException.notFound("No CMS content entry with external id '" + externalId + "'")))
                .flatMap(entry -> retire(actor, entry.id(), ContentEntry.Status.DRAFT, alongside));
    }

    /** Unpublishes ({@code DRAFT}) or archives ({@code ARCHIVED}) the entry. */
    private Mono<ContentEntry> retire(
            Actor actor, String id, ContentEntry.Status to, Function<String, Mono<Void>> alongside) {
        String action = to == ContentEntry.Status.ARCHIVED ? "content.archive" : "content.unpublish";
        return store.lock(id)
                .flatMap(entry -> {
                    Mono<Void> change;
                    if (entry.status() == ContentEntry.Status.ARCHIVED) {
                        if (to != ContentEntry.Status.ARCHIVED) {
                            throw archived(id);
                        }
                        change = Mono.empty();
                    } else if (to == ContentEntry.Status.DRAFT && !entry.live()) {
                        change = Mono.empty();
                    } else {
                        change = store.retire(id, to)
                                .then(record(actor, action, id, summary(entry), summary(with(entry, to, null))));
                    }
                    return change.then(alongside.apply(id)).thenReturn(entry);
                })
                .as(transactions::transactional)
                .flatMap(before -> (before.live() ? changes.contentChanged(before.pageSlug()) : Mono.<Void>empty())
                        .then(store.entry(id)));
    }

    private Mono<ContentEntry> existing(String id) {
        return store.entry(id)
                .switchIfEmpty(Mono.error(() -> ConciergeException.notFound("No content entry '" + id + "'")));
    }

    private static void requireEditable(ContentEntry entry) {
        if (entry.status() == ContentEntry.Status.ARCHIVED) {
            throw archived(entry.id());
        }
    }

    private static ConciergeException archived(String id) {
        return ConciergeException.conflict("Content entry '" + id + "' is archived: it is read-only");
    }

    private static ConciergeException taken(String id) {
        return ConciergeException.conflict("A content entry with id '" + id + "' already exists");
    }

    private Mono<Void> validateNew(String path, Placement placement, ContentDraft draft) {
        return Mono.defer(() -> {
            ContentRules.validateId(path + ".id", placement.id());
            ContentRules.validateName(path + ".name", placement.name());
            return store.slotsOf(placement.pageSlug()).flatMap(slots -> {
                if (slots.isEmpty()) {
                    throw ConciergeException.badInput(
                            path + ".pageSlug", "no page '" + placement.pageSlug() + "' (see pageLayouts)");
                }
                if (!slots.contains(placement.slot())) {
                    throw ConciergeException.badInput(
                            path + ".slot",
                            "page '" + placement.pageSlug() + "' has no slot '" + placement.slot() + "'; its slots are "
                                    + slots);
                }
                return validateDraft(path, placement.pageSlug(), placement.slot(), placement.type(), draft);
            });
        });
    }

    /** The draft on its own, then the segments and experiments it names. */
    private Mono<Void> validateDraft(String path, String pageSlug, String slot, ContentType type, ContentDraft draft) {
        return Mono.defer(() -> {
            if (draft.type() != type) {
                throw new IllegalArgumentException("a " + draft.type() + " draft for a " + type + " entry");
            }
            ContentRules.validate(path, draft);
            int bytes = json.writeValueAsString(draft.fields()).getBytes(StandardCharsets.UTF_8).length;
            for (ContentDraft.Variant variant : draft.variants()) {
                bytes += json.writeValueAsString(variant.fields()).getBytes(StandardCharsets.UTF_8).length;
            }
            if (bytes > maxVersionBytes) {
                throw ConciergeException.badInput(
                        path + ".fields",
                        "the version's fields and its variants' fields take " + bytes + " bytes as JSON; at most "
                                + maxVersionBytes + " are allowed");
            }
            Set<String> segments = new LinkedHashSet<>();
            Set<String> experiments = new LinkedHashSet<>();
            for (ContentDraft.Variant variant : draft.variants()) {
                segments.addAll(variant.audience());
                if (variant.experimentId() != null) {
                    experiments.add(variant.experimentId());
                }
            }
            Mono<Map<String, String>> statuses =
                    segments.isEmpty() ? Mono.just(Map.of()) : store.segmentStatuses(segments);
            Mono<Map<String, ContentStore.ExperimentPlacement>> placements = experiments.isEmpty()
                    ? Mono.just(Map.of())
                    : store.experiments(experiments).collectMap(ContentStore.ExperimentPlacement::id);
            return Mono.zip(statuses, placements)
                    .doOnNext(found -> {
                        for (int i = 0; i < draft.variants().size(); i++) {
                            references(
                                    path + ".variants[" + i + "]",
                                    pageSlug,
                                    slot,
                                    draft.variants().get(i),
                                    found.getT1(),
                                    found.getT2());
                        }
                    })
                    .then();
        });
    }

    private static void references(
            String path,
            String pageSlug,
            String slot,
            ContentDraft.Variant variant,
            Map<String, String> segments,
            Map<String, ContentStore.ExperimentPlacement> experiments) {
        for (int j = 0; j < variant.audience().size(); j++) {
            String segment = variant.audience().get(j);
            String status = segments.get(segment);
            if (status == null) {
                throw ConciergeException.badInput(path + ".audience[" + j + "]", "no segment '" + segment + "'");
            }
            if (!"ACTIVE".equals(status)) {
                throw ConciergeException.badInput(
                        path + ".audience[" + j + "]", "segment '" + segment + "' is " + status + ", not ACTIVE");
            }
        }
        String experimentId = variant.experimentId();
        if (experimentId != null) {
            ContentStore.ExperimentPlacement experiment = experiments.get(experimentId);
            if (experiment == null) {
                throw ConciergeException.badInput(path + ".experimentId", "no experiment '" + experimentId + "'");
            }
            if (!experiment.pageSlug().equals(pageSlug) || !experiment.slot().equals(slot)) {
                throw ConciergeException.badInput(
                        path + ".experimentId",
                        "experiment '" + experimentId + "' runs on " + experiment.pageSlug() + "/" + experiment.slot()
                                + ", not on this entry's slot " + pageSlug + "/" + slot);
            }
            if (!experiment.arms().contains(variant.experimentArm())) {
                throw ConciergeException.badInput(
                        path + ".experimentArm",
                        "experiment '" + experimentId + "' has no arm '" + variant.experimentArm() + "'; its arms are "
                                + experiment.arms());
            }
        }
    }

    private Mono<Void> record(
            Actor actor, String action, String id, @Nullable Map<String, Object> before, Map<String, Object> after) {
        return audit.record(new AuditTrail.Change(
                actor.subject(), actor.role(), action, AuditTrail.EntityType.CONTENT, id, before, after));
    }

    /** What the audit log keeps of an entry: its placement and state, never content text. */
    private static Map<String, Object> summary(ContentEntry entry) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pageSlug", entry.pageSlug());
        summary.put("slot", entry.slot());
        summary.put("type", entry.type().name());
        summary.put("name", entry.name());
        summary.put("status", entry.status().name());
        summary.put("publishedVersion", entry.publishedVersion());
        return summary;
    }

    private static Map<String, Object> summary(ContentEntry entry, int draftVersion, ContentDraft draft) {
        Map<String, Object> summary = summary(entry);
        summary.put("draftVersion", draftVersion);
        summary.put("variants", keys(draft));
        return summary;
    }

    private static Map<String, Object> summary(Placement placement, int draftVersion, ContentDraft draft) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pageSlug", placement.pageSlug());
        summary.put("slot", placement.slot());
        summary.put("type", placement.type().name());
        summary.put("name", placement.name());
        summary.put("status", ContentEntry.Status.DRAFT.name());
        summary.put("publishedVersion", null);
        summary.put("draftVersion", draftVersion);
        summary.put("variants", keys(draft));
        return summary;
    }

    private static Map<String, Object> publishedSummary(Placement placement, String externalId) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pageSlug", placement.pageSlug());
        summary.put("slot", placement.slot());
        summary.put("type", placement.type().name());
        summary.put("name", placement.name());
        summary.put("status", ContentEntry.Status.PUBLISHED.name());
        summary.put("publishedVersion", 1);
        summary.put("externalId", externalId);
        return summary;
    }

    private static List<String> keys(ContentDraft draft) {
        List<String> keys = new ArrayList<>();
        for (ContentDraft.Variant variant : draft.variants()) {
            keys.add(variant.key());
        }
        return keys;
    }

    private static ContentEntry with(ContentEntry e, ContentEntry.Status status, @Nullable Integer publishedVersion) {
        return new ContentEntry(
                e.id(),
                e.pageSlug(),
                e.slot(),
                e.type(),
                e.name(),
                status,
                e.source(),
                e.externalId(),
                publishedVersion,
                e.createdAt(),
                e.updatedAt());
    }

    private static ContentEntry rename(ContentEntry e, @Nullable String name) {
        return name == null
                ? e
                : new ContentEntry(
                        e.id(),
                        e.pageSlug(),
                        e.slot(),
                        e.type(),
                        name,
                        e.status(),
                        e.source(),
                        e.externalId(),
                        e.publishedVersion(),
                        e.createdAt(),
                        e.updatedAt());
    }
}
