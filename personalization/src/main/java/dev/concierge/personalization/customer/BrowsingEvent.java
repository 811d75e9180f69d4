package dev.concierge.personalization.customer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A browsing event as a storefront reports it. Exactly one of {@code customerId} and
 * {@code anonymousId} identifies who; {@code clientEventId} makes retries harmless.
 */
public record BrowsingEvent(
        String clientEventId,
        @Nullable String customerId,
        @Nullable String anonymousId,
        EventType type,
        Channel channel,
        Instant occurredAt,
        @Nullable String sku,
        @Nullable ProductCategory category,
        @Nullable String query,
        @Nullable String page,
        @Nullable String storeId) {}
