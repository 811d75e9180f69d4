package dev.concierge.personalization.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * What the storefront says about the request: the surface, the visitor's locale and time zone, an
 * optional device class and location, and the instant the decision is made for.
 *
 * @param device a free-form device class from the client, e.g. {@code mobile}, {@code tablet}
 * @param location only used with the customer's {@code LOCATION} consent
 */
public record RequestContext(
        Channel channel,
        String locale,
        ZoneId zone,
        @Nullable String device,
        @Nullable GeoPoint location,
        Instant now) {

    /** The visitor's calendar date, for birthdays, anniversaries and day windows. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }
}
