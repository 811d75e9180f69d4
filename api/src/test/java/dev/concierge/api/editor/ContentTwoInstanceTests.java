package dev.concierge.api.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.ConciergeApplication;
import dev.concierge.api.security.Role;
import dev.concierge.api.support.Testers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/** Publishing on one instance shows on another's warm page within a second (pub/sub invalidation). */
class ContentTwoInstanceTests {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startTwoInstances() {
        a = start();
        b = start();
    }

    @AfterAll
    static void stopBoth() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ConciergeApplication.class)
                .run(
                        "--server.port=0",
                        "--concierge.embedded.data-directory=target/embedded-test-data",
                        "--concierge.embedded.fresh=true",
                        "--concierge.embedded.durable=false");
    }

    @Test
    void publishOnB_showsOnAsWarmPage_withinOneSecond_andArchiveOnB_takesItOff() throws InterruptedException {
        HttpGraphQlTester customerOnA = Testers.of(a).withToken(Testers.of(a).token("demo-1", Role.CUSTOMER));
        HttpGraphQlTester editorOnB = Testers.of(b).withToken(Testers.of(b).token("editor-2", Role.EDITOR));
        String id = "t2-" + UUID.randomUUID().toString().substring(0, 8);
        String headline = "Two instances " + id;
        try {
            String before = headline(customerOnA);
            assertThat(headline(customerOnA)).isEqualTo(before);

            editorOnB
                    .documentName("createContentEntry")
                    .variable(
                            "input",
                            Map.of(
                                    "id", id,
                                    "pageSlug", "home",
                                    "slot", "hero",
                                    "type", "HERO",
                                    "name", "Two-instance hero",
                                    "variants",
                                            List.of(Map.of(
                                                    "key",
                                                    "gold",
                                                    "audience",
                                                    List.of("gold-members"),
                                                    "priority",
                                                    700,
                                                    "fields",
                                                    Map.of("headline", headline)))))
                    .execute()
                    .path("createContentEntry.id")
                    .entity(String.class)
                    .isEqualTo(id);
            assertThat(headline(customerOnA)).as("a draft is not live").isEqualTo(before);
            editorOnB
                    .documentName("contentLifecycle")
                    .operationName("publishContentEntry")
                    .variable("id", id)
                    .execute()
                    .path("publishContentEntry.status")
                    .entity(String.class)
                    .isEqualTo("PUBLISHED");
            assertThat(pollUntil(customerOnA, headline)).isEqualTo(headline);

            editorOnB
                    .documentName("contentLifecycle")
                    .operationName("archiveContentEntry")
                    .variable("id", id)
                    .execute()
                    .path("archiveContentEntry.status")
                    .entity(String.class)
                    .isEqualTo("ARCHIVED");
            assertThat(pollUntil(customerOnA, before)).isEqualTo(before);
        } finally {
            a.getBean(DatabaseClient.class)
                    .sql("update content_entries set status = 'ARCHIVED', published_version = null where id = :id")
                    .bind("id", id)
                    .then()
                    .block();
        }
    }

    /** A's hero headline once it is {@code expected}, or the last one seen after {@link #VISIBLE_WITHIN}. */
    private static String pollUntil(HttpGraphQlTester tester, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        String seen = headline(tester);
        while (!expected.equals(seen) && System.nanoTime() < deadline) {
            Thread.sleep(25);
            seen = headline(tester);
        }
        return seen;
    }

    private static String headline(HttpGraphQlTester tester) {
        return tester.documentName("page")
                .variable("slug", "home")
                .execute()
                .path("page.slots[0].content.headline")
                .entity(String.class)
                .get();
    }
}
