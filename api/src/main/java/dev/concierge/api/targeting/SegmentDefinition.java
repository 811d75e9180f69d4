package dev.concierge.api.targeting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A stored segment: its rule as the editor wrote it (a generic JSON tree), and where it is in its life. */
record SegmentDefinition(
        String id,
        String name,
        @Nullable String description,
        Object rule,
        Status status,
        @Nullable String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    enum Status {
        ACTIVE,
        ARCHIVED
    }

    /** What the audit log keeps of it: everything but the timestamps. */
    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", id);
        summary.put("name", name);
        summary.put("description", description);
        summary.put("rule", rule);
        summary.put("status", status.name());
        return summary;
    }
}
