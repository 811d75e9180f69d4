package dev.concierge.api.privacy;

import dev.concierge.personalization.ConciergeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and erases everything about one customer. Table names come from the catalogue or from the
 * constant list below, never from a request, so composing them into SQL is safe.
 */
class CustomerData {

    /** Tables that hold a customer's rows through a parent: name, and the rows' SQL filter. */
    static final Map<String, String> CHILD_TABLES = Map.of(
            "purchase_items", "purchase_id in (select id from purchases where customer_id = :id)",
            "service_order_status_history",
                    "service_order_id in (select id from service_orders where customer_id = :id)",
            "experiment_conversions", "subject_type = 'CUSTOMER' and subject_id = :id");

    /** Every table (not partition) with a customer_id column: the catalogue's answer. */
    private static final String CUSTOMER_TABLES = """
            select c.relname as name
            from pg_attribute a
                     join pg_class c on c.oid = a.attrelid
                     join pg_namespace n on n.oid = c.relnamespace
            where a.attname = 'customer_id' and not a.attisdropped
              and c.relkind in ('r', 'p') and not c.relispartition
              and n.nspname = current_schema()
            order by c.relname""";

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    CustomerData(DatabaseClient db, TransactionalOperator transactions, JsonMapper json) {
        this.db = db;
        this.transactions = transactions;
        this.json = json;
    }

    /** Table names whose rows are about a customer: the profile, direct rows, child rows. */
    Mono<List<String>> tables() {
        return db.sql(CUSTOMER_TABLES)
                .map(row -> row.get("name", String.class))
                .all()
                .concatWith(Flux.fromIterable(CHILD_TABLES.keySet()))
                .startWith("customers")
                .distinct()
                .collectList();
    }

    /** Table name to the customer's rows in it, as JSON values; tables with no rows are left out. */
    Mono<Map<String, Object>> export(String customerId) {
        return tables().flatMapMany(Flux::fromIterable)
                .concatMap(table -> db.sql("select coalesce(json_agg(t), '[]')::text as rows from " + table
                                + " t where " + filter(table))
                        .bind("id", customerId)
                        .map(row -> Map.entry(table, json.readValue(row.get("rows", String.class), Object.class)))
                        .one())
                .filter(entry -> !(entry.getValue() instanceof List<?> rows && rows.isEmpty()))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
    }

    /**
     * Erases the customer in one transaction: de-identifies their purchases, removes the ids of
     * their browsing events and their audit rows, then deletes the customer, which cascades to
     * every table that references them. Returns rows deleted per table, counted before.
     */
    Mono<Erasure> erase(String customerId) {
        Mono<Erasure> erase = export(customerId).flatMap(before -> {
            Map<String, Integer> deleted = new LinkedHashMap<>();
            before.forEach((table, rows) -> {
                if (!"purchases".equals(table) && !"purchase_items".equals(table) && rows instanceof List<?> list) {
                    deleted.put(table, list.size());
                }
            });
            Mono<Long> deidentified = db.sql("""
                            update purchase_items
                            set insurance_provider = null, insurance_policy = null, insurance_valid_until = null,
                                servicing_instructions = null
                            where purchase_id in (select id from purchases where customer_id = :id)""")
                    .bind("id", customerId)
                    .fetch()
                    .rowsUpdated()
                    .then(db.sql("update purchases set customer_id = null where customer_id = :id")
                            .bind("id", customerId)
                            .fetch()
                            .rowsUpdated());
            return deidentified.flatMap(purchases -> db.sql("""
                                    delete from browsing_event_ids
                                    where event_id in (select event_id from browsing_events where customer_id = :id)""")
                    .bind("id", customerId)
                    .then()
                    .then(db.sql("delete from audit_log where customer_id = :id")
                            .bind("id", customerId)
                            .then())
                    .then(db.sql("delete from customers where id = :id")
                            .bind("id", customerId)
                            .then())
                    // proof of the erasure that keeps no identifier: the id's SHA-256
                    .then(db.sql("""
                                            insert into audit_log (actor, actor_role, action, entity_type, entity_id)
                                            values ('erasure', 'SYSTEM', 'customer.erase', 'CUSTOMER',
                                                    encode(sha256(convert_to(:id, 'UTF8')), 'hex'))""").bind("id", customerId).then())
                    .thenReturn(new Erasure(deleted, purchases.intValue())));
        });
        return transactions.transactional(erase);
    }

    /**
     * The export, with its own audit row in it: the row is written first, in the same transaction,
     * so that a failed or refused export leaves no record of an export that did not happen.
     */
    Mono<Map<String, Object>> recordedExport(String customerId, Instant at) {
        Mono<Map<String, Object>> export = audit(customerId, "customer.export", at)
                .then(export(customerId))
                .filter(tables -> tables.containsKey("customers"))
                .switchIfEmpty(Mono.error(() -> ConciergeException.notFound("No customer '" + customerId + "'")));
        return transactions.transactional(export);
    }

    /** Appends an audit row about the customer (kept with their id, so erasure removes it). */
    private Mono<Void> audit(String customerId, String action, Instant at) {
        return db.sql("""
                        insert into audit_log (actor, actor_role, action, entity_type, entity_id, customer_id, occurred_at)
                        values (:id, 'CUSTOMER', :action, 'CUSTOMER', :id, :id, :at)""")
                .bind("id", customerId)
                .bind("action", action)
                .bind("at", at.atOffset(java.time.ZoneOffset.UTC))
                .then();
    }

    private static String filter(String table) {
        if ("customers".equals(table)) {
            return "id = :id";
        }
        String child = CHILD_TABLES.get(table);
        return child != null ? child : "customer_id = :id";
    }

    /** Rows deleted per table, and purchases kept with the customer removed. */
    record Erasure(Map<String, Integer> deleted, int deidentifiedPurchases) {}
}
