package dev.concierge.api.support;

import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.security.LocalSigningKey;
import dev.concierge.api.security.Role;
import dev.concierge.api.security.TokenMinter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One GraphQL tester per role, talking HTTP to the running application with a token minted by the
 * application's own local key. Documents are loaded by name from {@code graphql-test/}.
 */
public class Testers {

    private final ConciergeProperties properties;
    private final Environment environment;

    public Testers(ConciergeProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** Testers for an application started by the test itself. */
    public static Testers of(ApplicationContext context) {
        return new Testers(context.getBean(ConciergeProperties.class), context.getEnvironment());
    }

    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public HttpGraphQlTester anonymous() {
        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl(baseUrl() + "/graphql")
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        return HttpGraphQlTester.create(client);
    }

    public HttpGraphQlTester customer(String customerId) {
        return as(customerId, Role.CUSTOMER);
    }

    public HttpGraphQlTester pos() {
        return as("pos-terminal-1", Role.POS);
    }

    public HttpGraphQlTester editor() {
        return as("editor-1", Role.EDITOR);
    }

    public HttpGraphQlTester as(String subject, Role... roles) {
        return withToken(token(subject, roles));
    }

    public HttpGraphQlTester withToken(String token) {
        return anonymous().mutate().header("Authorization", "Bearer " + token).build();
    }

    public String token(String subject, Role... roles) {
        return minter().mint(subject, List.of(roles), Duration.ofHours(1));
    }

    public TokenMinter minter() {
        ConciergeProperties.Security security = properties.security();
        return new TokenMinter(LocalSigningKey.loadOrCreate(Path.of(security.localKeyFile())), security.localIssuer());
    }
}
