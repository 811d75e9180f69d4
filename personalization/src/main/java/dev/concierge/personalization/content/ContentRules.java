package dev.concierge.personalization.content;

import dev.concierge.personalization.ConciergeException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What makes an entry and a draft of it valid on their own, before anything is stored: the id and
 * name, the schedule, the variants' keys, locales, priorities and experiment arms, and each
 * variant's effective fields ({@link ContentFields}). Whether the page slot, segments and
 * experiments it names exist is for the store to check.
 */
public final class ContentRules {

    /** The longest entry id, segment id or variant key. */
    public static final int MAX_ID_LENGTH = 64;

    /** The longest entry name. */
    public static final int MAX_NAME_LENGTH = 200;

    /** The most variants a version has. */
    public static final int MAX_VARIANTS = 50;

    /** The most segments a variant targets. */
    public static final int MAX_AUDIENCE = 20;

    /** Priorities lie in {@code [-MAX_PRIORITY, MAX_PRIORITY]}. */
    public static final int MAX_PRIORITY = 1_000;

    private static final Pattern ENTRY_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern VARIANT_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    /** A BCP 47 language tag's usual shape: a language, then subtags such as a region or script. */
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private static final int MAX_LOCALE_LENGTH = 35;

    private ContentRules() {}

    /** Lower-case letters, digits, {@code -} and {@code _}, at most {@link #MAX_ID_LENGTH} long. */
    public static void validateId(String path, @Nullable String id) {
        if (id == null || !ENTRY_ID.matcher(id).matches() || id.length() > MAX_ID_LENGTH) {
            throw ConciergeException.badInput(
                    path,
                    "must be lower-case letters, digits, '-' and '_', starting with a letter or digit, at most "
                            + MAX_ID_LENGTH + " characters");
        }
    }

    /** A non-blank name of at most {@link #MAX_NAME_LENGTH} characters. */
    public static void validateName(String path, @Nullable String name) {
        if (name == null || name.isBlank()) {
            throw ConciergeException.badInput(path, "must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ConciergeException.badInput(
                    path, "is " + name.length() + " characters long; at most " + MAX_NAME_LENGTH + " are allowed");
        }
    }

    /**
     * Checks a draft; paths start at {@code path} (e.g. {@code input}), so that a variant's field is
     * reported as {@code input.variants[1].fields.headline}.
     *
     * @throws ConciergeException {@code BAD_USER_INPUT} at the path of the first problem
     */
    public static void validate(String path, ContentDraft draft) {
        schedule(path, draft.startsAt(), draft.endsAt());
        List<ContentDraft.Variant> variants = draft.variants();
        if (variants.isEmpty()) {
            throw ConciergeException.badInput(path + ".variants", "needs at least one variant");
        }
        if (variants.size() > MAX_VARIANTS) {
            throw ConciergeException.badInput(
                    path + ".variants",
                    "has " + variants.size() + " variants; at most " + MAX_VARIANTS + " are allowed");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            ContentDraft.Variant variant = variants.get(i);
            String at = path + ".variants[" + i + "]";
            if (!VARIANT_KEY.matcher(variant.key()).matches() || variant.key().length() > MAX_ID_LENGTH) {
                throw ConciergeException.badInput(
                        at + ".key",
                        "must be letters, digits, '-' and '_', starting with a letter or digit, at most "
                                + MAX_ID_LENGTH + " characters");
            }
            if (!keys.add(variant.key())) {
                throw ConciergeException.badInput(at + ".key", "'" + variant.key() + "' is used by another variant");
            }
            audience(at + ".audience", variant.audience());
            if (Math.abs(variant.priority()) > MAX_PRIORITY) {
                throw ConciergeException.badInput(
                        at + ".priority",
                        "must be between " + -MAX_PRIORITY + " and " + MAX_PRIORITY + ", got " + variant.priority());
            }
            String locale = variant.locale();
            if (locale != null
                    && (locale.length() > MAX_LOCALE_LENGTH
                            || !LOCALE.matcher(locale).matches())) {
                throw ConciergeException.badInput(
                        at + ".locale", "must be a BCP 47 locale or language such as 'fr' or 'en-GB'");
            }
            schedule(at, variant.startsAt(), variant.endsAt());
            if ((variant.experimentId() == null) != (variant.experimentArm() == null)) {
                throw ConciergeException.badInput(
                        at + (variant.experimentId() == null ? ".experimentId" : ".experimentArm"),
                        "experimentId and experimentArm go together: give both or neither");
            }
            ContentFields.validate(draft.type(), draft.fields(), path + ".fields", variant.fields(), at + ".fields");
        }
    }

    private static void audience(String path, List<String> audience) {
        if (audience.size() > MAX_AUDIENCE) {
            throw ConciergeException.badInput(
                    path, "names " + audience.size() + " segments; at most " + MAX_AUDIENCE + " are allowed");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < audience.size(); i++) {
            String id = audience.get(i);
            validateId(path + "[" + i + "]", id);
            if (!seen.add(id)) {
                throw ConciergeException.badInput(path + "[" + i + "]", "names segment '" + id + "' twice");
            }
        }
    }

    private static void schedule(String path, @Nullable Instant startsAt, @Nullable Instant endsAt) {
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw ConciergeException.badInput(path + ".endsAt", "must be after startsAt");
        }
    }
}
