package dev.concierge.personalization.segment;

/** A segment rule: a tree of {@code all} / {@code any} / {@code not} over predicates. */
public interface Rule {}
