package dev.concierge.api;

import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.embedded.EmbeddedServers;
import dev.concierge.api.security.LocalSigningKey;
import dev.concierge.api.security.Role;
import dev.concierge.api.security.TokenMinter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar concierge.jar token --subject demo-1 --roles CUSTOMER}: prints a token signed
 * with the local key of the embedded data directory, for the default (non-prod) profile.
 */
final class TokenCommand {

    static final String USAGE = """
            Usage: java -jar concierge.jar token --subject ID --roles ROLE[,ROLE...] [--ttl DURATION] [--data-directory DIR]
              --subject         the token's subject: a customer id for CUSTOMER, any name for POS, EDITOR, SRE
              --roles           CUSTOMER, POS, EDITOR, SRE (comma-separated)
              --ttl             lifetime as an ISO-8601 duration (default PT12H)
              --data-directory  the embedded data directory the server uses (default concierge-data)
            """;

    private TokenCommand() {}

    private static Duration ttl(String text) {
        try {
            Duration ttl = Duration.parse(text);
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("--ttl must be positive, got " + text);
            }
            return ttl;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl must be an ISO-8601 duration such as PT1H, got " + text);
        }
    }

    /** Runs the command; returns the process exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || (equals < 0 && i + 1 >= args.length)) {
                err.println("Unexpected argument '" + argument + "'.\n" + USAGE);
                return 2;
            }
            if (equals < 0) {
                options.put(argument.substring(2), args[++i]);
            } else {
                options.put(argument.substring(2, equals), argument.substring(equals + 1));
            }
        }
        String subject = options.get("subject");
        String roles = options.get("roles");
        if (subject == null || roles == null) {
            err.println("--subject and --roles are required.\n" + USAGE);
            return 2;
        }
        try {
            List<Role> parsed = TokenMinter.parseRoles(roles);
            Duration ttl = ttl(options.getOrDefault("ttl", "PT12H"));
            String directory = options.getOrDefault(
                    "data-directory",
                    System.getenv()
                            .getOrDefault("CONCIERGE_EMBEDDED_DATA_DIRECTORY", EmbeddedServers.DEFAULT_DATA_DIRECTORY));
            Path keyFile = Path.of(directory).resolve(LocalSigningKey.FILE_NAME);
            TokenMinter minter =
                    new TokenMinter(LocalSigningKey.loadOrCreate(keyFile), ConciergeProperties.Security.LOCAL_ISSUER);
            out.println(minter.mint(subject, parsed, ttl));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
    }
}
