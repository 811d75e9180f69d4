package dev.concierge.api.catalog;

/** A store and how far it is from the location asked about. */
public record StoreDistance(Store store, double distanceKm) {}
