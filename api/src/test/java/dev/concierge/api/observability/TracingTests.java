package dev.concierge.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * Micrometer Tracing over OpenTelemetry: spans get trace ids (which the logs carry through the
 * MDC), and nothing is exported unless an OTLP endpoint is configured.
 */
@ConciergeTest
class TracingTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Tracer tracer;

    @Test
    void withoutAnEndpoint_exportsNothing() {
        assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
    }

    @Test
    void withAnEndpoint_exportsOverHttpWithTheJdkClient() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        OpenTelemetrySdkAutoConfiguration.class,
                        OpenTelemetryTracingAutoConfiguration.class,
                        OtlpTracingAutoConfiguration.class))
                .withPropertyValues(
                        "management.opentelemetry.tracing.export.otlp.endpoint=http://collector.invalid:4318/v1/traces")
                .run(withEndpoint -> {
                    assertThat(withEndpoint).hasNotFailed();
                    assertThat(withEndpoint.getBeansOfType(SpanExporter.class).values())
                            .singleElement()
                            .asString()
                            .contains("OtlpHttpSpanExporter", "collector.invalid");
                });
    }

    @Test
    void aSpan_putsItsIdsInTheLogContext() {
        Span span = tracer.nextSpan().name("test").start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        try {
            assertThat(span.context().traceId()).hasSize(32).isNotEqualTo("0".repeat(32));
            assertThat(MDC.get("traceId")).isEqualTo(span.context().traceId());
            assertThat(MDC.get("spanId")).isEqualTo(span.context().spanId());
        } finally {
            scope.close();
            span.end();
        }
        assertThat(MDC.get("traceId")).isNull();
    }
}
