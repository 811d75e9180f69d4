package dev.concierge.personalization.segment;

/** A problem in a rule: where ({@code rule.all[2].browsed.withinDays}) and what. */
public record RuleProblem(String path, String message) {}
