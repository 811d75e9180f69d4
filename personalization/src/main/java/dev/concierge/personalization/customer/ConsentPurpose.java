package dev.concierge.personalization.customer;

/** What a customer can consent to; no ledger row for a purpose means "not granted". */
public enum ConsentPurpose {
    PERSONALIZATION,
    BROWSING_TRACKING,
    LOCATION,
    EMAIL,
    SMS,
    PUSH
}
