package dev.concierge.api.cms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Testers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@ConciergeTest
class CmsWebhookTests {

    @Autowired
    Testers testers;

    @Autowired
    DatabaseClient db;

    @Autowired
    CmsProperties properties;

    WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl(testers.baseUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    static String publish(String deliveryId, String externalId, String headline) {
        return """
                {"deliveryId": "%s", "event": "publish", "entry": {"externalId": "%s", "pageSlug": "home",
                 "slot": "hero", "type": "HERO", "name": "CMS hero",
                 "fields": {"imageUrl": "https://cms.example/a.jpg"},
                 "variants": [{"key": "gold", "audience": ["gold-members"], "priority": 600,
                               "fields": {"headline": "%s"}}]}}""".formatted(deliveryId, externalId, headline);
    }

    static String unpublish(String deliveryId, String externalId) {
        return """
                {"deliveryId": "%s", "event": "unpublish", "entry": {"externalId": "%s"}}""".formatted(deliveryId, externalId);
    }

    WebTestClient.ResponseSpec post(String body, String signature) {
        WebTestClient.RequestBodySpec request =
                client().post().uri("/webhooks/cms").contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header(CmsWebhookController.SIGNATURE_HEADER, signature);
        }
        return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    WebTestClient.ResponseSpec signed(String body) {
        return post(body, Signatures.sign(properties.webhookSecret(), body.getBytes(StandardCharsets.UTF_8)));
    }

    String heroHeadline() {
        return testers.customer("demo-1")
                .documentName("page")
                .variable("slug", "home")
                .execute()
                .path("page.slots[0].content.headline")
                .entity(String.class)
                .get();
    }

    long count(String sql, String id) {
        return db.sql(sql)
                .bind("id", id)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    @Test
    void signedPublish_goesLive_replayHasOneEffect_andUnpublishTakesItOff() {
        String external = "Hero/" + UUID.randomUUID();
        String entryId = CmsDelivery.entryId(external);
        String headline = "From the CMS " + external;
        String delivery = "d-" + UUID.randomUUID();
        String body = publish(delivery, external, headline);
        try {
            signed(body)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("published")
                    .jsonPath("$.entryId")
                    .isEqualTo(entryId)
                    .jsonPath("$.publishedVersion")
                    .isEqualTo(1);
            assertThat(heroHeadline()).isEqualTo(headline);
            assertThat(entryId).startsWith("cms-hero-").hasSizeLessThanOrEqualTo(64);

            signed(body).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("duplicate");
            assertThat(count("select count(*) from content_versions where entry_id = :id", entryId))
                    .isEqualTo(1);
            assertThat(count("select count(*) from audit_log where entity_id = :id and actor = 'cms-webhook'", entryId))
                    .isEqualTo(1);
            // The same delivery id with another body.
            signed(publish(delivery, external, headline + " changed"))
                    .expectStatus()
                    .isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("CONFLICT");

            // A second delivery: a new version, published at once.
            signed(publish("d-" + UUID.randomUUID(), external, headline + " v2"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.publishedVersion")
                    .isEqualTo(2);
            assertThat(heroHeadline()).isEqualTo(headline + " v2");
            assertThat(count("select count(*) from content_entries where id = :id and source = 'CMS'", entryId))
                    .isEqualTo(1);

            signed(unpublish("d-" + UUID.randomUUID(), external))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("unpublished")
                    .jsonPath("$.entryStatus")
                    .isEqualTo("DRAFT");
            assertThat(heroHeadline()).isNotEqualTo(headline + " v2");
            assertThat(count(
                            "select count(*) from audit_log where entity_id = :id and action = 'content.unpublish'",
                            entryId))
                    .isEqualTo(1);
        } finally {
            db.sql("update content_entries set status = 'ARCHIVED', published_version = null where id = :id")
                    .bind("id", entryId)
                    .then()
                    .block();
        }
    }

    @Test
    void rejections_writeNothing() {
        String external = "reject-" + UUID.randomUUID();
        String entryId = CmsDelivery.entryId(external);
        String delivery = "d-" + UUID.randomUUID();
        String body = publish(delivery, external, "never");

        post(body, null)
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHENTICATED");
        post(body, "sha256=" + "0".repeat(64)).expectStatus().isUnauthorized();
        post(body, Signatures.sign("another-secret", body.getBytes(StandardCharsets.UTF_8)))
                .expectStatus()
                .isUnauthorized();
        // Signed over other bytes than those sent.
        post(body + " ", Signatures.sign(properties.webhookSecret(), body.getBytes(StandardCharsets.UTF_8)))
                .expectStatus()
                .isUnauthorized();

        signed("{not json")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("BAD_REQUEST");
        signed(body.replace("\"headline\"", "\"headlin\""))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("BAD_USER_INPUT")
                .jsonPath("$.field")
                .isEqualTo("entry.variants[0].fields.headlin");
        signed(body.replace("\"event\": \"publish\"", "\"event\": \"delete\""))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("event");
        signed(body.replace("gold-members", "no-such-segment"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("entry.variants[0].audience[0]");
        signed(unpublish("d-" + UUID.randomUUID(), "never-published-" + UUID.randomUUID()))
                .expectStatus()
                .isNotFound();

        String huge = publish(delivery, external, "h".repeat(properties.maxBodyBytes()));
        signed(huge)
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PAYLOAD_TOO_LARGE");

        assertThat(count("select count(*) from content_entries where id = :id", entryId))
                .isZero();
        assertThat(count("select count(*) from cms_webhook_deliveries where delivery_id = :id", delivery))
                .isZero();
        assertThat(count("select count(*) from audit_log where entity_id = :id", entryId))
                .isZero();
    }

    @Test
    void entryId_isDerivedStablyAndFitsTheIdRules() {
        assertThat(CmsDelivery.entryId("spring-hero")).isEqualTo("cms-spring-hero");
        assertThat(CmsDelivery.entryId("Spring Hero"))
                .startsWith("cms-spring-hero-")
                .hasSize(24);
        assertThat(CmsDelivery.entryId("Spring Hero")).isNotEqualTo(CmsDelivery.entryId("spring hero"));
        assertThat(CmsDelivery.entryId("x".repeat(300)))
                .hasSizeLessThanOrEqualTo(64)
                .matches("[a-z0-9][a-z0-9_-]*");
    }
}
