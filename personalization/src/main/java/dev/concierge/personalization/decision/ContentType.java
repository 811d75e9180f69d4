package dev.concierge.personalization.decision;

/** The content types of the CMS; each has its own typed fields. */
public enum ContentType {
    HERO,
    BANNER,
    OFFER,
    ARTICLE,
    CAROUSEL
}
