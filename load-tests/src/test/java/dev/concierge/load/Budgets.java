package dev.concierge.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;
import java.util.ArrayList;
import java.util.List;

/** The latency budgets as Gatling assertions: a run that misses one fails. */
final class Budgets {

    private Budgets() {}

    /** No failed request anywhere, and p99 / p95 of each named request within budget. */
    static List<Assertion> of(LoadSettings settings, String... requests) {
        List<Assertion> assertions = new ArrayList<>();
        assertions.add(global().failedRequests().count().is(0L));
        for (String request : requests) {
            assertions.add(details(request).responseTime().percentile(99.0).lte(settings.p99BudgetMs()));
            assertions.add(details(request).responseTime().percentile(95.0).lte(settings.p95BudgetMs()));
        }
        return assertions;
    }
}
