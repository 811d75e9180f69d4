package dev.concierge.api.editor;

import java.util.List;

/** A page and its slots in display order. */
record PageLayout(String slug, List<SlotLayout> slots) {}
