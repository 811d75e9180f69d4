package dev.concierge.api.editor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A stored version of an entry: a draft while {@code publishedAt} is null, immutable after. */
public record ContentVersion(
        String entryId,
        int version,
        Map<String, Object> fields,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        List<Variant> variants,
        @Nullable String createdBy,
        Instant createdAt,
        @Nullable Instant publishedAt) {

    /** A variant of a version, with its audience's segment names. */
    public record Variant(
            String key,
            List<SegmentRef> audience,
            int priority,
            @Nullable String locale,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable String experimentId,
            @Nullable String experimentArm,
            Map<String, Object> fields) {}

    /** A segment a variant targets. */
    public record SegmentRef(String id, String name) {}

    public boolean draft() {
        return publishedAt == null;
    }
}
