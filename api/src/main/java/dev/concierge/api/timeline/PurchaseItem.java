package dev.concierge.api.timeline;

import dev.concierge.api.graphql.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** One line of a purchase as stored. */
public record PurchaseItem(
        String purchaseId,
        int lineNumber,
        String sku,
        int quantity,
        BigDecimal unitAmount,
        String currency,
        @Nullable String imageUrl,
        @Nullable String insuranceProvider,
        @Nullable String insurancePolicy,
        @Nullable LocalDate insuranceValidUntil,
        @Nullable String servicingInstructions,
        @Nullable LocalDate nextServiceDue) {

    /** The GraphQL {@code InsuranceCoverage} type. */
    public record InsuranceCoverage(
            String provider, String policyNumber, @Nullable LocalDate validUntil, boolean active) {}

    public Money unitPrice() {
        return Money.of(unitAmount, currency);
    }

    public @Nullable InsuranceCoverage insurance() {
        if (insuranceProvider == null || insurancePolicy == null) {
            return null;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new InsuranceCoverage(
                insuranceProvider,
                insurancePolicy,
                insuranceValidUntil,
                insuranceValidUntil == null || !insuranceValidUntil.isBefore(today));
    }
}
