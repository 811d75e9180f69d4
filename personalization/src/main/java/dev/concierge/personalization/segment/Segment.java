package dev.concierge.personalization.segment;

/** A named audience: customers whose snapshot (with the request context) matches the rule. */
public record Segment(String id, String name, Rule rule) {}
