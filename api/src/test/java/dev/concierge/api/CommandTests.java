package dev.concierge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The jar's commands, as {@code main} routes them before Spring starts. */
class CommandTests {

    @TempDir
    Path directory;

    /** What one run printed and returned; no exit code when the arguments were for the server. */
    record Run(OptionalInt exitCode, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt exitCode = ConciergeApplication.command(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Twelve users over two days each: on the first, everyone buys a ring with its planted
     * complement; on the second, the ring of the next pair.
     */
    private Path plantedBaskets() throws IOException {
        List<String> lines = new ArrayList<>(List.of("user,item,timestamp,store"));
        for (int user = 0; user < 12; user++) {
            int pair = user % 3;
            lines.add("u" + user + ",ring-" + pair + ",2026-03-01T10:00:00Z,nyc");
            lines.add("u" + user + ",chain-" + pair + ",2026-03-01,nyc");
            lines.add("u" + user + ",ring-" + (pair + 1) % 3 + "," + 1_772_445_600L + ",nyc");
        }
        return Files.write(directory.resolve("interactions.csv"), lines);
    }

    @Test
    void evaluateRecommendations_onACsv_printsTheFiguresAsOneJsonLine() throws IOException {
        Run run = run(
                "evaluate-recommendations", "--interactions", plantedBaskets().toString(), "--json");

        assertThat(run.exitCode()).hasValue(0);
        assertThat(run.out().strip().lines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("{")
                        .endsWith("}")
                        .contains("\"engine\"", "\"popularity\"", "\"users\"", "\"trainMillis\"", "\"peakHeapBytes\""));
    }

    @Test
    void evaluateRecommendations_onAFileWithoutHeader_failsWithAMessage() throws IOException {
        Path file =
                Files.writeString(directory.resolve("no-header.csv"), "u1,ring-1,2026-03-01\nu1,chain-1,2026-03-02\n");

        Run run = run("evaluate-recommendations", "--interactions", file.toString(), "--json");

        assertThat(run.exitCode()).isPresent();
        assertThat(run.exitCode().getAsInt()).isNotZero();
        assertThat(run.err()).isNotBlank();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void evaluateRecommendations_withoutAFile_failsWithUsage() {
        Run run = run("evaluate-recommendations");

        assertThat(run.exitCode()).isPresent();
        assertThat(run.exitCode().getAsInt()).isNotZero();
        assertThat(run.err()).contains("--interactions");
    }

    @Test
    void token_isRoutedToTheTokenCommand() {
        Run run = run("token", "--roles", "POS");

        assertThat(run.exitCode()).hasValue(2);
        assertThat(run.err()).contains("Usage: java -jar concierge.jar token");
    }

    @Test
    void seed_isRoutedToTheSeedCommand() {
        Run run = run("seed", "--size", "tiny");

        assertThat(run.exitCode()).hasValue(2);
        assertThat(run.err()).contains("Usage: java -jar concierge.jar seed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--server.port=0", "--spring.profiles.active=prod"})
    void serverArguments_areNotACommand(String argument) {
        Run run = run(argument);

        assertThat(run.exitCode()).isEmpty();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void noArguments_meanServe() {
        assertThat(run().exitCode()).isEmpty();
    }
}
