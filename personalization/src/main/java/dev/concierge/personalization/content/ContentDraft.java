package dev.concierge.personalization.content;

import dev.concierge.personalization.decision.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A version of a content entry as an author submits it, before it is stored: the fields every
 * variant shares, the version's schedule, and the variants. Field values are plain JSON values
 * (maps, lists, strings, numbers, booleans).
 */
public record ContentDraft(
        ContentType type,
        Map<String, Object> fields,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        List<Variant> variants) {

    public ContentDraft {
        fields = Map.copyOf(fields);
        variants = List.copyOf(variants);
    }

    /** A variant: who it is for, how it ranks, when and where it shows, and its own fields. */
    public record Variant(
            String key,
            List<String> audience,
            int priority,
            @Nullable String locale,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable String experimentId,
            @Nullable String experimentArm,
            Map<String, Object> fields) {

        public Variant {
            audience = List.copyOf(audience);
            fields = Map.copyOf(fields);
        }
    }
}
