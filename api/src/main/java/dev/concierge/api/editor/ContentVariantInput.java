package dev.concierge.api.editor;

import dev.concierge.personalization.content.ContentDraft;
import dev.concierge.personalization.content.ContentFields;
import dev.concierge.personalization.decision.ContentType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A variant as authors send it (the schema's {@code ContentVariantInput}); {@code fields} is any JSON value. */
public record ContentVariantInput(
        String key,
        @Nullable List<String> audience,
        @Nullable Integer priority,
        @Nullable String locale,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        @Nullable String experimentId,
        @Nullable String experimentArm,
        @Nullable Object fields) {

    /** The draft these inputs describe; fields that are not JSON objects are {@code BAD_USER_INPUT}. */
    public static ContentDraft draft(
            String path,
            ContentType type,
            @Nullable Object fields,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable List<ContentVariantInput> variants) {
        List<ContentDraft.Variant> drafts = new ArrayList<>();
        List<ContentVariantInput> inputs = variants == null ? List.of() : variants;
        for (int i = 0; i < inputs.size(); i++) {
            ContentVariantInput v = inputs.get(i);
            drafts.add(new ContentDraft.Variant(
                    v.key(),
                    v.audience() == null ? List.of() : v.audience(),
                    v.priority() == null ? 0 : v.priority(),
                    v.locale(),
                    v.startsAt(),
                    v.endsAt(),
                    v.experimentId(),
                    v.experimentArm(),
                    ContentFields.object(path + ".variants[" + i + "].fields", v.fields())));
        }
        return new ContentDraft(type, ContentFields.object(path + ".fields", fields), startsAt, endsAt, drafts);
    }
}
