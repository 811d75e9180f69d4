package dev.concierge.personalization.customer;

/** The retailer's catalogue categories. */
public enum ProductCategory {
    RINGS,
    NECKLACES,
    EARRINGS,
    BRACELETS,
    WATCHES,
    SERVICES
}
