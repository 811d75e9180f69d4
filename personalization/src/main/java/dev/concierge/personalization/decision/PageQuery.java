package dev.concierge.personalization.decision;

import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.GeoPoint;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A request for a personalized page: the page, who asks (a customer id, or an anonymous visitor's
 * id, or neither) and what the storefront said about the request.
 *
 * @param locale the visitor's locale; null means the customer's own, else {@code en-US}
 */
public record PageQuery(
        String slug,
        @Nullable String customerId,
        @Nullable String anonymousId,
        Channel channel,
        @Nullable String locale,
        ZoneId zone,
        @Nullable String device,
        @Nullable GeoPoint location) {}
