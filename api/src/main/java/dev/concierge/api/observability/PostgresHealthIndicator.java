package dev.concierge.api.observability;

import java.util.function.BooleanSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code postgresql} health component: DOWN while the background check ({@code select 1} every
 * 5 s with a 2 s timeout, see {@link BackgroundGauges}) fails, else UP. A probe only reads the last
 * result, so it never waits for the database. It is part of the readiness group: without
 * PostgreSQL the pod stops receiving traffic, but liveness stays UP so it is not restarted.
 */
final class PostgresHealthIndicator implements HealthIndicator {

    private final BooleanSupplier available;

    PostgresHealthIndicator(BooleanSupplier available) {
        this.available = available;
    }

    @Override
    public Health health() {
        return available.getAsBoolean()
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "the last check did not answer within 2s")
                        .build();
    }
}
