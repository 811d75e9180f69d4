package dev.concierge.api.persisted;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the JavaScript clients of {@code src/test/node} with the machine's Node: copies them to
 * {@code target/node-tests}, installs the locked dependencies there with {@code npm ci} (only when
 * {@code package-lock.json} changed since the last install), then runs a script.
 */
final class NodeScripts {

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/node-tests");
    private static final Path INSTALLED = WORK.resolve("node_modules/.concierge-lock-sha256");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    private static final int NODE_MAJOR = 20;

    private static boolean prepared;

    /** What a script printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {}

    private NodeScripts() {}

    /** Runs {@code node <script> <arguments>} in the prepared directory; fails the test if Node cannot run. */
    static Result run(String script, String... arguments) {
        prepare();
        List<String> command = new ArrayList<>(List.of(executable("node"), script));
        command.addAll(List.of(arguments));
        return exec(command, RUN_TIMEOUT);
    }

    private static synchronized void prepare() {
        if (prepared) {
            return;
        }
        String node = executable("node");
        try {
            Files.createDirectories(WORK);
        } catch (IOException e) {
            fail("Could not create " + WORK.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        Result version = exec(List.of(node, "--version"), Duration.ofSeconds(30));
        int major = Integer.parseInt(version.stdout().strip().replaceFirst("^v(\\d+)\\..*$", "$1"));
        if (major < NODE_MAJOR) {
            fail("These tests need Node " + NODE_MAJOR + " or newer; " + node + " is "
                    + version.stdout().strip());
        }
        try {
            try (Stream<Path> files = Files.list(SOURCE)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String lock = sha256(Files.readAllBytes(WORK.resolve("package-lock.json")));
            if (!Files.exists(INSTALLED) || !Files.readString(INSTALLED).equals(lock)) {
                Result install = exec(
                        List.of(executable("npm"), "ci", "--no-audit", "--no-fund", "--prefer-offline"),
                        INSTALL_TIMEOUT);
                if (install.exitCode() != 0) {
                    fail("npm ci in " + WORK.toAbsolutePath() + " failed (the npm registry or its cache is needed"
                            + " once):\n" + install.stdout() + install.stderr());
                }
                Files.writeString(INSTALLED, lock);
            }
        } catch (IOException e) {
            fail("Could not prepare " + WORK.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        prepared = true;
    }

    private static String executable(String name) {
        Optional<Path> found = Stream.of(
                        System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            fail("'" + name + "' is not on the PATH: the tests that run real JavaScript clients (Apollo Client, the"
                    + " graphql-http audit) need Node " + NODE_MAJOR + "+ with npm");
        }
        return found.get().toString();
    }

    private static Result exec(List<String> command, Duration timeout) {
        try {
            Path out = Files.createTempFile("node-out", ".txt");
            Path err = Files.createTempFile("node-err", ".txt");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(WORK.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within " + timeout + ":\n" + Files.readString(out)
                            + Files.readString(err));
                }
                return new Result(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return fail("Could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
