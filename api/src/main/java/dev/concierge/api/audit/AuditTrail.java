package dev.concierge.api.audit;

import dev.concierge.api.db.Sql;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the audit log. A change and its audit row commit together: call {@link #record}
 * inside the change's transaction (the transactional operator's context carries it).
 */
public class AuditTrail {

    /** What kind of thing changed; stored as the enum's name. */
    public enum EntityType {
        CONTENT,
        SEGMENT,
        EXPERIMENT
    }

    /** One change: the actor's subject and role, an action such as {@code content.publish}. */
    public record Change(
            String actor,
            @Nullable String actorRole,
            String action,
            EntityType entityType,
            String entityId,
            @Nullable Object before,
            @Nullable Object after) {}

    /** A stored change; {@code before} and {@code after} as plain JSON values. */
    public record Entry(
            long id,
            String actor,
            String action,
            EntityType entityType,
            String entityId,
            @Nullable Object before,
            @Nullable Object after,
            Instant at) {}

    private static final List<String> EDITORIAL = List.of("CONTENT", "SEGMENT", "EXPERIMENT");

    private final DatabaseClient db;
    private final JsonMapper json;

    public AuditTrail(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Appends a change; {@code before} and {@code after} are written as JSON. */
    public Mono<Void> record(Change change) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into audit_log (actor, actor_role, action, entity_type, entity_id, before, after)
                        values (:actor, :role, :action, :type, :id, cast(:before as jsonb), cast(:after as jsonb))""")
                .bind("actor", change.actor())
                .bind("action", change.action())
                .bind("type", change.entityType().name())
                .bind("id", change.entityId());
        spec = Sql.bind(spec, "role", change.actorRole(), String.class);
        spec = Sql.bind(spec, "before", jsonOf(change.before()), String.class);
        spec = Sql.bind(spec, "after", jsonOf(change.after()), String.class);
        return spec.then();
    }

    /** Editorial changes, newest first, optionally of one entity type and id. */
    public Flux<Entry> recent(@Nullable EntityType type, @Nullable String entityId, int first) {
        StringBuilder sql = new StringBuilder("""
                select id, actor, action, entity_type, entity_id, before::text as before, after::text as after,
                       occurred_at
                from audit_log
                where entity_type = any(:types)""");
        if (entityId != null) {
            sql.append(" and entity_id = :entityId");
        }
        sql.append(" order by occurred_at desc, id desc limit :first");
        String[] types = type == null ? EDITORIAL.toArray(String[]::new) : new String[] {type.name()};
        DatabaseClient.GenericExecuteSpec spec =
                db.sql(sql.toString()).bind("types", types).bind("first", first);
        if (entityId != null) {
            spec = spec.bind("entityId", entityId);
        }
        return spec.map(row -> new Entry(
                        row.get("id", Long.class),
                        row.get("actor", String.class),
                        row.get("action", String.class),
                        EntityType.valueOf(row.get("entity_type", String.class)),
                        row.get("entity_id", String.class),
                        parse(row.get("before", String.class)),
                        parse(row.get("after", String.class)),
                        row.get("occurred_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    private @Nullable String jsonOf(@Nullable Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private @Nullable Object parse(@Nullable String text) {
        return text == null ? null : json.readValue(text, Object.class);
    }
}
