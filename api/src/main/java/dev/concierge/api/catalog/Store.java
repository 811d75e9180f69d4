package dev.concierge.api.catalog;

import dev.concierge.personalization.customer.GeoPoint;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A physical store as stored. */
public record Store(
        String id,
        String name,
        Address address,
        GeoPoint position,
        @Nullable String phone,
        List<OpeningHours> openingHours,
        List<String> services) {

    public record Address(
            @Nullable String line,
            @Nullable String city,
            @Nullable String postalCode,
            @Nullable String country) {}

    public record OpeningHours(String day, String opens, String closes) {}

    /** The GraphQL {@code GeoPoint}. */
    public record Location(double lat, double lon) {}

    public Location location() {
        return new Location(position.latitude(), position.longitude());
    }
}
