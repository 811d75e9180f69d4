package dev.concierge.personalization.decision;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One published variant of a content entry, ready to decide on: the entry version's fields merged
 * with the variant's own, and the schedule both allow.
 *
 * @param audienceSegmentIds empty means everyone (a default variant, served without consent too)
 * @param locale null for every locale
 * @param experimentId with {@code experimentArm}, the experiment arm this variant is shown in
 */
public record ContentVariant(
        String entryId,
        int version,
        String key,
        ContentType type,
        Set<String> audienceSegmentIds,
        int priority,
        @Nullable String locale,
        Schedule schedule,
        @Nullable String experimentId,
        @Nullable String experimentArm,
        Map<String, Object> fields) {

    public ContentVariant {
        audienceSegmentIds = Set.copyOf(audienceSegmentIds);
        fields = Map.copyOf(fields);
    }

    public boolean forEveryone() {
        return audienceSegmentIds.isEmpty();
    }
}
