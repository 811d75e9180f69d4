package dev.concierge.personalization.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalesTests {

    @ParameterizedTest(name = "{0} does not fit {1}")
    @CsvSource({
        "fr, en-US",
        "en-GB, en-US",
        "en-US, en",
        "e, en-US",
        "en-, en-US",
        "'', en-US",
        "eng, en-US",
        "en-US-x, en-US"
    })
    void specificity_otherLocale_noMatch(String variant, String visitor) {
        assertThat(Locales.specificity(variant, visitor)).isEqualTo(Locales.NO_MATCH);
    }

    @ParameterizedTest(name = "{0} fits {1}")
    @CsvSource({
        "en-US, en-US",
        "EN-us, en-US",
        "en_US, en-US",
        "en-us, en_US",
        "en, en-US",
        "EN, en-us",
        "en, en_US",
        "zh-Hant, zh-Hant-TW"
    })
    void specificity_sameOrLanguageLocale_fits(String variant, String visitor) {
        assertThat(Locales.specificity(variant, visitor)).isGreaterThan(Locales.ANY);
    }

    @Test
    void specificity_exactOutranksLanguageOutranksNone() {
        int exact = Locales.specificity("en-us", "en-US");
        int language = Locales.specificity("en", "en-US");
        int none = Locales.specificity(null, "en-US");

        assertThat(none).isEqualTo(Locales.ANY);
        assertThat(language).isGreaterThan(none);
        assertThat(exact).isGreaterThan(language);
        assertThat(Locales.specificity("zh-Hant", "zh-Hant-TW")).isGreaterThan(Locales.specificity("zh", "zh-Hant-TW"));
        assertThat(Locales.specificity("en", "en")).isGreaterThan(Locales.specificity("en", "en-US"));
    }
}
