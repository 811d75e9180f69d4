package dev.concierge.personalization.content;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.decision.ContentType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of each content type, as the page's typed content views read them: their names, JSON
 * types, which are required, and their limits. Unknown fields are refused, so that a typo never
 * publishes content that silently lacks its text.
 *
 * <p>A variant shows its <em>effective</em> fields: the version's shared fields overlaid with the
 * variant's own. Each problem is reported at the path of the value that caused it (the shared
 * field's or the variant's), and a missing required field at the variant's path.
 */
public final class ContentFields {

    /** The longest short text: headlines, titles, labels. */
    public static final int MAX_SHORT_TEXT = 200;

    /** The longest long text: subheadlines, banner text, summaries, descriptions. */
    public static final int MAX_LONG_TEXT = 2_000;

    /** The longest URL or path. */
    public static final int MAX_URL = 2_048;

    /** The longest offer code or product sku. */
    public static final int MAX_CODE = 64;

    /** The most items a carousel holds. */
    public static final int MAX_CAROUSEL_ITEMS = 24;

    /** What a field holds. */
    enum Kind {
        SHORT_TEXT,
        LONG_TEXT,
        URL,
        CODE,
        PERCENT,
        DATE,
        ITEMS
    }

    /** A field of a type: its kind, and whether every variant must end up with it. */
    record Field(Kind kind, boolean required) {}

    private static final Map<ContentType, Map<String, Field>> TYPES = new EnumMap<>(ContentType.class);

    private static final Map<String, Field> CAROUSEL_ITEM = fields(
            "title",
            Kind.SHORT_TEXT,
            true,
            "imageUrl",
            Kind.URL,
            false,
            "linkUrl",
            Kind.URL,
            false,
            "sku",
            Kind.CODE,
            false);

    static {
        TYPES.put(
                ContentType.HERO,
                fields(
                        "headline",
                        Kind.SHORT_TEXT,
                        true,
                        "subheadline",
                        Kind.LONG_TEXT,
                        false,
                        "imageUrl",
                        Kind.URL,
                        false,
                        "ctaLabel",
                        Kind.SHORT_TEXT,
                        false,
                        "ctaUrl",
                        Kind.URL,
                        false));
        TYPES.put(
                ContentType.BANNER,
                fields("text", Kind.LONG_TEXT, true, "linkUrl", Kind.URL, false, "imageUrl", Kind.URL, false));
        TYPES.put(
                ContentType.OFFER,
                fields(
                        "title",
                        Kind.SHORT_TEXT,
                        true,
                        "description",
                        Kind.LONG_TEXT,
                        false,
                        "code",
                        Kind.CODE,
                        false,
                        "discountPercent",
                        Kind.PERCENT,
                        false,
                        "validUntil",
                        Kind.DATE,
                        false,
                        "imageUrl",
                        Kind.URL,
                        false));
        TYPES.put(
                ContentType.ARTICLE,
                fields(
                        "title",
                        Kind.SHORT_TEXT,
                        true,
                        "summary",
                        Kind.LONG_TEXT,
                        false,
                        "url",
                        Kind.URL,
                        false,
                        "imageUrl",
                        Kind.URL,
                        false));
        TYPES.put(ContentType.CAROUSEL, fields("title", Kind.SHORT_TEXT, true, "items", Kind.ITEMS, true));
    }

    private ContentFields() {}

    /** The field names a type takes, in the order the views read them. */
    public static List<String> names(ContentType type) {
        return List.copyOf(TYPES.get(type).keySet());
    }

    /**
     * A JSON value that must be an object of fields: its members as a map. Null is an empty object;
     * a member that is null is refused (omit it instead: a variant cannot remove a shared field).
     */
    public static Map<String, Object> object(String path, @Nullable Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw ConciergeException.badInput(path, "must be a JSON object of fields");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (entry.getValue() == null) {
                throw ConciergeException.badInput(path + "." + name, "must not be null; leave the field out instead");
            }
            fields.put(name, entry.getValue());
        }
        return fields;
    }

    /**
     * Checks one variant's effective fields: {@code shared} (at {@code sharedPath}) overlaid with
     * {@code own} (at {@code ownPath}).
     *
     * @throws ConciergeException {@code BAD_USER_INPUT} at the path of the first problem
     */
    public static void validate(
            ContentType type, Map<String, ?> shared, String sharedPath, Map<String, ?> own, String ownPath) {
        Map<String, Field> allowed = TYPES.get(type);
        for (Map.Entry<String, ?> entry : shared.entrySet()) {
            if (!own.containsKey(entry.getKey())) {
                check(type, allowed, entry.getKey(), entry.getValue(), sharedPath + "." + entry.getKey());
            }
        }
        for (Map.Entry<String, ?> entry : own.entrySet()) {
            check(type, allowed, entry.getKey(), entry.getValue(), ownPath + "." + entry.getKey());
        }
        for (Map.Entry<String, Field> field : allowed.entrySet()) {
            if (field.getValue().required()
                    && !own.containsKey(field.getKey())
                    && !shared.containsKey(field.getKey())) {
                throw ConciergeException.badInput(
                        ownPath + "." + field.getKey(),
                        "is required for " + type + " content (in the variant's fields or the shared fields)");
            }
        }
    }

    private static void check(
            ContentType type, Map<String, Field> allowed, String name, @Nullable Object value, String path) {
        Field field = allowed.get(name);
        if (field == null) {
            throw ConciergeException.badInput(
                    path, "is not a field of " + type + " content; its fields are " + allowed.keySet());
        }
        value(field, value, path);
    }

    private static void value(Field field, @Nullable Object value, String path) {
        if (value == null) {
            throw ConciergeException.badInput(path, "must not be null; leave the field out instead");
        }
        switch (field.kind()) {
            case SHORT_TEXT -> text(path, value, MAX_SHORT_TEXT, field.required());
            case LONG_TEXT -> text(path, value, MAX_LONG_TEXT, field.required());
            case CODE -> code(path, value);
            case URL -> url(path, value);
            case PERCENT -> percent(path, value);
            case DATE -> date(path, value);
            case ITEMS -> items(path, value);
        }
    }

    private static String text(String path, Object value, int max, boolean required) {
        if (!(value instanceof String text)) {
            throw ConciergeException.badInput(path, "must be a string, got " + jsonType(value));
        }
        if (required && text.isBlank()) {
            throw ConciergeException.badInput(path, "must not be blank");
        }
        if (text.length() > max) {
            throw ConciergeException.badInput(
                    path, "is " + text.length() + " characters long; at most " + max + " are allowed");
        }
        return text;
    }

    private static void code(String path, Object value) {
        String code = text(path, value, MAX_CODE, true);
        for (int i = 0; i < code.length(); i++) {
            if (Character.isWhitespace(code.charAt(i)) || Character.isISOControl(code.charAt(i))) {
                throw ConciergeException.badInput(path, "must not contain spaces or control characters");
            }
        }
    }

    /** An absolute http(s) URL with a host, or a path on this site starting with a single '/'. */
    private static void url(String path, Object value) {
        String url = text(path, value, MAX_URL, true);
        String problem = "must be an absolute http(s) URL or a path starting with '/', got '" + shorten(url) + "'";
        for (int i = 0; i < url.length(); i++) {
            if (Character.isWhitespace(url.charAt(i)) || Character.isISOControl(url.charAt(i))) {
                throw ConciergeException.badInput(path, problem);
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ConciergeException.badInput(path, problem);
        }
        if (url.startsWith("/")) {
            // "//host/..." is another site's address without a scheme.
            if (url.startsWith("//") || uri.getScheme() != null) {
                throw ConciergeException.badInput(path, problem);
            }
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw ConciergeException.badInput(path, problem);
        }
    }

    private static void percent(String path, Object value) {
        BigDecimal number = integral(value);
        if (number == null) {
            throw ConciergeException.badInput(path, "must be a whole number between 1 and 100, got " + shorten(value));
        }
        if (number.compareTo(BigDecimal.ONE) < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ConciergeException.badInput(path, "must be between 1 and 100, got " + number.toPlainString());
        }
    }

    private static @Nullable BigDecimal integral(Object value) {
        BigDecimal number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            number = new BigDecimal(big);
        } else if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            number = BigDecimal.valueOf(d);
        } else {
            return null;
        }
        return number.stripTrailingZeros().scale() <= 0 ? number : null;
    }

    private static void date(String path, Object value) {
        String text = text(path, value, MAX_CODE, true);
        try {
            LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ConciergeException.badInput(
                    path, "must be an ISO date such as 2026-12-31, got '" + shorten(text) + "'");
        }
    }

    private static void items(String path, Object value) {
        if (!(value instanceof List<?> items)) {
            throw ConciergeException.badInput(path, "must be a list of items, got " + jsonType(value));
        }
        if (items.isEmpty()) {
            throw ConciergeException.badInput(path, "must hold at least one item");
        }
        if (items.size() > MAX_CAROUSEL_ITEMS) {
            throw ConciergeException.badInput(
                    path, "holds " + items.size() + " items; at most " + MAX_CAROUSEL_ITEMS + " are allowed");
        }
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw ConciergeException.badInput(itemPath, "must be an object, got " + jsonType(items.get(i)));
            }
            for (Map.Entry<?, ?> member : item.entrySet()) {
                String name = String.valueOf(member.getKey());
                Field field = CAROUSEL_ITEM.get(name);
                if (field == null) {
                    throw ConciergeException.badInput(
                            itemPath + "." + name,
                            "is not a field of a carousel item; its fields are " + CAROUSEL_ITEM.keySet());
                }
                value(field, member.getValue(), itemPath + "." + name);
            }
            if (!item.containsKey("title")) {
                throw ConciergeException.badInput(itemPath + ".title", "is required for a carousel item");
            }
        }
    }

    private static String jsonType(@Nullable Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return "null";
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    private static Map<String, Field> fields(Object... triples) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            fields.put((String) triples[i], new Field((Kind) triples[i + 1], (Boolean) triples[i + 2]));
        }
        return Collections.unmodifiableMap(fields);
    }
}
