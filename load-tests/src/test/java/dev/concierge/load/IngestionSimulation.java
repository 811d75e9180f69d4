package dev.concierge.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * An ingestion burst: {@code trackEvents} batches of {@code load.batchSize} events, ramping to
 * {@code load.ingestRate} batches per second in ten seconds and holding it for {@code load.duration}.
 * Budgets: {@code budget.p99Ms} / {@code budget.p95Ms} on {@code trackEvents}, no failure.
 */
public class IngestionSimulation extends Simulation {

    {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        Scenarios scenarios = new Scenarios(settings);
        setUp(scenarios
                        .ingestion()
                        .injectOpen(
                                rampUsersPerSec(1).to(settings.ingestRate()).during(Duration.ofSeconds(10)),
                                constantUsersPerSec(settings.ingestRate()).during(settings.duration())))
                .protocols(scenarios.protocol())
                .assertions(Budgets.of(settings, "trackEvents"))
                .maxDuration(settings.maxDuration());
    }
}
