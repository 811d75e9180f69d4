package dev.concierge.personalization.customer;

import dev.concierge.personalization.ConciergeException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validates a point-of-sale purchase before anything is stored, and derives what the purchase
 * implies (line prices, the next service date).
 *
 * @param maxItems the most lines one purchase may have
 * @param maxStringLength the longest free-text value
 * @param maxClockSkew how far in the future a till's clock may be
 */
public record PurchaseRules(int maxItems, int maxStringLength, Duration maxClockSkew) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");
    private static final int MAX_QUANTITY = 10_000;

    public PurchaseRules {
        if (maxItems < 1 || maxStringLength < 1) {
            throw new IllegalArgumentException(
                    "limits must be positive: maxItems=" + maxItems + ", maxStringLength=" + maxStringLength);
        }
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew must not be negative");
        }
    }

    public void validate(PurchaseDraft draft, Clock clock) {
        Inputs.requireId("input.idempotencyKey", draft.idempotencyKey());
        Inputs.requireId("input.customerId", draft.customerId());
        if (draft.storeId() != null) {
            Inputs.requireId("input.storeId", draft.storeId());
        }
        if (draft.channel() == Channel.STORE && draft.storeId() == null) {
            throw ConciergeException.badInput("input.storeId", "a STORE purchase needs the store's id");
        }
        if (!isCurrency(draft.currency())) {
            throw ConciergeException.badInput(
                    "input.currency", "must be an ISO 4217 code such as USD, got '" + draft.currency() + "'");
        }
        if (draft.purchasedAt() != null
                && draft.purchasedAt().isAfter(clock.instant().plus(maxClockSkew))) {
            throw ConciergeException.badInput("input.purchasedAt", "is in the future (" + draft.purchasedAt() + ")");
        }
        if (draft.items().isEmpty()) {
            throw ConciergeException.badInput("input.items", "a purchase needs at least one item");
        }
        if (draft.items().size() > maxItems) {
            throw ConciergeException.badInput(
                    "input.items",
                    "a purchase holds at most " + maxItems + " items, got "
                            + draft.items().size());
        }
        for (int i = 0; i < draft.items().size(); i++) {
            PurchaseDraft.Line line = draft.items().get(i);
            String path = "input.items[" + i + "]";
            Inputs.requireId(path + ".sku", line.sku());
            if (line.quantity() <= 0 || line.quantity() > MAX_QUANTITY) {
                throw ConciergeException.badInput(
                        path + ".quantity", "must be between 1 and " + MAX_QUANTITY + ", got " + line.quantity());
            }
            if (line.unitPrice() != null) {
                if (line.unitPrice().signum() < 0) {
                    throw ConciergeException.badInput(
                            path + ".unitPrice", "must not be negative, got " + line.unitPrice());
                }
                if (line.unitPrice().stripTrailingZeros().scale() > 2
                        || line.unitPrice().compareTo(MAX_PRICE) > 0) {
                    throw ConciergeException.badInput(
                            path + ".unitPrice", "must have at most 2 decimals and be below " + MAX_PRICE);
                }
            }
            Inputs.limit(path + ".servicingInstructions", line.servicingInstructions(), maxStringLength);
            if (line.insurance() != null) {
                Inputs.requireText(
                        path + ".insurance.provider", line.insurance().provider(), maxStringLength);
                Inputs.requireText(
                        path + ".insurance.policyNumber", line.insurance().policyNumber(), maxStringLength);
            }
        }
    }

    /** When an item bought on {@code purchaseDate} is next due for care, if its product needs any. */
    public static @Nullable LocalDate nextServiceDue(LocalDate purchaseDate, @Nullable Integer careIntervalDays) {
        return careIntervalDays == null ? null : purchaseDate.plusDays(careIntervalDays);
    }

    private static boolean isCurrency(String code) {
        if (!CURRENCY.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
