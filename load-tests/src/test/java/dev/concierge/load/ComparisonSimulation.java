package dev.concierge.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Arrays;
import java.util.List;

/**
 * One step of a ramp: the signed-in home page, {@code { __typename }} and the bench endpoint, one
 * after the other, each at {@code load.rate} requests per second for {@code load.duration}, so that
 * the page stands next to the framework's floor and the server stack's ceiling in one report.
 * {@code -Dload.targets=home} runs a subset; {@code -Dload.warmUp=false} on a just-started server
 * measures cold caches. Each target first runs {@code load.settleSeconds} (5) at the same rate under
 * the name {@code "<target> (settle)"}, outside the budgets, so that a step measures the steady
 * state at its rate and not the load generator's own start. Budgets apply to every target, so a step above capacity fails (the ramp
 * script keeps going and the report finds the highest rate within budget).
 */
public class ComparisonSimulation extends Simulation {

    {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        Scenarios scenarios = new Scenarios(settings);
        scenarios.registerPersistedQueries();
        List<String> targets = Arrays.asList(
                System.getProperty("load.targets", "home,typename,bench").split(","));
        if (targets.contains(Scenarios.BENCH)) {
            scenarios.primeBench();
        }
        PopulationBuilder chain = null;
        int settleSeconds = Integer.getInteger("load.settleSeconds", 5);
        for (String target : targets) {
            PopulationBuilder step = scenarios
                    .single(target.strip())
                    .injectOpen(constantUsersPerSec(settings.rate()).during(settings.duration()));
            if (settleSeconds > 0) {
                step = scenarios
                        .single(target.strip(), target.strip() + " (settle)")
                        .injectOpen(constantUsersPerSec(settings.rate()).during(settleSeconds))
                        .andThen(step);
            }
            chain = chain == null ? step : chain.andThen(step);
        }
        if (chain == null) {
            throw new IllegalArgumentException("load.targets is empty");
        }
        PopulationBuilder root = settings.warmUp()
                ? scenarios
                        .warmUp()
                        .injectOpen(atOnceUsers(settings.warmUpConcurrency()))
                        .andThen(chain)
                : chain;
        setUp(root)
                .protocols(scenarios.protocol())
                .assertions(
                        Budgets.of(settings, targets.stream().map(String::strip).toArray(String[]::new)))
                .maxDuration(settings.maxDuration());
    }
}
