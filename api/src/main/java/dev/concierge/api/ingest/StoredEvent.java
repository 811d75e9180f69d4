package dev.concierge.api.ingest;

import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.EventType;
import dev.concierge.personalization.customer.ProductCategory;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored browsing event (the GraphQL {@code BrowsingEvent}). */
public record StoredEvent(
        String id,
        EventType type,
        Channel channel,
        Instant occurredAt,
        @Nullable String sku,
        @Nullable ProductCategory category,
        @Nullable String query,
        @Nullable String page,
        @Nullable String storeId) {}
