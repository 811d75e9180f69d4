package dev.concierge.personalization.customer;

import dev.concierge.personalization.ConciergeException;

/** A position on Earth in decimal degrees (WGS 84). */
public record GeoPoint(double latitude, double longitude) {

    /** Mean Earth radius in kilometres (IUGG), the usual constant for great-circle distances. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
            throw ConciergeException.badInput("lat", "latitude must be between -90 and 90, got " + latitude);
        }
        if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
            throw ConciergeException.badInput("lon", "longitude must be between -180 and 180, got " + longitude);
        }
    }

    /** Great-circle distance in kilometres by the haversine formula. */
    public double distanceKm(GeoPoint other) {
        double phi1 = Math.toRadians(latitude);
        double phi2 = Math.toRadians(other.latitude);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
