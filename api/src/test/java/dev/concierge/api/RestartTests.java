package dev.concierge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.concierge.api.security.Role;
import dev.concierge.api.support.PointOfSale;
import dev.concierge.api.support.Testers;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The default profile's promise: stop the application, start it again on the same data directory,
 * and everything is still there, loaded once, and the tokens handed out still work.
 */
class RestartTests {

    private final Path directory = Path.of("target", "restart-test-" + UUID.randomUUID());

    @AfterEach
    void deleteDirectory() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void restart_onSameDataDirectory_keepsPurchasesDemoDataAndTokens() {
        String purchase;
        String customerToken;
        long customers;
        long products;
        int postgresPort;
        try (ConfigurableApplicationContext first = start()) {
            Testers testers = Testers.of(first);
            customerToken = testers.token("demo-1", Role.CUSTOMER);
            String posToken = testers.token("pos-terminal-1", Role.POS);
            String sku =
                    single(first, "select sku from products where care_interval_days is not null order by sku limit 1");
            String store = single(first, "select id from stores order by id limit 1");

            purchase = new PointOfSale(testers.baseUrl(), posToken)
                    .recordPurchase("demo-1", store, sku)
                    .block();
            customers = count(first, "customers");
            products = count(first, "products");
            postgresPort = first.getEnvironment().getRequiredProperty("concierge.database.port", Integer.class);
            assertThat(customers).as("demo customers").isPositive();
            assertThat(directory.resolve("postgres/postmaster.pid")).exists();
        }

        // The context was the servers' only user: closing it stopped PostgreSQL cleanly.
        assertThat(directory.resolve("postgres/postmaster.pid")).doesNotExist();
        assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect(postgresPort));

        try (ConfigurableApplicationContext second = start()) {
            assertThat(count(second, "customers")).as("customers after restart").isEqualTo(customers);
            assertThat(count(second, "products")).as("products after restart").isEqualTo(products);
            Testers.of(second)
                    .withToken(customerToken)
                    .documentName("purchaseTimeline")
                    .variable("first", 5)
                    .execute()
                    .path("me.purchaseTimeline.edges[*].node.id")
                    .entityList(String.class)
                    .contains(purchase);
        }
    }

    /** Arguments, not default properties: application.yml's {@code server.port} would win over those. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ConciergeApplication.class)
                .run("--server.port=0", "--concierge.embedded.data-directory=" + directory);
    }

    private static String single(ConfigurableApplicationContext context, String sql) {
        return context.getBean(DatabaseClient.class)
                .sql(sql)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private static long count(ConfigurableApplicationContext context, String table) {
        return context.getBean(DatabaseClient.class)
                .sql("select count(*) from " + table)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
        }
    }
}
