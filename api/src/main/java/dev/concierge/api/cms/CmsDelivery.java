package dev.concierge.api.cms;

import dev.concierge.api.editor.ContentVariantInput;
import dev.concierge.personalization.ConciergeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parsed delivery: {@code {"deliveryId", "event", "entry": {...}}}. Every problem is a
 * {@code BAD_USER_INPUT} at its JSON path (e.g. {@code entry.variants[0].fields.headline}).
 */
record CmsDelivery(
        String deliveryId,
        String event,
        String externalId,
        @Nullable Entry entry) {

    static final String PUBLISH = "publish";
    static final String UNPUBLISH = "unpublish";

    private static final Pattern NOT_ID = Pattern.compile("[^a-z0-9_-]+");
    private static final int MAX_DELIVERY_ID = 200;
    private static final int MAX_EXTERNAL_ID = 200;
    /** "cms-" + this + "-" + 8 hex digits fits the 64 characters of an entry id. */
    private static final int MAX_ID_STEM = 51;

    /** What a publish carries. */
    record Entry(
            String pageSlug,
            String slot,
            String type,
            String name,
            @Nullable Object fields,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            List<ContentVariantInput> variants) {}

    static CmsDelivery parse(Object body) {
        Map<?, ?> root = object("", body);
        String deliveryId = text(root, "", "deliveryId");
        if (deliveryId.length() > MAX_DELIVERY_ID) {
            throw ConciergeException.badInput("deliveryId", "at most " + MAX_DELIVERY_ID + " characters");
        }
        String event = text(root, "", "event");
        if (!event.equals(PUBLISH) && !event.equals(UNPUBLISH)) {
            throw ConciergeException.badInput("event", "must be 'publish' or 'unpublish', got '" + event + "'");
        }
        Map<?, ?> entry = object("entry", root.get("entry"));
        String externalId = text(entry, "entry", "externalId");
        if (externalId.length() > MAX_EXTERNAL_ID) {
            throw ConciergeException.badInput("entry.externalId", "at most " + MAX_EXTERNAL_ID + " characters");
        }
        if (event.equals(UNPUBLISH)) {
            return new CmsDelivery(deliveryId, event, externalId, null);
        }
        List<ContentVariantInput> variants = new ArrayList<>();
        Object list = entry.get("variants");
        if (!(list instanceof List<?> items)) {
            throw ConciergeException.badInput("entry.variants", "must be a list of variants");
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "entry.variants[" + i + "]";
            Map<?, ?> v = object(path, items.get(i));
            variants.add(new ContentVariantInput(
                    text(v, path, "key"),
                    strings(v, path, "audience"),
                    integer(v, path, "priority"),
                    optionalText(v, path, "locale"),
                    instant(v, path, "startsAt"),
                    instant(v, path, "endsAt"),
                    optionalText(v, path, "experimentId"),
                    optionalText(v, path, "experimentArm"),
                    v.get("fields")));
        }
        return new CmsDelivery(
                deliveryId,
                event,
                externalId,
                new Entry(
                        text(entry, "entry", "pageSlug"),
                        text(entry, "entry", "slot"),
                        text(entry, "entry", "type").toUpperCase(Locale.ROOT),
                        text(entry, "entry", "name"),
                        entry.get("fields"),
                        instant(entry, "entry", "startsAt"),
                        instant(entry, "entry", "endsAt"),
                        variants));
    }

    /**
     * The entry id of a CMS entry: {@code cms-} and the external id in lower case with every run
     * of other characters as {@code -}; when that changed or shortened it, {@code -} and the first 8
     * hex digits of the external id's SHA-256 follow, so that distinct external ids stay distinct.
     */
    static String entryId(String externalId) {
        String stem = NOT_ID.matcher(externalId.toLowerCase(Locale.ROOT)).replaceAll("-");
        boolean exact = stem.equals(externalId) && stem.length() <= MAX_ID_STEM + 9 && !stem.startsWith("-");
        if (exact) {
            return "cms-" + stem;
        }
        if (stem.length() > MAX_ID_STEM) {
            stem = stem.substring(0, MAX_ID_STEM);
        }
        return "cms-" + stem + "-"
                + Signatures.sha256(externalId.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .substring(0, 8);
    }

    private static Map<?, ?> object(String path, @Nullable Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw ConciergeException.badInput(path.isEmpty() ? "body" : path, "must be a JSON object");
        }
        return map;
    }

    private static String at(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String text(Map<?, ?> map, String path, String name) {
        String value = optionalText(map, path, name);
        if (value == null || value.isBlank()) {
            throw ConciergeException.badInput(at(path, name), "is required");
        }
        return value;
    }

    private static @Nullable String optionalText(Map<?, ?> map, String path, String name) {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw ConciergeException.badInput(at(path, name), "must be a string");
        }
        return text;
    }

    private static @Nullable Integer integer(Map<?, ?> map, String path, String name) {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer number)) {
            throw ConciergeException.badInput(at(path, name), "must be a whole number");
        }
        return number;
    }

    private static @Nullable List<String> strings(Map<?, ?> map, String path, String name) {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw ConciergeException.badInput(at(path, name), "must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static @Nullable Instant instant(Map<?, ?> map, String path, String name) {
        String text = optionalText(map, path, name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ConciergeException.badInput(
                    at(path, name), "must be an ISO-8601 date-time with an offset, such as 2026-11-24T10:15:30Z");
        }
    }
}
