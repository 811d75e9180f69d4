package dev.concierge.api.profile;

import dev.concierge.personalization.customer.LoyaltyTier;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A customer's profile as stored. */
public record Customer(
        String id,
        String firstName,
        String lastName,
        @Nullable String email,
        @Nullable String phone,
        @Nullable LocalDate birthday,
        @Nullable LocalDate anniversary,
        String locale,
        LoyaltyTier tier,
        int points,
        @Nullable String homeStoreId,
        Instant memberSince) {

    /** The GraphQL {@code Loyalty} type. */
    public record Loyalty(LoyaltyTier tier, int points) {}

    public Loyalty loyalty() {
        return new Loyalty(tier, points);
    }
}
