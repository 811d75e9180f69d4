package dev.concierge.load.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes load-tests/RESULTS.md and its chart from a benchmark run's manifest: one line per Gatling
 * report ({@code data,cache,rate,seconds,reportDirectory}, written by run-full.sh), each report
 * holding the targets of one ramp step. Usage:
 *
 * <pre>
 * java -cp load-tests/target/classes dev.concierge.load.report.BenchmarkReport \
 *     --runs load-tests/target/bench/runs.csv --machine load-tests/target/bench/machine.txt \
 *     --out load-tests/RESULTS.md --chart load-tests/results-chart.png [--label TEXT] [--p99 25] [--p95 15]
 * </pre>
 */
public final class BenchmarkReport {

    private static final List<String> TARGETS = List.of("home", "typename", "bench");

    private BenchmarkReport() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Path runs = Path.of(required(options, "runs"));
        Path out = Path.of(required(options, "out"));
        Path chart = Path.of(required(options, "chart"));
        String machine = options.containsKey("machine")
                ? Files.readString(Path.of(options.get("machine")), StandardCharsets.UTF_8)
                        .strip()
                : "(not recorded)";
        Step.Budget budget = new Step.Budget(
                Integer.parseInt(options.getOrDefault("p99", "25")),
                Integer.parseInt(options.getOrDefault("p95", "15")));
        String label = options.getOrDefault("label", "Full benchmark run");

        List<Step> steps = steps(runs);
        Files.writeString(
                out, markdown(label, machine, budget, steps, chart.getFileName().toString()));
        Map<String, List<Step>> charted = charted(steps);
        Step first = charted.values().iterator().next().get(0);
        Chart.write(
                "p99 and throughput against offered rate: %s data, %s caches".formatted(first.data(), first.cache()),
                charted,
                budget,
                chart);
        System.out.println("Wrote " + out + " and " + chart + " from " + steps.size() + " steps");
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** Every step of the manifest; a report directory is relative to the manifest's directory's parent's parent. */
    static List<Step> steps(Path manifest) throws IOException {
        List<Step> steps = new ArrayList<>();
        Path base = manifest.toAbsolutePath().getParent();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length != 5) {
                throw new IOException("Expected data,cache,rate,seconds,reportDirectory: " + line);
            }
            Path report = base.resolve(fields[4].strip());
            Map<String, GatlingStats> stats = GatlingStats.read(report);
            for (String target : TARGETS) {
                GatlingStats row = stats.get(target);
                if (row != null) {
                    steps.add(new Step(
                            fields[0].strip(),
                            fields[1].strip(),
                            target,
                            Double.parseDouble(fields[2]),
                            Double.parseDouble(fields[3]),
                            fields[4].strip(),
                            row));
                }
            }
        }
        if (steps.isEmpty()) {
            throw new IOException("No steps in " + manifest);
        }
        steps.sort(Comparator.comparing(Step::data)
                .thenComparing(Step::cache)
                .thenComparing(Step::target)
                .thenComparingDouble(Step::rate));
        return steps;
    }

    /** The chart's series: the warm steps of the largest data set that has the most targets. */
    static Map<String, List<Step>> charted(List<Step> steps) {
        Map<String, Map<String, List<Step>>> groups = new LinkedHashMap<>();
        for (Step step : steps) {
            groups.computeIfAbsent(step.data() + "/" + step.cache(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(step.target(), k -> new ArrayList<>())
                    .add(step);
        }
        return groups.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Map<String, List<Step>>>>comparingInt(
                                e -> e.getValue().size())
                        .thenComparing(e -> e.getKey().endsWith("/warm"))
                        .thenComparingInt(e -> e.getValue().values().stream()
                                .mapToInt(List::size)
                                .sum()))
                .orElseThrow()
                .getValue();
    }

    static Optional<Step> highestWithinBudget(List<Step> steps, Step.Budget budget) {
        return steps.stream().filter(step -> step.withinBudget(budget)).max(Comparator.comparingDouble(Step::rate));
    }

    static String markdown(String label, String machine, Step.Budget budget, List<Step> steps, String chart) {
        StringBuilder md = new StringBuilder();
        md.append("# Load-test results\n\n");
        md.append("**")
                .append(label)
                .append("**, ")
                .append(LocalDate.now(ZoneOffset.UTC))
                .append(".\n\n");
        md.append("Generated by `dev.concierge.load.report.BenchmarkReport` from the Gatling reports listed at the end")
                .append(" (see [README.md](README.md) for the commands); nothing here is typed by hand.\n\n");
        md.append("## Machine\n\n```\n").append(machine).append("\n```\n\n");
        md.append("## Budget\n\n")
                .append("A step is within budget when p99 ≤ ")
                .append(budget.p99Ms())
                .append(" ms, p95 ≤ ")
                .append(budget.p95Ms())
                .append(" ms and no request failed. Throughput is successful responses per second over the step.\n\n");

        md.append("## Highest rate within budget\n\n");
        md.append("| data | caches | home page (GraphQL) | `{ __typename }` | bench (WebFlux) | home / typename |"
                + " home / bench |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        Set<String> groups = new LinkedHashSet<>();
        steps.forEach(step -> groups.add(step.data() + "\t" + step.cache()));
        for (String group : groups) {
            String[] key = group.split("\t");
            Map<String, Optional<Step>> best = new LinkedHashMap<>();
            for (String target : TARGETS) {
                best.put(
                        target,
                        highestWithinBudget(
                                steps.stream()
                                        .filter(s -> s.data().equals(key[0])
                                                && s.cache().equals(key[1])
                                                && s.target().equals(target))
                                        .toList(),
                                budget));
            }
            md.append("| ").append(key[0]).append(" | ").append(key[1]);
            for (String target : TARGETS) {
                md.append(" | ")
                        .append(best.get(target).map(s -> rate(s.rate())).orElse("none"));
            }
            md.append(" | ")
                    .append(ratio(best.get("home"), best.get("typename")))
                    .append(" | ")
                    .append(ratio(best.get("home"), best.get("bench")))
                    .append(" |\n");
        }
        md.append("\n\"none\": no step of that target held the budget (or none ran).\n\n");

        md.append("## Chart\n\n![p99 and throughput against offered rate](")
                .append(chart)
                .append(")\n\n");

        md.append("## Every step\n\n");
        md.append(
                "| data | caches | target | offered (req/s) | throughput (req/s) | p50 ms | p95 ms | p99 ms | max ms |"
                        + " failed | within budget |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Step step : steps) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %,.0f | %d | %d | %d | %d | %d | %s |%n",
                    step.data(),
                    step.cache(),
                    step.target(),
                    rate(step.rate()),
                    step.throughput(),
                    step.stats().p50(),
                    step.stats().p95(),
                    step.stats().p99(),
                    step.stats().max(),
                    step.stats().ko(),
                    step.withinBudget(budget) ? "yes" : "no"));
        }
        md.append("\n## Reports\n\nThe Gatling reports these figures come from (under load-tests/target/bench/,"
                + " not committed):\n\n");
        steps.stream()
                .map(Step::report)
                .distinct()
                .forEach(report -> md.append("- `").append(report).append("`\n"));
        return md.toString();
    }

    private static String rate(double rate) {
        return String.format(Locale.ROOT, "%,.0f", rate);
    }

    private static String ratio(Optional<Step> numerator, Optional<Step> denominator) {
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return "–";
        }
        return String.format(
                Locale.ROOT,
                "%.0f %%",
                100 * numerator.get().rate() / denominator.get().rate());
    }
}
