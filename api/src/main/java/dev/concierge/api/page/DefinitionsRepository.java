package dev.concierge.api.page;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.experiment.Experiment;
import dev.concierge.personalization.segment.Segment;
import dev.concierge.personalization.segment.SegmentRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Reads the active segments (rules parsed) and the experiments placed on a page. */
class DefinitionsRepository {

    private static final Logger log = LoggerFactory.getLogger(DefinitionsRepository.class);

    private final DatabaseClient db;
    private final JsonMapper json;

    DefinitionsRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Active segments in id order. Rules were validated when saved; one that no longer parses (the
     * language changed under it) is left out and logged rather than failing every page.
     */
    Mono<List<Segment>> activeSegments() {
        return db.sql("select id, name, rule::text as rule from segments where status = 'ACTIVE' order by id")
                .map(row -> new String[] {
                    row.get("id", String.class), row.get("name", String.class), row.get("rule", String.class)
                })
                .all()
                .collectList()
                .map(rows -> {
                    List<Segment> segments = new ArrayList<>(rows.size());
                    for (String[] row : rows) {
                        try {
                            Object tree = json.readValue(row[2], Object.class);
                            segments.add(new Segment(row[0], row[1], SegmentRules.parse(tree, "rule")));
                        } catch (ConciergeException e) {
                            log.warn(
                                    "Segment '{}' is left out: its stored rule no longer parses: {}",
                                    row[0],
                                    e.getMessage());
                        }
                    }
                    return segments;
                });
    }

    /** The experiments on a page's slots, with their arms in key order. */
    Mono<List<Experiment>> experiments(String pageSlug) {
        return db.sql("""
                        select x.id, x.slot, x.status, x.holdout_share, a.key, a.weight
                        from experiments x join experiment_arms a on a.experiment_id = x.id
                        where x.page_slug = :slug
                        order by x.id, a.key""")
                .bind("slug", pageSlug)
                .map(row -> new ArmRow(
                        row.get("id", String.class),
                        row.get("slot", String.class),
                        row.get("status", String.class),
                        row.get("holdout_share", BigDecimal.class),
                        row.get("key", String.class),
                        row.get("weight", Integer.class)))
                .all()
                .collectList()
                .map(rows -> {
                    Map<String, List<ArmRow>> byExperiment = new LinkedHashMap<>();
                    for (ArmRow row : rows) {
                        byExperiment
                                .computeIfAbsent(row.id(), id -> new ArrayList<>())
                                .add(row);
                    }
                    List<Experiment> experiments = new ArrayList<>(byExperiment.size());
                    byExperiment.forEach((id, arms) -> {
                        ArmRow first = arms.get(0);
                        experiments.add(new Experiment(
                                id,
                                pageSlug,
                                first.slot(),
                                Experiment.Status.valueOf(first.status()),
                                first.holdoutShare().doubleValue(),
                                arms.stream()
                                        .map(arm -> new Experiment.Arm(arm.key(), arm.weight()))
                                        .toList()));
                    });
                    return experiments;
                });
    }

    private record ArmRow(String id, String slot, String status, BigDecimal holdoutShare, String key, int weight) {}
}
