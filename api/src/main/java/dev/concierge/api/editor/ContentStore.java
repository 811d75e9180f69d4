package dev.concierge.api.editor;

import dev.concierge.api.db.Sql;
import dev.concierge.personalization.content.ContentDraft;
import dev.concierge.personalization.decision.ContentType;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes content entries, their versions and variants, and the references they check. */
class ContentStore {

    private static final String ENTRY_COLUMNS = """
            id, page_slug, slot, type, name, status, source, external_id, published_version, created_at, updated_at""";

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

    /** An experiment a variant may name: where it runs and its arms' keys. */
    record ExperimentPlacement(String id, String pageSlug, String slot, List<String> arms) {}

    private final DatabaseClient db;
    private final JsonMapper json;

    ContentStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<ContentEntry> entry(String id) {
        return db.sql("select " + ENTRY_COLUMNS + " from content_entries where id = :id")
                .bind("id", id)
                .map(row -> entry(row))
                .one();
    }

    /** The entry, locked until the transaction ends, so that concurrent changes to it queue. */
    Mono<ContentEntry> lock(String id) {
        return db.sql("select " + ENTRY_COLUMNS + " from content_entries where id = :id for update")
                .bind("id", id)
                .map(row -> entry(row))
                .one();
    }

    Mono<ContentEntry> byExternalId(String externalId) {
        return db.sql("select " + ENTRY_COLUMNS + " from content_entries where source = 'CMS' and external_id = :id")
                .bind("id", externalId)
                .map(row -> entry(row))
                .one();
    }

    /** Most recently changed first. */
    Flux<ContentEntry> entries(@Nullable String pageSlug, ContentEntry.@Nullable Status status, int first) {
        DatabaseClient.GenericExecuteSpec spec =
                db.sql("select " + ENTRY_COLUMNS + """
                         from content_entries
                        where (cast(:slug as text) is null or page_slug = :slug)
                          and (cast(:status as text) is null or status = :status)
                        order by updated_at desc, id
                        limit :first""").bind("first", first);
        spec = Sql.bind(spec, "slug", pageSlug, String.class);
        spec = Sql.bind(spec, "status", status == null ? null : status.name(), String.class);
        return spec.map(row -> entry(row)).all();
    }

    /** Every entry placed on these pages, most recently changed first. */
    Flux<ContentEntry> entriesOnPages(Collection<String> slugs) {
        return db.sql("select " + ENTRY_COLUMNS
                        + " from content_entries where page_slug = any(:slugs) order by updated_at desc, id")
                .bind("slugs", slugs.toArray(String[]::new))
                .map(row -> entry(row))
                .all();
    }

    /** Every page's slots, by page then position. */
    Flux<SlotLayout> slots() {
        return db.sql("select page_slug, slot, position, description from page_slots order by page_slug, position")
                .map(row -> new SlotLayout(
                        row.get("page_slug", String.class),
                        row.get("slot", String.class),
                        row.get("position", Integer.class),
                        row.get("description", String.class)))
                .all();
    }

    /** The slot names of a page; empty when the page has no slots. */
    Mono<List<String>> slotsOf(String pageSlug) {
        return db.sql("select slot from page_slots where page_slug = :slug")
                .bind("slug", pageSlug)
                .map(row -> row.get("slot", String.class))
                .all()
                .collectList();
    }

    /** The status of each of these segments that exists. */
    Mono<Map<String, String>> segmentStatuses(Collection<String> ids) {
        return db.sql("select id, status from segments where id = any(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(row -> Map.entry(row.get("id", String.class), row.get("status", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Flux<ExperimentPlacement> experiments(Collection<String> ids) {
        return db.sql("""
                        select e.id, e.page_slug, e.slot, coalesce(array_agg(a.key order by a.key)
                               filter (where a.key is not null), '{}') as arms
                        from experiments e left join experiment_arms a on a.experiment_id = e.id
                        where e.id = any(:ids)
                        group by e.id""")
                .bind("ids", ids.toArray(String[]::new))
                .map(row -> new ExperimentPlacement(
                        row.get("id", String.class),
                        row.get("page_slug", String.class),
                        row.get("slot", String.class),
                        List.of(row.get("arms", String[].class))))
                .all();
    }

    /** Every version of these entries with its variants, newest first per entry. */
    Flux<ContentVersion> versions(Collection<String> entryIds) {
        String[] ids = entryIds.toArray(String[]::new);
        Mono<Map<String, List<ContentVersion.Variant>>> variants = db.sql("""
                        select cv.entry_id, cv.version, cv.key, cv.audience_segment_ids,
                               array(select coalesce(s.name, u.id)
                                     from unnest(cv.audience_segment_ids) with ordinality as u(id, n)
                                     left join segments s on s.id = u.id
                                     order by u.n) as audience_names,
                               cv.priority, cv.locale, cv.starts_at, cv.ends_at, cv.experiment_id, cv.experiment_arm,
                               cv.fields::text as fields
                        from content_variants cv
                        where cv.entry_id = any(:ids)
                        order by cv.entry_id, cv.version, cv.priority desc, cv.key""")
                .bind("ids", ids)
                .map(row -> Map.entry(
                        row.get("entry_id", String.class) + "/" + row.get("version", Integer.class), variant(row)))
                .all()
                .collect(
                        LinkedHashMap::new,
                        (map, entry) -> map.computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                                .add(entry.getValue()));
        return variants.flatMapMany(byVersion -> db.sql("""
                        select entry_id, version, fields::text as fields, starts_at, ends_at, created_by, created_at,
                               published_at
                        from content_versions
                        where entry_id = any(:ids)
                        order by entry_id, version desc""")
                .bind("ids", ids)
                .map(row -> {
                    String entryId = row.get("entry_id", String.class);
                    int version = row.get("version", Integer.class);
                    return new ContentVersion(
                            entryId,
                            version,
                            fields(row.get("fields", String.class)),
                            instant(row, "starts_at"),
                            instant(row, "ends_at"),
                            List.copyOf(byVersion.getOrDefault(entryId + "/" + version, List.of())),
                            row.get("created_by", String.class),
                            instant(row, "created_at"),
                            instant(row, "published_at"));
                })
                .all());
    }

    /** The newest version's number and whether it is a draft; empty for an entry without versions. */
    Mono<Newest> newest(String entryId) {
        return db.sql("""
                        select version, published_at is null as draft from content_versions
                        where entry_id = :id order by version desc limit 1""")
                .bind("id", entryId)
                .map(row -> new Newest(row.get("version", Integer.class), row.get("draft", Boolean.class)))
                .one();
    }

    record Newest(int version, boolean draft) {}

    Mono<Void> insertEntry(
            String id,
            String pageSlug,
            String slot,
            ContentType type,
            String name,
            ContentEntry.Source source,
            @Nullable String externalId) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into content_entries (id, page_slug, slot, type, name, source, external_id)
                        values (:id, :slug, :slot, :type, :name, :source, :external)""")
                .bind("id", id)
                .bind("slug", pageSlug)
                .bind("slot", slot)
                .bind("type", type.name())
                .bind("name", name)
                .bind("source", source.name());
        return Sql.bind(spec, "external", externalId, String.class).then();
    }

    /** Renames the entry, or only touches it (its {@code updated_at}) when {@code name} is null. */
    Mono<Void> touch(String id, @Nullable String name) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(
                        "update content_entries set name = coalesce(:name, name) where id = :id")
                .bind("id", id);
        return Sql.bind(spec, "name", name, String.class).then();
    }

    /** Deletes the entry's unpublished versions (with their variants): published ones stay. */
    Mono<Void> deleteDrafts(String entryId) {
        return db.sql("delete from content_versions where entry_id = :id and published_at is null")
                .bind("id", entryId)
                .then();
    }

    Mono<Void> insertVersion(String entryId, int version, ContentDraft draft, String createdBy) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into content_versions (entry_id, version, fields, starts_at, ends_at, created_by)
                        values (:id, :version, cast(:fields as jsonb), :starts, :ends, :by)""")
                .bind("id", entryId)
                .bind("version", version)
                .bind("fields", json.writeValueAsString(draft.fields()))
                .bind("by", createdBy);
        spec = Sql.bind(spec, "starts", utc(draft.startsAt()), OffsetDateTime.class);
        spec = Sql.bind(spec, "ends", utc(draft.endsAt()), OffsetDateTime.class);
        return spec.then()
                .thenMany(Flux.fromIterable(draft.variants()).concatMap(v -> insertVariant(entryId, version, v)))
                .then();
    }

    private Mono<Void> insertVariant(String entryId, int version, ContentDraft.Variant variant) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into content_variants (entry_id, version, key, audience_segment_ids, priority, locale,
                                                      starts_at, ends_at, experiment_id, experiment_arm, fields)
                        values (:id, :version, :key, :audience, :priority, :locale, :starts, :ends, :experiment, :arm,
                                cast(:fields as jsonb))""")
                .bind("id", entryId)
                .bind("version", version)
                .bind("key", variant.key())
                .bind("audience", variant.audience().toArray(String[]::new))
                .bind("priority", variant.priority())
                .bind("fields", json.writeValueAsString(variant.fields()));
        spec = Sql.bind(spec, "locale", variant.locale(), String.class);
        spec = Sql.bind(spec, "starts", utc(variant.startsAt()), OffsetDateTime.class);
        spec = Sql.bind(spec, "ends", utc(variant.endsAt()), OffsetDateTime.class);
        spec = Sql.bind(spec, "experiment", variant.experimentId(), String.class);
        spec = Sql.bind(spec, "arm", variant.experimentArm(), String.class);
        return spec.then();
    }

    /** Publishes the version (it becomes immutable) and points the entry at it. */
    Mono<Void> publish(String entryId, int version) {
        return db.sql("update content_versions set published_at = now() where entry_id = :id and version = :version")
                .bind("id", entryId)
                .bind("version", version)
                .then()
                .then(db.sql("""
                                update content_entries set status = 'PUBLISHED', published_version = :version
                                where id = :id""").bind("id", entryId).bind("version", version).then());
    }

    /** Takes the entry off every page: DRAFT or ARCHIVED, with no published version. */
    Mono<Void> retire(String entryId, ContentEntry.Status status) {
        return db.sql("update content_entries set status = :status, published_version = null where id = :id")
                .bind("id", entryId)
                .bind("status", status.name())
                .then();
    }

    private ContentVersion.Variant variant(Readable row) {
        String[] ids = row.get("audience_segment_ids", String[].class);
        String[] names = row.get("audience_names", String[].class);
        List<ContentVersion.SegmentRef> audience = new ArrayList<>();
        if (ids != null && names != null) {
            for (int i = 0; i < ids.length && i < names.length; i++) {
                audience.add(new ContentVersion.SegmentRef(ids[i], names[i]));
            }
        }
        return new ContentVersion.Variant(
                row.get("key", String.class),
                audience,
                row.get("priority", Integer.class),
                row.get("locale", String.class),
                instant(row, "starts_at"),
                instant(row, "ends_at"),
                row.get("experiment_id", String.class),
                row.get("experiment_arm", String.class),
                fields(row.get("fields", String.class)));
    }

    private Map<String, Object> fields(@Nullable String text) {
        return text == null ? Map.of() : json.readValue(text, FIELDS);
    }

    private static ContentEntry entry(Readable row) {
        return new ContentEntry(
                row.get("id", String.class),
                row.get("page_slug", String.class),
                row.get("slot", String.class),
                ContentType.valueOf(row.get("type", String.class)),
                row.get("name", String.class),
                ContentEntry.Status.valueOf(row.get("status", String.class)),
                ContentEntry.Source.valueOf(row.get("source", String.class)),
                row.get("external_id", String.class),
                row.get("published_version", Integer.class),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static @Nullable Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : Sql.utc(instant);
    }
}
