package dev.concierge.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.api.ConciergeApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile starts nothing embedded, so it refuses to start without its settings. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTests {

    /** Every setting prod needs, as the environment variables a deployment sets. */
    private static final Map<String, String> ALL_VARIABLES = Map.of(
            "CONCIERGE_DATABASE_HOST", "db.internal",
            "CONCIERGE_DATABASE_NAME", "concierge",
            "CONCIERGE_DATABASE_USERNAME", "concierge",
            "CONCIERGE_DATABASE_PASSWORD", "secret",
            "CONCIERGE_REDIS_HOST", "redis.internal",
            "CONCIERGE_SECURITY_JWT_ISSUER_URI", "https://id.example.com/");

    private final ProductionSettingsCheck check = new ProductionSettingsCheck();

    @Test
    void start_prodWithoutSettings_failsWithMissingSettingsAndStartsNoEmbeddedServer(CapturedOutput output) {
        Path directory = Path.of("target", "prod-should-not-create-" + UUID.randomUUID());

        assertThatThrownBy(() -> new SpringApplicationBuilder(ConciergeApplication.class)
                        .profiles("prod")
                        .properties("server.port=0")
                        .run("--concierge.embedded.data-directory=" + directory))
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                        .isInstanceOfSatisfying(
                                MissingSettingsException.class,
                                missing -> assertThat(missing.getMessage())
                                        .contains(
                                                "CONCIERGE_DATABASE_HOST",
                                                "CONCIERGE_REDIS_HOST",
                                                "CONCIERGE_SECURITY_JWT_ISSUER_URI")));

        assertThat(directory).doesNotExist();
        // The failure analyzer is registered: the start-up report says what to do.
        assertThat(output).contains("CONCIERGE_DATABASE_HOST", "README.md");
    }

    @Test
    void check_prodWithEverySettingAsEnvironmentVariables_passes() {
        assertThatCode(() -> check.postProcessEnvironment(prodWithVariables(ALL_VARIABLES), application()))
                .doesNotThrowAnyException();
    }

    @Test
    void check_prodWithEverySettingAsProperties_passes() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("concierge.database.host", "db.internal")
                .withProperty("concierge.database.name", "concierge")
                .withProperty("concierge.database.username", "concierge")
                .withProperty("concierge.database.password", "secret")
                .withProperty("concierge.redis.host", "redis.internal")
                .withProperty("concierge.security.jwt.jwk-set-uri", "https://id.example.com/jwks");
        environment.setActiveProfiles("prod");

        assertThatCode(() -> check.postProcessEnvironment(environment, application()))
                .doesNotThrowAnyException();
    }

    @Test
    void check_prodWithJwkSetUriInsteadOfIssuer_passes() {
        Map<String, String> variables = new HashMap<>(ALL_VARIABLES);
        variables.remove("CONCIERGE_SECURITY_JWT_ISSUER_URI");
        variables.put("CONCIERGE_SECURITY_JWT_JWK_SET_URI", "https://id.example.com/jwks");

        assertThatCode(() -> check.postProcessEnvironment(prodWithVariables(variables), application()))
                .doesNotThrowAnyException();
    }

    @Test
    void check_withoutProdProfile_requiresNothing() {
        assertThatCode(() -> check.postProcessEnvironment(new StandardEnvironment(), application()))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> eachMissingSetting() {
        return Stream.of(
                Arguments.of("CONCIERGE_DATABASE_HOST"),
                Arguments.of("CONCIERGE_DATABASE_NAME"),
                Arguments.of("CONCIERGE_DATABASE_USERNAME"),
                Arguments.of("CONCIERGE_DATABASE_PASSWORD"),
                Arguments.of("CONCIERGE_REDIS_HOST"),
                Arguments.of("CONCIERGE_SECURITY_JWT_ISSUER_URI"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eachMissingSetting")
    void check_prodMissingOneSetting_namesExactlyThatOne(String variable) {
        Map<String, String> variables = new HashMap<>(ALL_VARIABLES);
        variables.remove(variable);

        assertThatExceptionOfType(MissingSettingsException.class)
                .isThrownBy(() -> check.postProcessEnvironment(prodWithVariables(variables), application()))
                .satisfies(missing ->
                        assertThat(missing.missing()).singleElement().asString().startsWith(variable));
    }

    @Test
    void check_prodWithBlankSetting_countsItAsMissing() {
        Map<String, String> variables = new HashMap<>(ALL_VARIABLES);
        variables.put("CONCIERGE_REDIS_HOST", " ");

        assertThatExceptionOfType(MissingSettingsException.class)
                .isThrownBy(() -> check.postProcessEnvironment(prodWithVariables(variables), application()))
                .satisfies(missing ->
                        assertThat(missing.missing()).singleElement().asString().startsWith("CONCIERGE_REDIS_HOST"));
    }

    @Test
    void check_prodWithNothing_namesEverySetting() {
        assertThatExceptionOfType(MissingSettingsException.class)
                .isThrownBy(() -> check.postProcessEnvironment(prodWithVariables(Map.of()), application()))
                .satisfies(missing -> {
                    assertThat(missing.missing()).hasSize(ALL_VARIABLES.size());
                    assertThat(String.join("\n", missing.missing()))
                            .contains(ALL_VARIABLES.keySet())
                            .contains("CONCIERGE_SECURITY_JWT_JWK_SET_URI");
                });
    }

    @Test
    void failureAnalysis_namesEachMissingSettingAndPointsToTheReadme() {
        List<String> missing = List.of(
                "CONCIERGE_DATABASE_HOST (concierge.database.host)", "CONCIERGE_REDIS_HOST (concierge.redis.host)");

        FailureAnalysis analysis = new MissingSettingsFailureAnalyzer()
                .analyze(new IllegalStateException("start-up failed", new MissingSettingsException(missing)));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains(missing);
        assertThat(analysis.getAction()).contains("README.md");
        assertThat(analysis.getCause()).isInstanceOf(MissingSettingsException.class);
    }

    /** A prod environment whose only source is these environment variables, resolved as Spring resolves them. */
    private static StandardEnvironment prodWithVariables(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment
                .getPropertySources()
                .addLast(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables)));
        environment.setActiveProfiles("prod");
        return environment;
    }

    private static SpringApplication application() {
        return new SpringApplication(ConciergeApplication.class);
    }
}
