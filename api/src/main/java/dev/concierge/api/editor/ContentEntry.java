package dev.concierge.api.editor;

import dev.concierge.personalization.decision.ContentType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A content entry as stored: where it is placed, its state, and which version is live. */
public record ContentEntry(
        String id,
        String pageSlug,
        String slot,
        ContentType type,
        String name,
        Status status,
        Source source,
        @Nullable String externalId,
        @Nullable Integer publishedVersion,
        Instant createdAt,
        Instant updatedAt) {

    /** Where an entry is in its life. */
    public enum Status {
        DRAFT,
        PUBLISHED,
        ARCHIVED
    }

    /** Where an entry is authored. */
    public enum Source {
        CONSOLE,
        CMS
    }

    /** Whether a version of it is on pages now (subject to schedules). */
    public boolean live() {
        return status == Status.PUBLISHED;
    }
}
