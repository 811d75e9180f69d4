package dev.concierge.api.recommendation;

import dev.concierge.api.db.Sql;
import dev.concierge.personalization.recommendation.Neighbour;
import dev.concierge.personalization.recommendation.SimilarityModel;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored model: item_similarity (each item's top neighbours), item_norms and the log of
 * rebuilds. Rows are written in multi-row statements of {@link #WRITE_BATCH} rows (arrays
 * unnested server-side); rows of products deleted meanwhile are left out rather than failing the
 * write. Methods that must run together say so; the caller holds the transaction.
 */
class ModelStore {

    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);

    /** Rows per insert statement. */
    static final int WRITE_BATCH = 5_000;

    /** The advisory lock that makes a rebuild run on one instance at a time. */
    private static final String REBUILD_LOCK = "concierge.recommendation-rebuild";

    private final DatabaseClient db;

    ModelStore(DatabaseClient db) {
        this.db = db;
    }

    /** The identity and freshness of the newest model, or {@link ModelVersion#NONE}. */
    record ModelVersion(long id, @Nullable Instant computedAt) {

        static final ModelVersion NONE = new ModelVersion(0, null);
    }

    /**
     * In a transaction: takes the rebuild lock for the rest of it (released by commit or rollback,
     * so a crashed instance cannot keep it) and gives the transaction's statements a deadline of
     * {@code timeout} instead of the usual one; false when another transaction holds the lock.
     */
    Mono<Boolean> lockForRebuild(Duration timeout) {
        return db.sql("select set_config('statement_timeout', :timeout, true)")
                .bind("timeout", Long.toString(Math.max(1, timeout.toMillis())))
                .then()
                .then(db.sql("select pg_try_advisory_xact_lock(hashtext(:lock)) as locked")
                        .bind("lock", REBUILD_LOCK)
                        .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
                        .one());
    }

    /** Whether item_similarity holds no row. */
    Mono<Boolean> empty() {
        return db.sql("select not exists (select 1 from item_similarity) as empty")
                .map(row -> Boolean.TRUE.equals(row.get("empty", Boolean.class)))
                .one();
    }

    /**
     * In a transaction: replaces every neighbour row and every norm with the model's; the number
     * of neighbour rows written. Readers see the old model until the transaction commits.
     */
    Mono<Long> replace(SimilarityModel model) {
        List<Row> rows = new ArrayList<>();
        long skipped = 0;
        for (Map.Entry<String, List<Neighbour>> item : model.all().entrySet()) {
            for (Neighbour neighbour : item.getValue()) {
                if (storable(item.getKey(), neighbour)) {
                    rows.add(new Row(item.getKey(), neighbour));
                } else {
                    skipped++;
                }
            }
        }
        if (skipped > 0) {
            log.warn("The model had {} neighbours that cannot be stored (self or non-finite score); left out", skipped);
        }
        long written = rows.size();
        return db.sql("delete from item_similarity")
                .then()
                .then(insertNeighbours(rows, model.computedAt()))
                .then(db.sql("delete from item_norms").then())
                .then(insertNorms(model.norms()))
                .thenReturn(written);
    }

    /**
     * In a transaction: replaces one item's neighbour rows (an incremental update), leaving the
     * other items' alone.
     */
    Mono<Void> replace(String sku, List<Neighbour> neighbours, Instant computedAt) {
        List<Row> rows = new ArrayList<>(neighbours.size());
        for (Neighbour neighbour : neighbours) {
            if (storable(sku, neighbour)) {
                rows.add(new Row(sku, neighbour));
            }
        }
        return db.sql("delete from item_similarity where sku = :sku")
                .bind("sku", sku)
                .then()
                .then(insertNeighbours(rows, computedAt));
    }

    /** Records a completed rebuild; the run with its id. */
    Mono<ModelRun> record(
            ModelRun.Trigger trigger,
            @Nullable String requestedBy,
            Instant startedAt,
            SimilarityModel model,
            long neighbours,
            long durationMs) {
        return Sql.bind(
                        db.sql("""
                                insert into recommendation_model_runs (trigger, requested_by, started_at, computed_at,
                                    interactions, users, items, neighbours, duration_ms)
                                values (:trigger, :requestedBy, :startedAt, :computedAt,
                                    :interactions, :users, :items, :neighbours, :durationMs)
                                returning id""")
                                .bind("trigger", trigger.name())
                                .bind("startedAt", Sql.utc(startedAt))
                                .bind("computedAt", Sql.utc(model.computedAt()))
                                .bind("interactions", model.interactions())
                                .bind("users", model.users())
                                .bind("items", model.items())
                                .bind("neighbours", neighbours)
                                .bind("durationMs", durationMs),
                        "requestedBy",
                        requestedBy,
                        String.class)
                .map(row -> row.get("id", Long.class))
                .one()
                .map(id -> new ModelRun(
                        id,
                        trigger,
                        startedAt,
                        model.computedAt(),
                        model.interactions(),
                        model.users(),
                        model.items(),
                        neighbours,
                        durationMs));
    }

    Mono<ModelVersion> latest() {
        return db.sql(
                        "select id, computed_at from recommendation_model_runs order by computed_at desc, id desc limit 1")
                .map(row -> new ModelVersion(
                        row.get("id", Long.class),
                        row.get("computed_at", OffsetDateTime.class).toInstant()))
                .one()
                .defaultIfEmpty(ModelVersion.NONE);
    }

    /** The best {@code topK} neighbours of each of {@code skus} that has any, best first. */
    Mono<Map<String, List<Neighbour>>> neighbours(Collection<String> skus, int topK) {
        return db.sql("""
                        select sku, similar_sku, score, support
                        from (select sku, similar_sku, score, support,
                                     row_number() over (partition by sku order by score desc, similar_sku) as rank
                              from item_similarity
                              where sku = any(cast(:skus as text[]))) ranked
                        where rank <= :topK
                        order by sku, rank""")
                .bind("skus", skus.toArray(String[]::new))
                .bind("topK", topK)
                .map(row -> new Row(
                        row.get("sku", String.class),
                        new Neighbour(
                                row.get("similar_sku", String.class),
                                row.get("score", Double.class),
                                row.get("support", Integer.class))))
                .all()
                .collect(
                        HashMap::new,
                        (Map<String, List<Neighbour>> map, Row row) -> map.computeIfAbsent(
                                        row.sku(), sku -> new ArrayList<>())
                                .add(row.neighbour()));
    }

    /** The stored norms of those of {@code skus} that have one. */
    Mono<Map<String, Double>> norms(Collection<String> skus) {
        return db.sql("select sku, norm from item_norms where sku = any(cast(:skus as text[]))")
                .bind("skus", skus.toArray(String[]::new))
                .map(row -> Map.entry(row.get("sku", String.class), row.get("norm", Double.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The distinct skus of a purchase. */
    Flux<String> skusOf(String purchaseId) {
        return db.sql("select distinct sku from purchase_items where purchase_id = :id")
                .bind("id", purchaseId)
                .map(row -> row.get("sku", String.class))
                .all();
    }

    private static boolean storable(String sku, Neighbour neighbour) {
        return !sku.equals(neighbour.sku())
                && Double.isFinite(neighbour.score())
                && neighbour.score() >= 0
                && neighbour.support() >= 0;
    }

    private Mono<Void> insertNeighbours(List<Row> rows, Instant computedAt) {
        return Flux.fromIterable(batches(rows))
                .concatMap(batch -> db.sql("""
                                insert into item_similarity (sku, similar_sku, score, support, computed_at)
                                select t.sku, t.similar_sku, t.score, t.support, :computedAt
                                from unnest(cast(:skus as text[]), cast(:similar as text[]),
                                            cast(:scores as float8[]), cast(:supports as int4[]))
                                     as t (sku, similar_sku, score, support)
                                where exists (select 1 from products p where p.sku = t.sku)
                                  and exists (select 1 from products p where p.sku = t.similar_sku)
                                on conflict (sku, similar_sku) do nothing""")
                        .bind("computedAt", Sql.utc(computedAt))
                        .bind("skus", batch.stream().map(Row::sku).toArray(String[]::new))
                        .bind(
                                "similar",
                                batch.stream().map(row -> row.neighbour().sku()).toArray(String[]::new))
                        .bind(
                                "scores",
                                batch.stream()
                                        .map(row -> row.neighbour().score())
                                        .toArray(Double[]::new))
                        .bind(
                                "supports",
                                batch.stream()
                                        .map(row -> row.neighbour().support())
                                        .toArray(Integer[]::new))
                        .then())
                .then();
    }

    private Mono<Void> insertNorms(Map<String, Double> norms) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>();
        for (Map.Entry<String, Double> norm : norms.entrySet()) {
            if (Double.isFinite(norm.getValue()) && norm.getValue() >= 0) {
                entries.add(norm);
            }
        }
        return Flux.fromIterable(batches(entries))
                .concatMap(batch -> db.sql("""
                                insert into item_norms (sku, norm)
                                select t.sku, t.norm
                                from unnest(cast(:skus as text[]), cast(:norms as float8[])) as t (sku, norm)
                                where exists (select 1 from products p where p.sku = t.sku)
                                on conflict (sku) do update set norm = excluded.norm""")
                        .bind("skus", batch.stream().map(Map.Entry::getKey).toArray(String[]::new))
                        .bind("norms", batch.stream().map(Map.Entry::getValue).toArray(Double[]::new))
                        .then())
                .then();
    }

    private static <T> List<List<T>> batches(List<T> rows) {
        List<List<T>> batches = new ArrayList<>();
        Iterator<T> iterator = rows.iterator();
        while (iterator.hasNext()) {
            List<T> batch = new ArrayList<>(WRITE_BATCH);
            while (iterator.hasNext() && batch.size() < WRITE_BATCH) {
                batch.add(iterator.next());
            }
            batches.add(batch);
        }
        return batches;
    }

    /** One neighbour row: an item and one of its neighbours. */
    private record Row(String sku, Neighbour neighbour) {}
}
