package dev.concierge.api.page;

import dev.concierge.personalization.decision.ContentType;
import dev.concierge.personalization.decision.ContentVariant;
import dev.concierge.personalization.decision.PageContent;
import dev.concierge.personalization.decision.Schedule;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a page's layout and the published variants placed in its slots, in one query. A variant's
 * fields are the published version's fields overlaid with the variant's own; its schedule is the
 * part of the version's schedule that the variant's allows.
 */
class ContentRepository {

    private static final String SQL = """
            select s.slot, e.id as entry_id, e.type, v.version, v.fields::text as version_fields,
                   v.starts_at as version_starts, v.ends_at as version_ends,
                   cv.key, cv.audience_segment_ids, cv.priority, cv.locale, cv.starts_at, cv.ends_at,
                   cv.experiment_id, cv.experiment_arm, cv.fields::text as variant_fields
            from page_slots s
            left join content_entries e on e.page_slug = s.page_slug and e.slot = s.slot and e.status = 'PUBLISHED'
            left join content_versions v on v.entry_id = e.id and v.version = e.published_version
            left join content_variants cv on cv.entry_id = v.entry_id and cv.version = v.version
            where s.page_slug = :slug
            order by s.position, e.id, cv.key""";

    /**
     * The same rows as {@link #SQL}, with each entry's draft in place of its published version: per
     * entry that is not archived, its newest unpublished version when that is newer than the
     * published one, else the published version of a published entry. An unpublished entry without
     * a draft stays off the page, as it is off the live page.
     */
    private static final String DRAFTS_SQL = """
            with chosen as (
                select e.id, e.slot, e.type,
                       coalesce((select max(d.version) from content_versions d
                                 where d.entry_id = e.id and d.published_at is null
                                   and d.version > coalesce(e.published_version, 0)),
                                case when e.status = 'PUBLISHED' then e.published_version end) as version
                from content_entries e
                where e.page_slug = :slug and e.status <> 'ARCHIVED'
            )
            select s.slot, c.id as entry_id, c.type, v.version, v.fields::text as version_fields,
                   v.starts_at as version_starts, v.ends_at as version_ends,
                   cv.key, cv.audience_segment_ids, cv.priority, cv.locale, cv.starts_at, cv.ends_at,
                   cv.experiment_id, cv.experiment_arm, cv.fields::text as variant_fields
            from page_slots s
            left join chosen c on c.slot = s.slot and c.version is not null
            left join content_versions v on v.entry_id = c.id and v.version = c.version
            left join content_variants cv on cv.entry_id = v.entry_id and cv.version = v.version
            where s.page_slug = :slug
            order by s.position, c.id, cv.key""";

    private final DatabaseClient db;
    private final JsonMapper json;

    ContentRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The page's published content, or empty when the page has no slots. */
    Mono<PageContent> page(String slug) {
        return read(SQL, slug);
    }

    /**
     * The page's content as it will be once every entry's draft is published; uncached, for
     * previews. Empty when the page has no slots.
     */
    Mono<PageContent> pageWithDrafts(String slug) {
        return read(DRAFTS_SQL, slug);
    }

    private Mono<PageContent> read(String sql, String slug) {
        return db.sql(sql)
                .bind("slug", slug)
                .map(this::row)
                .all()
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.empty() : Mono.just(assemble(slug, rows)));
    }

    private static PageContent assemble(String slug, List<Row> rows) {
        Map<String, List<ContentVariant>> slots = new LinkedHashMap<>();
        for (Row row : rows) {
            List<ContentVariant> variants = slots.computeIfAbsent(row.slot(), slot -> new ArrayList<>());
            if (row.variant() != null) {
                variants.add(row.variant());
            }
        }
        List<PageContent.Slot> ordered = new ArrayList<>(slots.size());
        slots.forEach((name, variants) -> ordered.add(new PageContent.Slot(name, variants)));
        return new PageContent(slug, ordered);
    }

    private Row row(Readable row) {
        String slot = row.get("slot", String.class);
        String key = row.get("key", String.class);
        if (key == null) {
            return new Row(slot, null);
        }
        Map<String, Object> fields = new LinkedHashMap<>(fields(row.get("version_fields", String.class)));
        fields.putAll(fields(row.get("variant_fields", String.class)));
        String[] audience = row.get("audience_segment_ids", String[].class);
        Schedule schedule = new Schedule(instant(row, "version_starts"), instant(row, "version_ends"))
                .intersect(new Schedule(instant(row, "starts_at"), instant(row, "ends_at")));
        return new Row(
                slot,
                new ContentVariant(
                        row.get("entry_id", String.class),
                        row.get("version", Integer.class),
                        key,
                        ContentType.valueOf(row.get("type", String.class)),
                        audience == null ? Set.of() : Set.of(audience),
                        row.get("priority", Integer.class),
                        row.get("locale", String.class),
                        schedule,
                        row.get("experiment_id", String.class),
                        row.get("experiment_arm", String.class),
                        fields));
    }

    /** A JSON object's members as plain values: strings, numbers, booleans, lists and maps. */
    private Map<String, Object> fields(@Nullable String text) {
        if (text == null) {
            return Map.of();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.readTree(text).properties()) {
            Object value = plain(entry.getValue());
            if (value != null) {
                fields.put(entry.getKey(), value);
            }
        }
        return fields;
    }

    private static @Nullable Object plain(JsonNode node) {
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                Object value = plain(item);
                if (value != null) {
                    list.add(value);
                }
            }
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Object value = plain(entry.getValue());
                if (value != null) {
                    map.put(entry.getKey(), value);
                }
            }
            return map;
        }
        return null;
    }

    private static @Nullable Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Row(String slot, @Nullable ContentVariant variant) {}
}
