package dev.concierge.personalization.customer;

/** A store's identity and position, for distance rules and the nearest store. */
public record StoreLocation(String id, String name, GeoPoint position) {}
