package dev.concierge.api.page;

/** The GraphQL {@code SegmentRef}: a segment a preview's audience or a persona is in. */
record SegmentRef(String id, String name) {}
