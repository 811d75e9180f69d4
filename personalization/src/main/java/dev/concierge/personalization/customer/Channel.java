package dev.concierge.personalization.customer;

/** Where a customer interacted or bought: the storefront surfaces and the physical store. */
public enum Channel {
    WEB,
    APP,
    WATCH,
    KIOSK,
    STORE
}
