package dev.concierge.personalization.decision;

import org.jspecify.annotations.Nullable;

/** How well a variant's locale fits the visitor's, without regular expressions or allocation. */
final class Locales {

    /** The variant's locale does not fit the visitor's. */
    static final int NO_MATCH = -1;
    /** The variant has no locale: it fits every visitor, least specifically. */
    static final int ANY = 0;

    private Locales() {}

    /**
     * {@link #NO_MATCH}, {@link #ANY}, or a positive specificity that grows with the length of the
     * match: the variant's tag equals the visitor's (ignoring case, {@code -} and {@code _} alike),
     * which ranks highest, or is a prefix of it that ends at a subtag boundary ({@code en} fits
     * {@code en-US}, {@code zh-Hant} fits {@code zh-Hant-TW} and outranks {@code zh}).
     */
    static int specificity(@Nullable String variantLocale, String visitorLocale) {
        if (variantLocale == null) {
            return ANY;
        }
        int length = variantLocale.length();
        int visitorLength = visitorLocale.length();
        if (length == 0 || length > visitorLength || !sameTags(variantLocale, visitorLocale, length)) {
            return NO_MATCH;
        }
        if (length == visitorLength) {
            return length + 1;
        }
        return isSeparator(visitorLocale.charAt(length)) ? length : NO_MATCH;
    }

    private static boolean sameTags(String a, String b, int length) {
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && Character.toLowerCase(x) != Character.toLowerCase(y) && !(isSeparator(x) && isSeparator(y))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_';
    }
}
