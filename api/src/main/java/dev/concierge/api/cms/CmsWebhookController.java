package dev.concierge.api.cms;

import dev.concierge.api.editor.ContentAuthoring;
import dev.concierge.api.editor.ContentEntry;
import dev.concierge.api.editor.ContentVariantInput;
import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.decision.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/cms}: a signed publish or unpublish from the external CMS (see
 * docs/cms-webhook.md). Every rejection (disabled, too large, bad signature, malformed, invalid)
 * happens before anything is written; an accepted delivery and its change commit together, so a
 * redelivery has no second effect.
 */
@RestController
class CmsWebhookController {

    private static final Logger log = LoggerFactory.getLogger(CmsWebhookController.class);

    static final String SIGNATURE_HEADER = "X-Concierge-Signature";
    static final ContentAuthoring.Actor ACTOR = new ContentAuthoring.Actor("cms-webhook", "SYSTEM");

    private final ContentAuthoring authoring;
    private final DatabaseClient db;
    private final JsonMapper json;
    private final CmsProperties properties;

    CmsWebhookController(ContentAuthoring authoring, DatabaseClient db, JsonMapper json, CmsProperties properties) {
        this.authoring = authoring;
        this.db = db;
        this.json = json;
        this.properties = properties;
    }

    /** A delivery seen before: its body's hash and the entry it changed. */
    private record Seen(String bodySha256, @Nullable String entryId) {}

    @PostMapping("/webhooks/cms")
    Mono<ResponseEntity<Map<String, Object>>> receive(ServerHttpRequest request) {
        String secret = properties.webhookSecret();
        if (secret == null || secret.isBlank()) {
            return Mono.just(error(HttpStatus.NOT_FOUND, "NOT_FOUND", "The CMS webhook is not enabled here"));
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > properties.maxBodyBytes()) {
            return Mono.just(tooLarge());
        }
        return DataBufferUtils.join(request.getBody(), properties.maxBodyBytes())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> handle(secret, body, request.getHeaders().getFirst(SIGNATURE_HEADER)))
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(tooLarge()));
    }

    private Mono<ResponseEntity<Map<String, Object>>> handle(String secret, byte[] body, @Nullable String signature) {
        if (!Signatures.valid(secret, body, signature)) {
            return Mono.just(error(
                    HttpStatus.UNAUTHORIZED,
                    "UNAUTHENTICATED",
                    "Missing or wrong " + SIGNATURE_HEADER + ": expected sha256=<hex HMAC-SHA256 of the raw body>"));
        }
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (JacksonException e) {
            return Mono.just(error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The body is not valid JSON"));
        }
        CmsDelivery delivery;
        try {
            delivery = CmsDelivery.parse(parsed);
        } catch (ConciergeException e) {
            return Mono.just(failure(e));
        }
        String hash = Signatures.sha256(body);
        return seen(delivery.deliveryId())
                .map(seen -> replay(delivery, seen, hash))
                .switchIfEmpty(Mono.defer(() -> apply(delivery, hash)))
                .onErrorResume(ConciergeException.class, e -> Mono.just(failure(e)))
                .onErrorResume(
                        DataIntegrityViolationException.class,
                        e -> seen(delivery.deliveryId())
                                // A concurrent redelivery won the insert: answer as a replay.
                                .map(seen -> replay(delivery, seen, hash))
                                .switchIfEmpty(Mono.fromSupplier(() -> {
                                    log.info(
                                            "CMS delivery {} conflicts with stored data: {}",
                                            delivery.deliveryId(),
                                            e.getMessage());
                                    return error(
                                            HttpStatus.CONFLICT,
                                            "CONFLICT",
                                            "The delivery conflicts with stored content");
                                })));
    }

    private Mono<ResponseEntity<Map<String, Object>>> apply(CmsDelivery delivery, String hash) {
        Mono<ContentEntry> change;
        if (delivery.entry() == null) {
            change = authoring.unpublishExternal(
                    ACTOR, delivery.externalId(), entryId -> record(delivery, hash, entryId));
        } else {
            CmsDelivery.Entry entry = delivery.entry();
            ContentType type;
            try {
                type = ContentType.valueOf(entry.type());
            } catch (IllegalArgumentException e) {
                return Mono.just(failure(ConciergeException.badInput(
                        "entry.type", "must be one of HERO, BANNER, OFFER, ARTICLE, CAROUSEL")));
            }
            String id = CmsDelivery.entryId(delivery.externalId());
            change = Mono.fromCallable(() -> ContentVariantInput.draft(
                            "entry", type, entry.fields(), entry.startsAt(), entry.endsAt(), entry.variants()))
                    .flatMap(draft -> authoring.publishExternal(
                            ACTOR,
                            "entry",
                            delivery.externalId(),
                            new ContentAuthoring.Placement(id, entry.pageSlug(), entry.slot(), type, entry.name()),
                            draft,
                            entryId -> record(delivery, hash, entryId)));
        }
        return change.map(entry -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("status", delivery.entry() == null ? "unpublished" : "published");
            result.put("deliveryId", delivery.deliveryId());
            result.put("entryId", entry.id());
            result.put("entryStatus", entry.status().name());
            result.put("publishedVersion", entry.publishedVersion());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
        });
    }

    private ResponseEntity<Map<String, Object>> replay(CmsDelivery delivery, Seen seen, String hash) {
        if (!seen.bodySha256().equals(hash)) {
            return error(
                    HttpStatus.CONFLICT,
                    "CONFLICT",
                    "Delivery '" + delivery.deliveryId() + "' was received before with a different body");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "duplicate");
        result.put("deliveryId", delivery.deliveryId());
        result.put("entryId", seen.entryId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    }

    private Mono<Seen> seen(String deliveryId) {
        return db.sql("select body_sha256, entry_id from cms_webhook_deliveries where delivery_id = :id")
                .bind("id", deliveryId)
                .map(row -> new Seen(row.get("body_sha256", String.class), row.get("entry_id", String.class)))
                .one();
    }

    private Mono<Void> record(CmsDelivery delivery, String hash, String entryId) {
        return db.sql("""
                        insert into cms_webhook_deliveries (delivery_id, event, external_id, body_sha256, entry_id)
                        values (:id, :event, :external, :hash, :entry)""")
                .bind("id", delivery.deliveryId())
                .bind("event", delivery.event())
                .bind("external", delivery.externalId())
                .bind("hash", hash)
                .bind("entry", entryId)
                .then();
    }

    private ResponseEntity<Map<String, Object>> tooLarge() {
        return error(
                HttpStatus.CONTENT_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "The body is larger than " + properties.maxBodyBytes() + " bytes");
    }

    private static ResponseEntity<Map<String, Object>> failure(ConciergeException e) {
        HttpStatus status = switch (e.code()) {
            case BAD_USER_INPUT -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        ResponseEntity<Map<String, Object>> response = error(status, e.code().name(), e.getMessage());
        if (e.inputPath() != null) {
            response.getBody().put("field", e.inputPath());
        }
        return response;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
