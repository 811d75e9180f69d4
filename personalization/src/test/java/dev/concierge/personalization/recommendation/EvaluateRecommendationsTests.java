package dev.concierge.personalization.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EvaluateRecommendationsTests {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void help_printsUsage_exitsZero() {
        int status = run("--help");

        assertThat(status).isZero();
        assertThat(out()).startsWith("Usage: evaluate-recommendations --interactions FILE.csv [--k N] [--json]");
        assertThat(err()).isEmpty();
    }

    static Stream<Arguments> badUsage() {
        return Stream.of(
                argumentSet("no arguments", List.of(), "missing --interactions FILE.csv"),
                argumentSet(
                        "an unknown option",
                        List.of("--interactions", "x.csv", "--verbose"),
                        "unknown argument '--verbose'"),
                argumentSet("--interactions without a file", List.of("--interactions"), "--interactions needs a value"),
                argumentSet(
                        "--interactions followed by an option",
                        List.of("--interactions", "--json"),
                        "--interactions needs a value"),
                argumentSet(
                        "--k not a number",
                        List.of("--interactions", "x.csv", "--k", "ten"),
                        "--k must be a whole number from 1 to 1000, got 'ten'"),
                argumentSet(
                        "--k zero",
                        List.of("--interactions=x.csv", "--k=0"),
                        "--k must be a whole number from 1 to 1000, got '0'"),
                argumentSet(
                        "--json with a value",
                        List.of("--interactions", "x.csv", "--json=yes"),
                        "--json takes no value"));
    }

    @ParameterizedTest
    @MethodSource("badUsage")
    void badUsage_oneLineOnStderr_exitsTwo(List<String> args, String message) {
        int status = run(args.toArray(String[]::new));

        assertThat(status).isEqualTo(2);
        assertThat(err()).isEqualTo("evaluate-recommendations: " + message + " (see --help)\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void missingFile_exitsTwo() {
        String file = directory.resolve("nope.csv").toString();

        int status = run("--interactions", file);

        assertThat(status).isEqualTo(2);
        assertThat(err()).isEqualTo(file + ": no such readable file\n");
    }

    @Test
    void badTimestamp_namesFileAndLine_exitsOne() throws IOException {
        String file = write("interactions.csv", """
                user,item,timestamp
                u1,a,2024-05-01
                u1,b,2024-05-02
                u2,a,2024-05-01
                u2,b,2024-05-03

                u3,c,yesterday
                """);

        int status = run("--interactions", file);

        assertThat(status).isEqualTo(1);
        assertThat(err())
                .isEqualTo(
                        file
                                + " line 7: bad timestamp 'yesterday' (expected ISO-8601 date or date-time, or epoch seconds)\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void notUtf8_exitsOne() throws IOException {
        Path path = directory.resolve("latin1.csv");
        Files.write(path, "user,item,timestamp\nJos\u00e9,a,2024-05-01\n".getBytes(StandardCharsets.ISO_8859_1));

        int status = run("--interactions", path.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err()).isEqualTo(path + ": not UTF-8 text\n");
    }

    @Test
    void nobodyWithTwoDays_nothingToEvaluate_exitsOne() throws IOException {
        String file = write("one-day.csv", "user,item,timestamp\nu1,a,2024-05-01\nu2,a,2024-05-01\n");

        int status = run("--interactions", file);

        assertThat(status).isEqualTo(1);
        assertThat(err())
                .startsWith(file + ": nothing to evaluate")
                .endsWith("\n")
                .hasLineCount(1);
    }

    @Test
    void goodFile_printsTheTable_exitsZero() throws IOException {
        String file = write("interactions.csv", baskets());

        int status = run("--interactions", file);

        assertThat(status).isZero();
        assertThat(err()).isEmpty();
        assertThat(out())
                .startsWith("metric             engine  popularity\n")
                .contains(
                        "hr@10",
                        "ndcg@10",
                        "precision@10",
                        "recall@10",
                        "coverage",
                        "users          60 (40 evaluated)");
    }

    @Test
    void json_oneLineWithTheRequiredKeys_exitsZero() throws IOException {
        String file = write("interactions.csv", baskets());

        int status = run("--json", "--interactions", file, "--k", "5");

        assertThat(status).isZero();
        assertThat(out()).endsWith("\n").hasLineCount(1);
        Map<String, Object> json = MiniJson.parseObject(out().strip());
        assertThat(json)
                .containsKeys("engine", "popularity", "users", "trainMillis", "peakHeapBytes")
                .containsEntry("users", new BigDecimal("60"));
        for (String recommender : List.of("engine", "popularity")) {
            assertThat(json.get(recommender))
                    .asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsOnlyKeys("hr@5", "ndcg@5", "precision@5", "recall@5", "coverage");
        }
    }

    /**
     * 40 users who buy A_i on one day and B_i the next (evaluated), and 20 who bought both on one
     * day (training only): something for the engine to find.
     */
    static String baskets() {
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,user,item,signal");
        for (int u = 0; u < 60; u++) {
            int pair = u % 5;
            lines.add("2024-05-01T10:00:00Z,user-" + u + ",A" + pair + ",VIEW");
            lines.add("2024-05-01T10:05:00Z,user-" + u + ",A" + pair + ",PURCHASE");
            String bought = u < 40 ? Long.toString(1_714_608_000L + u) : "2024-05-01 18:00";
            lines.add(bought + ",user-" + u + ",B" + pair + ",PURCHASE");
        }
        return String.join("\n", lines) + "\n";
    }

    private String write(String name, String content) throws IOException {
        Path path = directory.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path.toString();
    }

    private int run(String... args) {
        return EvaluateRecommendations.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
