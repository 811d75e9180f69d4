package dev.concierge.api.editor;

import org.jspecify.annotations.Nullable;

/** A slot of a page layout, in display order: where editors place content and experiments. */
public record SlotLayout(
        String pageSlug,
        String name,
        int position,
        @Nullable String description) {}
