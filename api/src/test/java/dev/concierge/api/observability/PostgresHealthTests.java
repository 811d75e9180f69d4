package dev.concierge.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.boot.health.contributor.Status;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code postgresql} health component (in the readiness group) follows the background check:
 * an unreachable database makes it DOWN without a query per probe. (An application cannot start
 * without PostgreSQL, since Flyway migrates at start-up, so this is tested on the beans.)
 */
class PostgresHealthTests {

    @Test
    void health_afterAFailedCheck_isDown() {
        BackgroundGauges gauges = gauges(unreachable());
        PostgresHealthIndicator health = new PostgresHealthIndicator(gauges::databaseAvailable);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(gauges.checkDatabase().block(Duration.ofSeconds(5))).isFalse();

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void health_readsTheLastResult() {
        boolean[] up = {false};
        PostgresHealthIndicator health = new PostgresHealthIndicator(() -> up[0]);

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        up[0] = true;
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private static BackgroundGauges gauges(ConnectionFactory connections) {
        return new BackgroundGauges(
                DatabaseClient.create(connections), null, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private static ConnectionFactory unreachable() {
        return new ConnectionFactory() {
            @Override
            public Publisher<? extends Connection> create() {
                return Mono.error(new IllegalStateException("connection refused"));
            }

            @Override
            public ConnectionFactoryMetadata getMetadata() {
                return () -> "PostgreSQL";
            }
        };
    }
}
