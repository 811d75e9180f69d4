package dev.concierge.api;

import dev.concierge.api.seed.SeedCommand;
import dev.concierge.personalization.recommendation.EvaluateRecommendations;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.OptionalInt;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Concierge's entry point. With no command it serves the API; {@code token} mints a development
 * token, {@code evaluate-recommendations} scores the recommender offline on a CSV of
 * interactions (both exit without starting Spring), and {@code seed} loads synthetic data at scale
 * into the configured database.
 */
@SpringBootApplication
public class ConciergeApplication {

    public static void main(String[] args) {
        OptionalInt exit = command(args, System.out, System.err);
        if (exit.isPresent()) {
            System.exit(exit.getAsInt());
        }
        SpringApplication.run(ConciergeApplication.class, args);
    }

    /**
     * Runs the command {@code args[0]} names, if it names one: its exit code; empty when the
     * arguments are for the server.
     */
    static OptionalInt command(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return OptionalInt.empty();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "token" -> OptionalInt.of(TokenCommand.run(rest, out, err));
            case "evaluate-recommendations" -> OptionalInt.of(EvaluateRecommendations.run(rest, out, err));
            case "seed" -> OptionalInt.of(SeedCommand.run(rest, out, err));
            default -> OptionalInt.empty();
        };
    }
}
