package dev.concierge.api.security;

/** The roles a bearer token can carry in its {@code roles} claim. */
public enum Role {
    /** A signed-in customer: their own data only. */
    CUSTOMER,
    /** A point-of-sale system or store associate: purchases and service orders for any customer. */
    POS,
    /** A content editor or merchandiser. */
    EDITOR,
    /** Operations. */
    SRE;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
