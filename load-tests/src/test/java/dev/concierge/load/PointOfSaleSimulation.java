package dev.concierge.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import io.gatling.javaapi.core.Simulation;

/**
 * The point of sale alone: {@code load.posRate} first purchases per second by prospects, each
 * followed by the customer's page, which must show it. Each prospect buys once: a second run on
 * the same data starts after the used ones with {@code -Dload.posFirstProspect=N}.
 */
public class PointOfSaleSimulation extends Simulation {

    {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        Scenarios scenarios = new Scenarios(settings);
        scenarios.registerPersistedQueries();
        setUp(scenarios
                        .pointOfSale()
                        .injectOpen(constantUsersPerSec(settings.posRate()).during(settings.duration())))
                .protocols(scenarios.protocol())
                .assertions(Budgets.of(settings, "recordPurchase", "page after purchase"))
                .maxDuration(settings.maxDuration());
    }
}
