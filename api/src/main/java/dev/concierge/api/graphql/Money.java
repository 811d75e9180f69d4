package dev.concierge.api.graphql;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The GraphQL {@code Money} type: a decimal string and an ISO 4217 code. */
public record Money(String amount, String currency) {

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), currency);
    }
}
