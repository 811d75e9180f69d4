package dev.concierge.personalization.customer;

/**
 * Who a decision is for: a signed-in customer, or a signed-out visitor known only by the anonymous
 * id the storefront keeps for them.
 */
public record Subject(Kind kind, String id) {

    public enum Kind {
        CUSTOMER,
        ANONYMOUS
    }

    public Subject {
        Inputs.requireId(kind == Kind.CUSTOMER ? "customerId" : "anonymousId", id);
    }

    public static Subject customer(String id) {
        return new Subject(Kind.CUSTOMER, id);
    }

    public static Subject anonymous(String id) {
        return new Subject(Kind.ANONYMOUS, id);
    }
}
