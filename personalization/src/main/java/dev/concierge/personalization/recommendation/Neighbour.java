package dev.concierge.personalization.recommendation;

/**
 * An item similar to another, with the similarity score (comparable within one item's list) and
 * the number of users who interacted with both (the support the score rests on).
 */
public record Neighbour(String sku, double score, int support) {}
