package dev.concierge.personalization.decision;

import java.util.List;

/** The published content of one page: its slots in display order, each with its candidate variants. */
public record PageContent(String slug, List<Slot> slots) {

    public PageContent {
        slots = List.copyOf(slots);
    }

    /** A slot and every published variant placed in it (across entries). */
    public record Slot(String name, List<ContentVariant> variants) {

        public Slot {
            variants = List.copyOf(variants);
        }
    }
}
