package dev.concierge.personalization.recommendation;

import dev.concierge.personalization.ConciergeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code evaluate-recommendations} command: reads a CSV of interactions ({@link
 * InteractionsCsv}), runs the {@link OfflineEvaluation} with the default {@link TrainingSettings}
 * and prints the report as a table or, with {@code --json}, as one line of JSON. Needs no database.
 * The application's main hands it the arguments after the command name.
 */
public final class EvaluateRecommendations {

    static final int OK = 0;
    static final int BAD_DATA = 1;
    static final int BAD_USAGE = 2;

    static final String USAGE = """
            Usage: evaluate-recommendations --interactions FILE.csv [--k N] [--json]

            Scores the item-to-item recommender offline on your interactions, against a popularity
            baseline: each user's last day of interactions is held out, the model trains on the rest,
            and each recommends k items (default 10) to every user with a held-out day.

              --interactions FILE.csv  a CSV with a header naming the columns user, item, timestamp
                                       (any order; other columns ignored) and optionally signal
                                       (PURCHASE, ADD_TO_CART or VIEW; default PURCHASE). Timestamps:
                                       ISO-8601 date or date-time (UTC unless it has an offset),
                                       or epoch seconds. UTF-8.
              --k N                    the length of the lists scored (default 10)
              --json                   print one line of JSON instead of a table
              --help                   print this help

            Exit status: 0 done, 1 bad or unusable data, 2 bad usage.
            """;

    private EvaluateRecommendations() {}

    /** Runs the command; returns the exit status. Never throws for bad arguments or data. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        @Nullable String file = null;
        int k = EvaluationReport.DEFAULT_K;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            @Nullable String value = null;
            int equals = option.indexOf('=');
            if (option.startsWith("--") && equals > 0) {
                value = option.substring(equals + 1);
                option = option.substring(0, equals);
            }
            switch (option) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return OK;
                }
                case "--json" -> {
                    if (value != null) {
                        return usage(err, "--json takes no value");
                    }
                    json = true;
                }
                case "--interactions", "--k" -> {
                    if (value == null) {
                        value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : null;
                    }
                    if (value == null || value.isBlank()) {
                        return usage(err, option + " needs a value");
                    }
                    if (option.equals("--interactions")) {
                        file = value;
                    } else {
                        Integer parsed = positive(value);
                        if (parsed == null) {
                            return usage(err, "--k must be a whole number from 1 to 1000, got '" + value + "'");
                        }
                        k = parsed;
                    }
                }
                default -> {
                    return usage(err, "unknown argument '" + option + "'");
                }
            }
        }
        if (file == null) {
            return usage(err, "missing --interactions FILE.csv");
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            return usage(err, "not a file name: '" + file + "'");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            err.println(file + ": no such readable file");
            return BAD_USAGE;
        }

        List<Interaction> interactions;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            interactions = InteractionsCsv.read(reader);
        } catch (ConciergeException e) {
            err.println(file + " " + e.getMessage());
            return BAD_DATA;
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            err.println(
                    cause instanceof CharacterCodingException
                            ? file + ": not UTF-8 text"
                            : file + ": cannot read it (" + cause + ")");
            return BAD_DATA;
        }

        EvaluationReport report = OfflineEvaluation.run(interactions, TrainingSettings.DEFAULTS, k);
        if (report.evaluatedUsers() == 0) {
            err.println(file + ": nothing to evaluate: no user has something new on a last day of interactions"
                    + " after an earlier day (leave-last-out needs users with at least two days)");
            return BAD_DATA;
        }
        if (json) {
            out.print(report.toJson(k) + "\n");
        } else {
            out.print(report.toTable(k));
        }
        out.flush();
        return OK;
    }

    private static int usage(PrintStream err, String message) {
        err.println("evaluate-recommendations: " + message + " (see --help)");
        return BAD_USAGE;
    }

    private static @Nullable Integer positive(String value) {
        try {
            int parsed = Integer.parseInt(value.strip());
            return parsed >= 1 && parsed <= 1000 ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
