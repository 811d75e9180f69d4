package dev.concierge.api.page;

import java.util.List;

/** The GraphQL {@code Persona}: a synthetic customer and the active segments it matches now. */
record PersonaView(String id, String name, String description, List<SegmentRef> segments) {}
