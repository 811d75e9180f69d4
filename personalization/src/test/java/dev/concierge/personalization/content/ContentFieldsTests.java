package dev.concierge.personalization.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import dev.concierge.personalization.decision.ContentType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentFieldsTests {

    private static final String SHARED = "input.fields";
    private static final String OWN = "input.variants[1].fields";

    static Stream<Arguments> validFields() {
        return Stream.of(
                valid(ContentType.HERO, Map.of("headline", "Hi")),
                valid(
                        ContentType.HERO,
                        Map.of(
                                "headline", "h".repeat(ContentFields.MAX_SHORT_TEXT),
                                "subheadline", "s".repeat(ContentFields.MAX_LONG_TEXT),
                                "imageUrl", "https://images.example/hero.jpg",
                                "ctaLabel", "Shop",
                                "ctaUrl", "/collections/new?x=1#top")),
                valid(ContentType.BANNER, Map.of("text", "Free shipping", "linkUrl", "http://example.com")),
                valid(
                        ContentType.OFFER,
                        Map.of(
                                "title", "20% off",
                                "description", "",
                                "code", "BDAY20",
                                "discountPercent", 1,
                                "validUntil", "2026-12-31",
                                "imageUrl", "/img/offer.png")),
                valid(ContentType.OFFER, Map.of("title", "All", "discountPercent", 100L)),
                valid(ContentType.OFFER, Map.of("title", "Decimal", "discountPercent", new BigDecimal("50.00"))),
                valid(ContentType.OFFER, Map.of("title", "Double", "discountPercent", 25.0)),
                valid(ContentType.ARTICLE, Map.of("title", "Care", "summary", "Five habits", "url", "/care")),
                valid(
                        ContentType.CAROUSEL,
                        Map.of(
                                "title",
                                "Most loved",
                                "items",
                                List.of(
                                        Map.of("title", "Ring", "sku", "RNG-0001"),
                                        Map.of("title", "Watch", "imageUrl", "/w.jpg", "linkUrl", "/watches")))),
                valid(ContentType.CAROUSEL, Map.of("title", "Full", "items", items(ContentFields.MAX_CAROUSEL_ITEMS))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFields")
    void validate_validFields_passes(String name, ContentType type, Map<String, Object> fields) {
        assertThatCode(() -> ContentFields.validate(type, Map.of(), SHARED, fields, OWN))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                invalid("hero without headline", ContentType.HERO, Map.of("subheadline", "x"), OWN + ".headline"),
                invalid("hero blank headline", ContentType.HERO, Map.of("headline", "  "), OWN + ".headline"),
                invalid(
                        "hero headline too long",
                        ContentType.HERO,
                        Map.of("headline", "h".repeat(ContentFields.MAX_SHORT_TEXT + 1)),
                        OWN + ".headline"),
                invalid("hero headline a number", ContentType.HERO, Map.of("headline", 5), OWN + ".headline"),
                invalid(
                        "hero unknown field",
                        ContentType.HERO,
                        Map.of("headline", "x", "headlin", "typo"),
                        OWN + ".headlin"),
                invalid(
                        "hero field of another type",
                        ContentType.HERO,
                        Map.of("headline", "x", "text", "y"),
                        OWN + ".text"),
                invalid(
                        "relative url without slash",
                        ContentType.HERO,
                        Map.of("headline", "x", "ctaUrl", "collections"),
                        OWN + ".ctaUrl"),
                invalid(
                        "protocol-relative url",
                        ContentType.HERO,
                        Map.of("headline", "x", "ctaUrl", "//evil.example/x"),
                        OWN + ".ctaUrl"),
                invalid(
                        "javascript url",
                        ContentType.HERO,
                        Map.of("headline", "x", "ctaUrl", "javascript:alert(1)"),
                        OWN + ".ctaUrl"),
                invalid(
                        "url with a space",
                        ContentType.HERO,
                        Map.of("headline", "x", "imageUrl", "https://a.example/a b.jpg"),
                        OWN + ".imageUrl"),
                invalid(
                        "url without host",
                        ContentType.BANNER,
                        Map.of("text", "x", "linkUrl", "https:///path"),
                        OWN + ".linkUrl"),
                invalid(
                        "url too long",
                        ContentType.BANNER,
                        Map.of("text", "x", "linkUrl", "/" + "a".repeat(ContentFields.MAX_URL)),
                        OWN + ".linkUrl"),
                invalid("banner without text", ContentType.BANNER, Map.of("linkUrl", "/x"), OWN + ".text"),
                invalid("offer without title", ContentType.OFFER, Map.of("code", "X"), OWN + ".title"),
                invalid(
                        "offer discount 0",
                        ContentType.OFFER,
                        Map.of("title", "x", "discountPercent", 0),
                        OWN + ".discountPercent"),
                invalid(
                        "offer discount 101",
                        ContentType.OFFER,
                        Map.of("title", "x", "discountPercent", 101),
                        OWN + ".discountPercent"),
                invalid(
                        "offer discount fractional",
                        ContentType.OFFER,
                        Map.of("title", "x", "discountPercent", new BigDecimal("12.5")),
                        OWN + ".discountPercent"),
                invalid(
                        "offer discount a string",
                        ContentType.OFFER,
                        Map.of("title", "x", "discountPercent", "20"),
                        OWN + ".discountPercent"),
                invalid(
                        "offer validUntil not a date",
                        ContentType.OFFER,
                        Map.of("title", "x", "validUntil", "2026-02-30"),
                        OWN + ".validUntil"),
                invalid(
                        "offer code with a space",
                        ContentType.OFFER,
                        Map.of("title", "x", "code", "BDAY 20"),
                        OWN + ".code"),
                invalid("article without title", ContentType.ARTICLE, Map.of("summary", "x"), OWN + ".title"),
                invalid("carousel without items", ContentType.CAROUSEL, Map.of("title", "x"), OWN + ".items"),
                invalid(
                        "carousel empty items",
                        ContentType.CAROUSEL,
                        Map.of("title", "x", "items", List.of()),
                        OWN + ".items"),
                invalid(
                        "carousel too many items",
                        ContentType.CAROUSEL,
                        Map.of("title", "x", "items", items(ContentFields.MAX_CAROUSEL_ITEMS + 1)),
                        OWN + ".items"),
                invalid(
                        "carousel items not a list",
                        ContentType.CAROUSEL,
                        Map.of("title", "x", "items", Map.of("title", "y")),
                        OWN + ".items"),
                invalid(
                        "carousel item not an object",
                        ContentType.CAROUSEL,
                        Map.of("title", "x", "items", List.of("y")),
                        OWN + ".items[0]"),
                invalid(
                        "carousel item without title",
                        ContentType.CAROUSEL,
                        Map.of("title", "x", "items", List.of(Map.of("title", "a"), Map.of("sku", "RNG-1"))),
                        OWN + ".items[1].title"),
                invalid(
                        "carousel item unknown field",
                        ContentType.CAROUSEL,
                        Map.of("title", "x", "items", List.of(Map.of("title", "a", "price", 3))),
                        OWN + ".items[0].price"),
                invalid(
                        "carousel item bad link",
                        ContentType.CAROUSEL,
                        Map.of("title", "x", "items", List.of(Map.of("title", "a", "linkUrl", "ftp://x.example/"))),
                        OWN + ".items[0].linkUrl"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFields")
    void validate_invalidFields_isBadInputAtThePath(
            String name, ContentType type, Map<String, Object> fields, String path) {
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> ContentFields.validate(type, Map.of(), SHARED, fields, OWN))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                    assertThat(e.inputPath()).isEqualTo(path);
                });
    }

    @Test
    void validate_requiredFieldInSharedFields_satisfiesEveryVariant() {
        assertThatCode(() -> ContentFields.validate(
                        ContentType.HERO, Map.of("headline", "Shared"), SHARED, Map.of("ctaLabel", "Go"), OWN))
                .doesNotThrowAnyException();
    }

    @Test
    void validate_badSharedField_isReportedAtTheSharedPath() {
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> ContentFields.validate(
                        ContentType.HERO, Map.of("imageUrl", "nope"), SHARED, Map.of("headline", "x"), OWN))
                .satisfies(e -> assertThat(e.inputPath()).isEqualTo(SHARED + ".imageUrl"));
    }

    @Test
    void validate_variantOverridesABadSharedField_isValid() {
        assertThatCode(() -> ContentFields.validate(
                        ContentType.HERO,
                        Map.of("imageUrl", "nope", "headline", "x"),
                        SHARED,
                        Map.of("imageUrl", "/ok.jpg"),
                        OWN))
                .doesNotThrowAnyException();
    }

    @Test
    void object_nullMemberOrNonObject_isBadInput() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("headline", null);
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> ContentFields.object(OWN, withNull))
                .satisfies(e -> assertThat(e.inputPath()).isEqualTo(OWN + ".headline"));
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> ContentFields.object(OWN, List.of()))
                .satisfies(e -> assertThat(e.inputPath()).isEqualTo(OWN));
        assertThat(ContentFields.object(OWN, null)).isEmpty();
    }

    @Test
    void names_agreeWithWhatThePageViewsRead() {
        assertThat(ContentFields.names(ContentType.HERO))
                .containsExactly("headline", "subheadline", "imageUrl", "ctaLabel", "ctaUrl");
        assertThat(ContentFields.names(ContentType.CAROUSEL)).containsExactly("title", "items");
    }

    private static List<Map<String, Object>> items(int count) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("title", "Item " + i));
        }
        return items;
    }

    private static Arguments valid(ContentType type, Map<String, Object> fields) {
        return Arguments.of(type + " " + fields.keySet(), type, fields);
    }

    private static Arguments invalid(String name, ContentType type, Map<String, Object> fields, String path) {
        return Arguments.of(name, type, fields, path);
    }
}
