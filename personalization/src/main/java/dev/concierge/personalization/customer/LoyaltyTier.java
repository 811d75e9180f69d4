package dev.concierge.personalization.customer;

/** Loyalty tiers, lowest first. */
public enum LoyaltyTier {
    BRONZE,
    SILVER,
    GOLD,
    PLATINUM
}
