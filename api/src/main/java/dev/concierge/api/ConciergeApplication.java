package dev.concierge.api;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Concierge's entry point. With no command it serves the API; {@code token} mints a development
 * token and exits.
 */
@SpringBootApplication
public class ConciergeApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "token".equals(args[0])) {
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(ConciergeApplication.class, args);
    }
}
