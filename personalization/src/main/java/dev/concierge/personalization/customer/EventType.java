package dev.concierge.personalization.customer;

/** What a browsing event records. */
public enum EventType {
    PAGE_VIEW,
    PRODUCT_VIEW,
    SEARCH,
    ADD_TO_CART,
    STORE_VISIT
}
