package dev.concierge.personalization.recommendation;

import java.time.Instant;

/**
 * One thing a user did with an item: bought it (the strong signal), put it in the cart or viewed
 * it. The training input of the item-to-item model, from the database or from a CSV file.
 */
public record Interaction(String user, String item, Instant at, Signal signal) {

    public enum Signal {
        PURCHASE,
        ADD_TO_CART,
        VIEW
    }
}
