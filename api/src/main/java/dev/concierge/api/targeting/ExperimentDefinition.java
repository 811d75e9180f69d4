package dev.concierge.api.targeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A stored experiment on a page slot, with its arms in key order (the order bucketing uses). */
record ExperimentDefinition(
        String id,
        String name,
        @Nullable String description,
        String pageSlug,
        String slot,
        Status status,
        double holdoutShare,
        List<Arm> arms,
        @Nullable Instant startedAt,
        @Nullable Instant stoppedAt) {

    enum Status {
        DRAFT,
        RUNNING,
        STOPPED
    }

    /** An arm: its weight is a percentage of the subjects outside the holdout. */
    record Arm(String key, int weight, @Nullable String description) {}

    ExperimentDefinition {
        arms = List.copyOf(arms);
    }

    /** What the audit log keeps of it. */
    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", id);
        summary.put("name", name);
        summary.put("pageSlug", pageSlug);
        summary.put("slot", slot);
        summary.put("status", status.name());
        summary.put("holdoutShare", holdoutShare);
        List<Map<String, Object>> armSummaries = new ArrayList<>(arms.size());
        for (Arm arm : arms) {
            Map<String, Object> armSummary = new LinkedHashMap<>();
            armSummary.put("key", arm.key());
            armSummary.put("weight", arm.weight());
            armSummaries.add(armSummary);
        }
        summary.put("arms", armSummaries);
        return summary;
    }
}
