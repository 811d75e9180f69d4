package dev.concierge.api.page;

import dev.concierge.personalization.decision.ContentType;
import dev.concierge.personalization.decision.ContentVariant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The typed GraphQL views of published content: one record per content type, named as the schema's
 * types so that the {@code Content} interface resolves by class name. Fields come from the variant's
 * merged JSON fields; the editor's API validates them on save, so a missing optional field is null
 * and a missing required text is empty.
 */
final class ContentViews {

    private ContentViews() {}

    static Object of(ContentVariant variant) {
        Map<String, Object> f = variant.fields();
        String id = variant.entryId();
        int version = variant.version();
        ContentType type = variant.type();
        return switch (type) {
            case HERO ->
                new HeroContent(
                        id,
                        type,
                        version,
                        required(f, "headline"),
                        text(f, "subheadline"),
                        text(f, "imageUrl"),
                        text(f, "ctaLabel"),
                        text(f, "ctaUrl"));
            case BANNER ->
                new BannerContent(id, type, version, required(f, "text"), text(f, "linkUrl"), text(f, "imageUrl"));
            case OFFER ->
                new OfferContent(
                        id,
                        type,
                        version,
                        required(f, "title"),
                        text(f, "description"),
                        text(f, "code"),
                        integer(f, "discountPercent"),
                        date(f, "validUntil"),
                        text(f, "imageUrl"));
            case ARTICLE ->
                new ArticleContent(
                        id,
                        type,
                        version,
                        required(f, "title"),
                        text(f, "summary"),
                        text(f, "url"),
                        text(f, "imageUrl"));
            case CAROUSEL -> new CarouselContent(id, type, version, required(f, "title"), items(f.get("items")));
        };
    }

    private static List<CarouselItem> items(@Nullable Object value) {
        List<CarouselItem> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> item) {
                    items.add(new CarouselItem(
                            required(item, "title"), text(item, "imageUrl"), text(item, "linkUrl"), text(item, "sku")));
                }
            }
        }
        return items;
    }

    private static String required(Map<?, ?> fields, String name) {
        String value = text(fields, name);
        return value == null ? "" : value;
    }

    private static @Nullable String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }

    private static @Nullable Integer integer(Map<?, ?> fields, String name) {
        return fields.get(name) instanceof Number number ? number.intValue() : null;
    }

    private static @Nullable LocalDate date(Map<?, ?> fields, String name) {
        if (fields.get(name) instanceof String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    record HeroContent(
            String id,
            ContentType type,
            int version,
            String headline,
            @Nullable String subheadline,
            @Nullable String imageUrl,
            @Nullable String ctaLabel,
            @Nullable String ctaUrl) {}

    record BannerContent(
            String id,
            ContentType type,
            int version,
            String text,
            @Nullable String linkUrl,
            @Nullable String imageUrl) {}

    record OfferContent(
            String id,
            ContentType type,
            int version,
            String title,
            @Nullable String description,
            @Nullable String code,
            @Nullable Integer discountPercent,
            @Nullable LocalDate validUntil,
            @Nullable String imageUrl) {}

    record ArticleContent(
            String id,
            ContentType type,
            int version,
            String title,
            @Nullable String summary,
            @Nullable String url,
            @Nullable String imageUrl) {}

    record CarouselContent(String id, ContentType type, int version, String title, List<CarouselItem> items) {}

    record CarouselItem(
            String title,
            @Nullable String imageUrl,
            @Nullable String linkUrl,
            @Nullable String sku) {}
}
