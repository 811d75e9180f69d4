package dev.concierge.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The storefront under load: after a warm-up of every active customer's home page, visits arrive
 * at {@code load.rate} per second (each opens one home page) together with an ingestion stream, a
 * point of sale and, unless {@code -Dload.editor=false}, an editor publishing; then the two baselines
 * at the same rate, one after the other: {@code { __typename }} and the bench endpoint. The budgets
 * apply to the warm home pages.
 */
public class StorefrontSimulation extends Simulation {

    {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        Scenarios scenarios = new Scenarios(settings);
        scenarios.registerPersistedQueries();
        if (settings.bench()) {
            scenarios.primeBench();
        }
        Duration baseline = Duration.ofSeconds(Integer.getInteger("load.baselineSeconds", 15));

        PopulationBuilder baselines = scenarios
                .single(Scenarios.TYPENAME)
                .injectOpen(constantUsersPerSec(settings.rate()).during(baseline));
        if (settings.bench()) {
            baselines = baselines.andThen(scenarios
                    .single(Scenarios.BENCH)
                    .injectOpen(constantUsersPerSec(settings.rate()).during(baseline)));
        }
        List<PopulationBuilder> load = new ArrayList<>();
        // The baselines follow the storefront, alone on the machine.
        load.add(scenarios
                .storefront()
                .injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration()))
                .andThen(baselines));
        load.add(scenarios
                .ingestion()
                .injectOpen(constantUsersPerSec(settings.ingestRate()).during(settings.duration())));
        load.add(scenarios
                .pointOfSale()
                .injectOpen(constantUsersPerSec(settings.posRate()).during(settings.duration())));
        if (settings.editor()) {
            load.add(scenarios.editor().injectOpen(atOnceUsers(1)));
        }
        PopulationBuilder[] populations = load.toArray(PopulationBuilder[]::new);
        List<PopulationBuilder> roots = settings.warmUp()
                ? List.of(scenarios
                        .warmUp()
                        .injectOpen(atOnceUsers(settings.warmUpConcurrency()))
                        .andThen(populations))
                : load;

        setUp(roots)
                .protocols(scenarios.protocol())
                .assertions(Budgets.of(settings, Scenarios.HOME, Scenarios.HOME_ANONYMOUS))
                .maxDuration(settings.maxDuration());
    }
}
