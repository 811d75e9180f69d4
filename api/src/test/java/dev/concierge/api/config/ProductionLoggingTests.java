package dev.concierge.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/** The application's configuration files as Boot loads them: JSON logs with trace ids in prod only. */
class ProductionLoggingTests {

    @Test
    void prod_logsStructuredJson() {
        assertThat(loaded("prod").getProperty("logging.structured.format.console"))
                .isEqualTo("ecs");
    }

    @Test
    void default_logsPlainText() {
        assertThat(loaded().getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void prodFormat_carriesTheTraceAndSpanIdsOfTheLogContext() {
        StandardEnvironment environment = loaded("prod");
        LoggerContext logging = new LoggerContext();
        logging.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(logging);
        encoder.setFormat(environment.getProperty("logging.structured.format.console"));
        encoder.start();
        LoggingEvent event =
                new LoggingEvent(getClass().getName(), logging.getLogger("test"), Level.INFO, "served", null, null);
        event.setMDCPropertyMap(Map.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736", "spanId", "00f067aa0ba902b7"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line)
                .startsWith("{")
                .contains("\"message\":\"served\"")
                .contains("\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"")
                .contains("\"spanId\":\"00f067aa0ba902b7\"");
    }

    private static StandardEnvironment loaded(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(
                environment, new DefaultResourceLoader(), new DefaultBootstrapContext(), List.of(profiles));
        return environment;
    }
}
