package dev.concierge.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class GraphQlMetricsTests {

    @Test
    void operationName_beyondTheCapOrUnnamed_foldsIntoOther() {
        GraphQlMetrics metrics = new GraphQlMetrics(new SimpleMeterRegistry());
        for (int i = 0; i < GraphQlMetrics.MAX_OPERATIONS; i++) {
            assertThat(metrics.operationName("op" + i)).isEqualTo("op" + i);
        }
        assertThat(metrics.operationName("op0")).isEqualTo("op0");
        assertThat(metrics.operationName("oneTooMany")).isEqualTo("other");
        assertThat(metrics.operationName(null)).isEqualTo("other");
        assertThat(metrics.operationName("")).isEqualTo("other");
    }
}
