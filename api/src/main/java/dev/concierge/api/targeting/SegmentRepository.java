package dev.concierge.api.targeting;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes segment definitions; rules travel as JSON text and come back as generic trees. */
class SegmentRepository {

    private static final String COLUMNS =
            "id, name, description, rule::text as rule, status, created_by, created_at, updated_at";

    private final DatabaseClient db;
    private final JsonMapper json;

    SegmentRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Every segment, or those of one status, in id order. */
    Flux<SegmentDefinition> all(SegmentDefinition.@Nullable Status status) {
        String where = status == null ? "" : " where status = :status";
        DatabaseClient.GenericExecuteSpec spec =
                db.sql("select " + COLUMNS + " from segments" + where + " order by id");
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        return spec.map(this::definition).all();
    }

    Mono<SegmentDefinition> find(String id) {
        return db.sql("select " + COLUMNS + " from segments where id = :id")
                .bind("id", id)
                .map(this::definition)
                .one();
    }

    /** The segment, its row locked until the transaction ends. */
    Mono<SegmentDefinition> lock(String id) {
        return db.sql("select " + COLUMNS + " from segments where id = :id for update")
                .bind("id", id)
                .map(this::definition)
                .one();
    }

    /** The ids of segments other than {@code exceptId} named {@code name}. */
    Flux<String> namedAs(String name, String exceptId) {
        return db.sql("select id from segments where name = :name and id <> :id")
                .bind("name", name)
                .bind("id", exceptId)
                .map(row -> row.get("id", String.class))
                .all();
    }

    Mono<Boolean> exists(String id) {
        return db.sql("select 1 from segments where id = :id")
                .bind("id", id)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    Mono<SegmentDefinition> insert(
            String id, String name, @Nullable String description, Object rule, @Nullable String createdBy) {
        return db.sql("insert into segments (id, name, description, rule, created_by)"
                        + " values (:id, :name, :description, cast(:rule as jsonb), :createdBy) returning " + COLUMNS)
                .bind("id", id)
                .bind("name", name)
                .bind("description", text(description))
                .bind("rule", json.writeValueAsString(rule))
                .bind("createdBy", text(createdBy))
                .map(this::definition)
                .one();
    }

    Mono<SegmentDefinition> update(String id, String name, @Nullable String description, Object rule) {
        return db.sql("update segments set name = :name, description = :description, rule = cast(:rule as jsonb)"
                        + " where id = :id returning " + COLUMNS)
                .bind("id", id)
                .bind("name", name)
                .bind("description", text(description))
                .bind("rule", json.writeValueAsString(rule))
                .map(this::definition)
                .one();
    }

    Mono<SegmentDefinition> archive(String id) {
        return db.sql("update segments set status = 'ARCHIVED' where id = :id returning " + COLUMNS)
                .bind("id", id)
                .map(this::definition)
                .one();
    }

    /**
     * The content entries (not archived) whose live published version or unpublished draft has a
     * variant targeting the segment, in id order.
     */
    Mono<List<String>> targetingEntries(String segmentId) {
        return db.sql("""
                        select distinct e.id
                        from content_entries e
                        join content_versions v on v.entry_id = e.id
                        join content_variants cv on cv.entry_id = v.entry_id and cv.version = v.version
                        where :segment = any(cv.audience_segment_ids)
                          and e.status <> 'ARCHIVED'
                          and ((e.status = 'PUBLISHED' and v.version = e.published_version) or v.published_at is null)
                        order by e.id""")
                .bind("segment", segmentId)
                .map(row -> row.get("id", String.class))
                .all()
                .collectList();
    }

    /** Customers known in all. */
    Mono<Long> customerCount() {
        return db.sql("select count(*) from customers")
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private SegmentDefinition definition(Readable row) {
        return new SegmentDefinition(
                row.get("id", String.class),
                row.get("name", String.class),
                row.get("description", String.class),
                json.readValue(row.get("rule", String.class), Object.class),
                SegmentDefinition.Status.valueOf(row.get("status", String.class)),
                row.get("created_by", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    /** A text bind value, typed also when null (a deprecation-free replacement of Spring's Parameter). */
    private static io.r2dbc.spi.Parameter text(@Nullable String value) {
        return value == null
                ? io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.VARCHAR)
                : io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.VARCHAR, value);
    }
}
