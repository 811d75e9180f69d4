package dev.concierge.api.targeting;

import dev.concierge.api.editor.SlotLayout;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes experiments, their arms, and the exposure and conversion counts behind results. */
class ExperimentRepository {

    private static final String COLUMNS =
            "id, name, description, page_slug, slot, status, holdout_share, started_at, stopped_at";

    /** An experiment row before its arms are attached. */
    private record Header(
            String id,
            String name,
            @Nullable String description,
            String pageSlug,
            String slot,
            ExperimentDefinition.Status status,
            double holdoutShare,
            @Nullable Instant startedAt,
            @Nullable Instant stoppedAt) {

        ExperimentDefinition with(List<ExperimentDefinition.Arm> arms) {
            return new ExperimentDefinition(
                    id, name, description, pageSlug, slot, status, holdoutShare, arms, startedAt, stoppedAt);
        }
    }

    /** Exposure and conversion counts of one arm ({@code arm} null: the holdout). */
    record CountRow(String experimentId, @Nullable String arm, long exposures, long conversions) {}

    private final DatabaseClient db;

    ExperimentRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Every experiment, or those of one page, newest first. */
    Mono<List<ExperimentDefinition>> all(@Nullable String pageSlug) {
        String where = pageSlug == null ? "" : " where page_slug = :slug";
        DatabaseClient.GenericExecuteSpec spec =
                db.sql("select " + COLUMNS + " from experiments" + where + " order by created_at desc, id");
        if (pageSlug != null) {
            spec = spec.bind("slug", pageSlug);
        }
        return withArms(spec.map(ExperimentRepository::header).all());
    }

    Mono<ExperimentDefinition> find(String id) {
        return withArms(db.sql("select " + COLUMNS + " from experiments where id = :id")
                        .bind("id", id)
                        .map(ExperimentRepository::header)
                        .all())
                .flatMap(list -> Mono.justOrEmpty(list.isEmpty() ? null : list.get(0)));
    }

    /** The experiment, its row locked until the transaction ends. */
    Mono<ExperimentDefinition> lock(String id) {
        return withArms(db.sql("select " + COLUMNS + " from experiments where id = :id for update")
                        .bind("id", id)
                        .map(ExperimentRepository::header)
                        .all())
                .flatMap(list -> Mono.justOrEmpty(list.isEmpty() ? null : list.get(0)));
    }

    /** The experiments running on these pages' slots. */
    Mono<List<ExperimentDefinition>> running(Collection<String> pageSlugs) {
        return withArms(db.sql("select " + COLUMNS + " from experiments"
                        + " where status = 'RUNNING' and page_slug = any(:slugs)")
                .bind("slugs", pageSlugs.toArray(String[]::new))
                .map(ExperimentRepository::header)
                .all());
    }

    /** The ids of the experiments other than {@code exceptId} running on the slot. */
    Flux<String> runningOn(String pageSlug, String slot, String exceptId) {
        return db.sql("select id from experiments"
                        + " where status = 'RUNNING' and page_slug = :slug and slot = :slot and id <> :id")
                .bind("slug", pageSlug)
                .bind("slot", slot)
                .bind("id", exceptId)
                .map(row -> row.get("id", String.class))
                .all();
    }

    /** Whether the page has the slot, and whether it has any slot at all. */
    Mono<SlotLookup> slot(String pageSlug, String slot) {
        return db.sql("select count(*) as slots, count(*) filter (where slot = :slot) as matching"
                        + " from page_slots where page_slug = :slug")
                .bind("slug", pageSlug)
                .bind("slot", slot)
                .map(row -> new SlotLookup(row.get("slots", Long.class) > 0, row.get("matching", Long.class) > 0))
                .one();
    }

    record SlotLookup(boolean pageExists, boolean slotExists) {}

    Mono<Boolean> exists(String id) {
        return db.sql("select 1 from experiments where id = :id")
                .bind("id", id)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    Mono<Void> insert(ExperimentDefinition experiment) {
        Mono<Void> header = db.sql("insert into experiments (id, name, description, page_slug, slot, holdout_share)"
                        + " values (:id, :name, :description, :slug, :slot, :holdout)")
                .bind("id", experiment.id())
                .bind("name", experiment.name())
                .bind("description", text(experiment.description()))
                .bind("slug", experiment.pageSlug())
                .bind("slot", experiment.slot())
                .bind("holdout", BigDecimal.valueOf(experiment.holdoutShare()))
                .then();
        Flux<Void> arms = Flux.fromIterable(experiment.arms())
                .concatMap(arm -> db.sql("insert into experiment_arms (experiment_id, key, weight, description)"
                                + " values (:id, :key, :weight, :description)")
                        .bind("id", experiment.id())
                        .bind("key", arm.key())
                        .bind("weight", arm.weight())
                        .bind("description", text(arm.description()))
                        .then());
        return header.thenMany(arms).then();
    }

    /** DRAFT to RUNNING; guarded by the unique index on the running experiment of a slot. */
    Mono<Void> start(String id) {
        return db.sql("update experiments set status = 'RUNNING', started_at = now() where id = :id")
                .bind("id", id)
                .then();
    }

    /** RUNNING to STOPPED. */
    Mono<Void> stop(String id) {
        return db.sql("update experiments set status = 'STOPPED', stopped_at = greatest(now(), started_at)"
                        + " where id = :id")
                .bind("id", id)
                .then();
    }

    /**
     * Per experiment and arm: distinct exposed subjects, and those of them with a conversion at or
     * after their first exposure. The exposures' primary key makes every row a distinct subject.
     */
    Flux<CountRow> counts(Collection<String> experimentIds) {
        return db.sql("""
                        select e.experiment_id, e.arm_key, count(*) as exposures,
                               count(*) filter (where exists (
                                   select 1 from experiment_conversions c
                                   where c.experiment_id = e.experiment_id and c.subject_type = e.subject_type
                                     and c.subject_id = e.subject_id and c.occurred_at >= e.first_exposed_at))
                                   as conversions
                        from experiment_exposures e
                        where e.experiment_id = any(:ids)
                        group by e.experiment_id, e.arm_key""")
                .bind("ids", experimentIds.toArray(String[]::new))
                .map(row -> new CountRow(
                        row.get("experiment_id", String.class),
                        row.get("arm_key", String.class),
                        row.get("exposures", Long.class),
                        row.get("conversions", Long.class)))
                .all();
    }

    /** The running experiment of each slot among {@code slots}. */
    Mono<Map<SlotLayout, ExperimentDefinition>> runningBySlot(Collection<SlotLayout> slots) {
        Set<String> slugs = new LinkedHashSet<>();
        for (SlotLayout slot : slots) {
            slugs.add(slot.pageSlug());
        }
        return running(slugs).map(experiments -> {
            Map<String, ExperimentDefinition> byPlace = new HashMap<>();
            for (ExperimentDefinition experiment : experiments) {
                byPlace.put(experiment.pageSlug() + "\u0000" + experiment.slot(), experiment);
            }
            Map<SlotLayout, ExperimentDefinition> bySlot = new HashMap<>();
            for (SlotLayout slot : slots) {
                ExperimentDefinition experiment = byPlace.get(slot.pageSlug() + "\u0000" + slot.name());
                if (experiment != null) {
                    bySlot.put(slot, experiment);
                }
            }
            return bySlot;
        });
    }

    private Mono<List<ExperimentDefinition>> withArms(Flux<Header> headers) {
        return headers.collectList().flatMap(list -> {
            if (list.isEmpty()) {
                return Mono.just(List.<ExperimentDefinition>of());
            }
            String[] ids = list.stream().map(Header::id).toArray(String[]::new);
            return db.sql("select experiment_id, key, weight, description from experiment_arms"
                            + " where experiment_id = any(:ids) order by experiment_id, key")
                    .bind("ids", ids)
                    .map(row -> Map.entry(
                            row.get("experiment_id", String.class),
                            new ExperimentDefinition.Arm(
                                    row.get("key", String.class),
                                    row.get("weight", Integer.class),
                                    row.get("description", String.class))))
                    .all()
                    .collectList()
                    .map(arms -> {
                        Map<String, List<ExperimentDefinition.Arm>> byExperiment = new HashMap<>();
                        for (Map.Entry<String, ExperimentDefinition.Arm> arm : arms) {
                            byExperiment
                                    .computeIfAbsent(arm.getKey(), id -> new ArrayList<>())
                                    .add(arm.getValue());
                        }
                        List<ExperimentDefinition> experiments = new ArrayList<>(list.size());
                        for (Header header : list) {
                            experiments.add(header.with(byExperiment.getOrDefault(header.id(), List.of())));
                        }
                        return experiments;
                    });
        });
    }

    private static Header header(Readable row) {
        return new Header(
                row.get("id", String.class),
                row.get("name", String.class),
                row.get("description", String.class),
                row.get("page_slug", String.class),
                row.get("slot", String.class),
                ExperimentDefinition.Status.valueOf(row.get("status", String.class)),
                row.get("holdout_share", BigDecimal.class).doubleValue(),
                instant(row, "started_at"),
                instant(row, "stopped_at"));
    }

    private static @Nullable Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A text bind value, typed also when null (a deprecation-free replacement of Spring's Parameter). */
    private static io.r2dbc.spi.Parameter text(@Nullable String value) {
        return value == null
                ? io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.VARCHAR)
                : io.r2dbc.spi.Parameters.in(io.r2dbc.spi.R2dbcType.VARCHAR, value);
    }
}
