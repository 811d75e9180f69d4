package dev.concierge.api.editor;

import dev.concierge.api.audit.AuditTrail;
import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.graphql.Batches;
import dev.concierge.api.graphql.Cursors;
import dev.concierge.api.security.Caller;
import dev.concierge.api.security.Role;
import dev.concierge.personalization.decision.ContentType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Content authoring, page layouts and the audit log for editors. */
@Controller
class ContentController {

    private final ContentStore store;
    private final ContentAuthoring authoring;
    private final AuditTrail audit;
    private final ConciergeProperties properties;

    ContentController(
            ContentStore store, ContentAuthoring authoring, AuditTrail audit, ConciergeProperties properties) {
        this.store = store;
        this.authoring = authoring;
        this.audit = audit;
        this.properties = properties;
    }

    /** A new entry and its first draft. */
    record CreateContentEntryInput(
            String id,
            String pageSlug,
            String slot,
            ContentType type,
            String name,
            @Nullable Object fields,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable List<ContentVariantInput> variants) {}

    /** The new state of an entry's draft. */
    record UpdateContentDraftInput(
            String id,
            @Nullable String name,
            @Nullable Object fields,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable List<ContentVariantInput> variants) {}

    @QueryMapping
    Flux<ContentEntry> contentEntries(
            @Argument @Nullable String pageSlug,
            @Argument ContentEntry.@Nullable Status status,
            @Argument @Nullable Integer first) {
        return editor().flatMapMany(caller -> store.entries(
                pageSlug,
                status,
                Cursors.pageSize(first, 100, properties.limits().pageSize())));
    }

    @QueryMapping
    Mono<ContentEntry> contentEntry(@Argument String id) {
        return editor().flatMap(caller -> store.entry(id));
    }

    @QueryMapping
    Mono<List<PageLayout>> pageLayouts() {
        return editor().flatMap(caller -> store.slots().collectList()).map(slots -> {
            Map<String, List<SlotLayout>> pages = new LinkedHashMap<>();
            for (SlotLayout slot : slots) {
                pages.computeIfAbsent(slot.pageSlug(), slug -> new ArrayList<>())
                        .add(slot);
            }
            List<PageLayout> layouts = new ArrayList<>();
            pages.forEach((slug, pageSlots) -> layouts.add(new PageLayout(slug, List.copyOf(pageSlots))));
            return layouts;
        });
    }

    @QueryMapping
    Flux<AuditTrail.Entry> auditLog(
            @Argument AuditTrail.@Nullable EntityType entityType,
            @Argument @Nullable String entityId,
            @Argument @Nullable Integer first) {
        return editor().flatMapMany(caller -> audit.recent(
                entityType,
                entityId,
                Cursors.pageSize(first, 50, properties.limits().pageSize())));
    }

    @MutationMapping
    Mono<ContentEntry> createContentEntry(@Argument CreateContentEntryInput input) {
        return editor().flatMap(actor -> authoring.create(
                actor,
                "input",
                new ContentAuthoring.Placement(input.id(), input.pageSlug(), input.slot(), input.type(), input.name()),
                ContentVariantInput.draft(
                        "input", input.type(), input.fields(), input.startsAt(), input.endsAt(), input.variants())));
    }

    @MutationMapping
    Mono<ContentEntry> updateContentDraft(@Argument UpdateContentDraftInput input) {
        return editor().flatMap(actor -> store.entry(input.id())
                .map(ContentEntry::type)
                .defaultIfEmpty(ContentType.HERO)
                .flatMap(type -> authoring.updateDraft(
                        actor,
                        "input",
                        input.id(),
                        input.name(),
                        ContentVariantInput.draft(
                                "input", type, input.fields(), input.startsAt(), input.endsAt(), input.variants()))));
    }

    @MutationMapping
    Mono<ContentEntry> publishContentEntry(@Argument String id) {
        return editor().flatMap(actor -> authoring.publish(actor, id));
    }

    @MutationMapping
    Mono<ContentEntry> unpublishContentEntry(@Argument String id) {
        return editor().flatMap(actor -> authoring.unpublish(actor, id));
    }

    @MutationMapping
    Mono<ContentEntry> archiveContentEntry(@Argument String id) {
        return editor().flatMap(actor -> authoring.archive(actor, id));
    }

    @BatchMapping(typeName = "ContentEntry")
    Mono<Map<ContentEntry, List<ContentVersion>>> versions(List<ContentEntry> entries) {
        return Batches.byParent(entries, ContentEntry::id, store::versions, ContentVersion::entryId);
    }

    @BatchMapping(typeName = "ContentEntry")
    Mono<Map<ContentEntry, ContentVersion>> published(List<ContentEntry> entries) {
        return pick(entries, entry -> versions -> {
            for (ContentVersion version : versions) {
                if (entry.publishedVersion() != null && version.version() == entry.publishedVersion()) {
                    return version;
                }
            }
            return null;
        });
    }

    @BatchMapping(typeName = "ContentEntry")
    Mono<Map<ContentEntry, ContentVersion>> draft(List<ContentEntry> entries) {
        // Newest first: the draft is the newest version while it is unpublished.
        return pick(
                entries,
                entry -> versions -> versions.isEmpty() || !versions.get(0).draft() ? null : versions.get(0));
    }

    @BatchMapping(typeName = "PageSlotLayout")
    Mono<Map<SlotLayout, List<ContentEntry>>> entries(List<SlotLayout> slots) {
        List<String> slugs = slots.stream().map(SlotLayout::pageSlug).distinct().toList();
        return store.entriesOnPages(slugs).collectList().map(entries -> {
            Map<SlotLayout, List<ContentEntry>> result = new LinkedHashMap<>();
            for (SlotLayout slot : slots) {
                List<ContentEntry> placed = new ArrayList<>();
                for (ContentEntry entry : entries) {
                    if (entry.pageSlug().equals(slot.pageSlug()) && entry.slot().equals(slot.name())) {
                        placed.add(entry);
                    }
                }
                result.put(slot, placed);
            }
            return result;
        });
    }

    private Mono<Map<ContentEntry, ContentVersion>> pick(
            List<ContentEntry> entries,
            Function<ContentEntry, Function<List<ContentVersion>, @Nullable ContentVersion>> choose) {
        return versions(entries).map(all -> {
            Map<ContentEntry, ContentVersion> picked = new LinkedHashMap<>();
            all.forEach((entry, versions) -> {
                ContentVersion version = choose.apply(entry).apply(versions);
                if (version != null) {
                    picked.put(entry, version);
                }
            });
            return picked;
        });
    }

    /** The caller as an editor: {@code UNAUTHENTICATED} or {@code FORBIDDEN} otherwise. */
    private static Mono<ContentAuthoring.Actor> editor() {
        return Caller.current()
                .map(caller -> caller.require(Role.EDITOR))
                .map(caller -> new ContentAuthoring.Actor(String.valueOf(caller.subject()), Role.EDITOR.name()));
    }
}
