package dev.concierge.api.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The recommendation settings: defaults, and a schedule by interval or by cron. */
class RecommendationPropertiesTests {

    static RecommendationProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("concierge.recommendations", RecommendationProperties.class);
    }

    @Test
    void withNothingSet_rebuildsWhenEmptyAndEverySixHours_overAYear() {
        RecommendationProperties properties = bind(Map.of());

        assertThat(properties.job().buildWhenEmpty()).isTrue();
        assertThat(properties.job().scheduled()).isTrue();
        assertThat(properties.job().interval()).isEqualTo(Duration.ofHours(6));
        assertThat(properties.job().cron()).isNull();
        assertThat(properties.historyDays()).isEqualTo(365);
        assertThat(properties.training().settings().topK()).isEqualTo(50);
        assertThat(properties.training().settings().halfLife()).isEqualTo(Duration.ofDays(180));
        assertThat(properties.incremental().enabled()).isTrue();
    }

    @Test
    void schedule_byInterval_waitsTheInterval() {
        RecommendationProperties properties = bind(Map.of("concierge.recommendations.job.interval", "90m"));

        assertThat(properties.job().nextDelay(Instant.parse("2026-11-24T10:00:00Z")))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void schedule_byCron_waitsForTheNextTimeInTheZone() {
        Map<String, String> settings = new HashMap<>();
        settings.put("concierge.recommendations.job.interval", "1h");
        settings.put("concierge.recommendations.job.cron", "0 0 3 * * *");
        settings.put("concierge.recommendations.job.zone", "Europe/Paris");
        RecommendationProperties properties = bind(settings);

        // 10:00 UTC is 11:00 in Paris: the next 03:00 there is 16 hours away.
        assertThat(properties.job().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(properties.job().nextDelay(Instant.parse("2026-11-24T10:00:00Z")))
                .isEqualTo(Duration.ofHours(16));
    }

    @Test
    void schedule_withABadCron_failsNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("concierge.recommendations.job.cron", "every night")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("concierge.recommendations.job.cron");
    }

    @Test
    void training_withANonPositiveHalfLife_failsNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("concierge.recommendations.training.half-life", "0s")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("half-life");
    }
}
