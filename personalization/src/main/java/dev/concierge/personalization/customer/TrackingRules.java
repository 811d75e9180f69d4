package dev.concierge.personalization.customer;

import dev.concierge.personalization.ConciergeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Validates a batch of browsing events before anything is stored: the whole batch is accepted or
 * the first problem is reported with its path, so a batch is never partly stored.
 *
 * @param maxBatch the largest batch accepted
 * @param maxStringLength the longest free-text value (query, page, ids)
 * @param maxAge how old an event may be when it arrives (late delivery from offline devices)
 * @param maxClockSkew how far in the future a device clock may be
 */
public record TrackingRules(int maxBatch, int maxStringLength, Duration maxAge, Duration maxClockSkew) {

    /** Identifiers (event ids, anonymous ids, skus) are at most this long. */
    public static final int MAX_ID_LENGTH = Inputs.MAX_ID_LENGTH;

    public TrackingRules {
        if (maxBatch < 1 || maxStringLength < 1) {
            throw new IllegalArgumentException(
                    "limits must be positive: maxBatch=" + maxBatch + ", maxStringLength=" + maxStringLength);
        }
        if (maxAge.isNegative() || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    public void validate(List<BrowsingEvent> events, Clock clock) {
        if (events.isEmpty()) {
            throw ConciergeException.badInput("events", "at least one event is required");
        }
        if (events.size() > maxBatch) {
            throw ConciergeException.badInput(
                    "events", "a batch holds at most " + maxBatch + " events, got " + events.size());
        }
        Instant now = clock.instant();
        for (int i = 0; i < events.size(); i++) {
            BrowsingEvent event = events.get(i);
            String path = "events[" + i + "]";
            Inputs.requireId(path + ".clientEventId", event.clientEventId());
            if (event.customerId() != null) {
                Inputs.requireId(path + ".customerId", event.customerId());
            }
            if (event.customerId() == null && event.anonymousId() == null) {
                throw ConciergeException.badInput(path + ".anonymousId", "signed-out events need an anonymousId");
            }
            if (event.anonymousId() != null) {
                Inputs.requireId(path + ".anonymousId", event.anonymousId());
            }
            if (event.sku() != null) {
                Inputs.requireId(path + ".sku", event.sku());
            }
            if (event.storeId() != null) {
                Inputs.requireId(path + ".storeId", event.storeId());
            }
            Inputs.limit(path + ".query", event.query(), maxStringLength);
            Inputs.limit(path + ".page", event.page(), maxStringLength);
            if (event.occurredAt().isAfter(now.plus(maxClockSkew))) {
                throw ConciergeException.badInput(
                        path + ".occurredAt", "is in the future (" + event.occurredAt() + ", now " + now + ")");
            }
            if (event.occurredAt().isBefore(now.minus(maxAge))) {
                throw ConciergeException.badInput(
                        path + ".occurredAt", "is older than the accepted " + maxAge + " (" + event.occurredAt() + ")");
            }
            switch (event.type()) {
                case PRODUCT_VIEW, ADD_TO_CART -> {
                    if (event.sku() == null) {
                        throw ConciergeException.badInput(path + ".sku", event.type() + " needs a sku");
                    }
                }
                case SEARCH -> {
                    if (event.query() == null || event.query().isBlank()) {
                        throw ConciergeException.badInput(path + ".query", "SEARCH needs a query");
                    }
                }
                case STORE_VISIT -> {
                    if (event.storeId() == null) {
                        throw ConciergeException.badInput(path + ".storeId", "STORE_VISIT needs a storeId");
                    }
                }
                case PAGE_VIEW -> {}
            }
        }
    }
}
