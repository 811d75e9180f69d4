package dev.concierge.personalization.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import dev.concierge.personalization.decision.ContentType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRulesTests {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private static final ContentDraft.Variant DEFAULT =
            new ContentDraft.Variant("default", List.of(), 0, null, null, null, null, null, Map.of());
    private static final ContentDraft.Variant GOLD = new ContentDraft.Variant(
            "gold", List.of("gold-members"), 40, "en-GB", T0, T0.plusSeconds(60), null, null, Map.of());

    private static ContentDraft draft(ContentDraft.Variant... variants) {
        return new ContentDraft(ContentType.HERO, Map.of("headline", "Shared"), null, null, List.of(variants));
    }

    @Test
    void validate_wellFormedDraft_passes() {
        assertThatCode(() -> ContentRules.validate("input", draft(DEFAULT, GOLD)))
                .doesNotThrowAnyException();
        assertThatCode(() -> ContentRules.validate(
                        "input",
                        draft(new ContentDraft.Variant(
                                "arm-a",
                                List.of(),
                                ContentRules.MAX_PRIORITY,
                                "fr",
                                null,
                                null,
                                "hero-test",
                                "A",
                                Map.of()))))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidDrafts() {
        return Stream.of(
                invalid(
                        "no variants",
                        d -> new ContentDraft(d.type(), d.fields(), null, null, List.of()),
                        "input.variants"),
                invalid(
                        "too many variants",
                        d -> new ContentDraft(
                                d.type(), d.fields(), null, null, variants(ContentRules.MAX_VARIANTS + 1)),
                        "input.variants"),
                invalid(
                        "version ends before it starts",
                        d -> new ContentDraft(d.type(), d.fields(), T0, T0, d.variants()),
                        "input.endsAt"),
                invalid("duplicate variant key", d -> draft(DEFAULT, GOLD, DEFAULT), "input.variants[2].key"),
                invalid("bad variant key", d -> draft(variant("has space", 0, null)), "input.variants[0].key"),
                invalid(
                        "priority above range",
                        d -> draft(DEFAULT, variant("v", ContentRules.MAX_PRIORITY + 1, null)),
                        "input.variants[1].priority"),
                invalid(
                        "priority below range",
                        d -> draft(variant("v", -ContentRules.MAX_PRIORITY - 1, null)),
                        "input.variants[0].priority"),
                invalid("bad locale", d -> draft(variant("v", 0, "english please")), "input.variants[0].locale"),
                invalid("one-letter locale", d -> draft(variant("v", 0, "e")), "input.variants[0].locale"),
                invalid(
                        "variant ends before it starts",
                        d -> draft(new ContentDraft.Variant(
                                "v", List.of(), 0, null, T0, T0.minusSeconds(1), null, null, Map.of())),
                        "input.variants[0].endsAt"),
                invalid(
                        "experiment without arm",
                        d -> draft(new ContentDraft.Variant(
                                "v", List.of(), 0, null, null, null, "hero-test", null, Map.of())),
                        "input.variants[0].experimentArm"),
                invalid(
                        "arm without experiment",
                        d -> draft(new ContentDraft.Variant("v", List.of(), 0, null, null, null, null, "A", Map.of())),
                        "input.variants[0].experimentId"),
                invalid(
                        "bad segment id",
                        d -> draft(new ContentDraft.Variant(
                                "v", List.of("Gold Members"), 0, null, null, null, null, null, Map.of())),
                        "input.variants[0].audience[0]"),
                invalid(
                        "segment named twice",
                        d -> draft(new ContentDraft.Variant(
                                "v", List.of("a", "a"), 0, null, null, null, null, null, Map.of())),
                        "input.variants[0].audience[1]"),
                invalid(
                        "a variant's bad field",
                        d -> draft(
                                DEFAULT,
                                new ContentDraft.Variant(
                                        "v", List.of(), 0, null, null, null, null, null, Map.of("headline", 3))),
                        "input.variants[1].fields.headline"),
                invalid(
                        "required field nowhere",
                        d -> new ContentDraft(ContentType.HERO, Map.of(), null, null, List.of(DEFAULT)),
                        "input.variants[0].fields.headline"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDrafts")
    void validate_invalidDraft_isBadInputAtThePath(String name, UnaryOperator<ContentDraft> change, String path) {
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> ContentRules.validate("input", change.apply(draft(DEFAULT))))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                    assertThat(e.inputPath()).isEqualTo(path);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Upper", "-leading", "has space", "dots.not.allowed"})
    void validateId_badIds_areBadInput(String id) {
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> ContentRules.validateId("input.id", id))
                .satisfies(e -> assertThat(e.inputPath()).isEqualTo("input.id"));
    }

    @Test
    void validateId_lengthBoundary() {
        assertThatCode(() -> ContentRules.validateId("input.id", "a".repeat(ContentRules.MAX_ID_LENGTH)))
                .doesNotThrowAnyException();
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> ContentRules.validateId("input.id", "a".repeat(ContentRules.MAX_ID_LENGTH + 1)));
    }

    @Test
    void validateName_blankOrTooLong_isBadInput() {
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> ContentRules.validateName("input.name", " "));
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> ContentRules.validateName(
                        "input.name", String.join("", Collections.nCopies(ContentRules.MAX_NAME_LENGTH + 1, "n"))));
        assertThatCode(() -> ContentRules.validateName("input.name", "n".repeat(ContentRules.MAX_NAME_LENGTH)))
                .doesNotThrowAnyException();
    }

    private static ContentDraft.Variant variant(String key, int priority, String locale) {
        return new ContentDraft.Variant(key, List.of(), priority, locale, null, null, null, null, Map.of());
    }

    private static List<ContentDraft.Variant> variants(int count) {
        List<ContentDraft.Variant> variants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            variants.add(variant("v" + i, 0, null));
        }
        return variants;
    }

    private static Arguments invalid(String name, UnaryOperator<ContentDraft> change, String path) {
        return Arguments.of(name, change, path);
    }
}
