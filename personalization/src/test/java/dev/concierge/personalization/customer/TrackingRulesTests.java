package dev.concierge.personalization.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrackingRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration MAX_AGE = Duration.ofDays(30);
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final int MAX_BATCH = 3;
    private static final int MAX_STRING = 64;

    private final TrackingRules rules = new TrackingRules(MAX_BATCH, MAX_STRING, MAX_AGE, SKEW);

    @org.junit.jupiter.api.Test
    void constructor_nonPositiveLimitsOrNegativeDurations_failFast() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new TrackingRules(0, MAX_STRING, MAX_AGE, SKEW));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new TrackingRules(MAX_BATCH, MAX_STRING, Duration.ofDays(-1), SKEW));
    }

    static Stream<Arguments> invalidBatches() {
        return Stream.of(
                Arguments.argumentSet("empty batch", List.of(), "events"),
                Arguments.argumentSet(
                        "batch over the limit",
                        List.of(
                                event("e1").build(),
                                event("e2").build(),
                                event("e3").build(),
                                event("e4").build()),
                        "events"),
                second("blank clientEventId", e -> e.clientEventId("  "), "events[1].clientEventId"),
                second("empty clientEventId", e -> e.clientEventId(""), "events[1].clientEventId"),
                second("oversized customerId", e -> e.customerId("c".repeat(129)), "events[1].customerId"),
                second("oversized clientEventId", e -> e.clientEventId("x".repeat(129)), "events[1].clientEventId"),
                second("no customer and no anonymousId", e -> e.anonymousId(null), "events[1].anonymousId"),
                second("blank anonymousId", e -> e.anonymousId(" "), "events[1].anonymousId"),
                second("oversized anonymousId", e -> e.anonymousId("a".repeat(129)), "events[1].anonymousId"),
                second("oversized sku", e -> e.type(EventType.PRODUCT_VIEW).sku("s".repeat(129)), "events[1].sku"),
                second("blank storeId", e -> e.type(EventType.STORE_VISIT).storeId(""), "events[1].storeId"),
                second(
                        "occurredAt beyond the clock skew",
                        e -> e.occurredAt(NOW.plus(SKEW).plusSeconds(1)),
                        "events[1].occurredAt"),
                second(
                        "occurredAt older than the maximum age",
                        e -> e.occurredAt(NOW.minus(MAX_AGE).minusSeconds(1)),
                        "events[1].occurredAt"),
                second("PRODUCT_VIEW without sku", e -> e.type(EventType.PRODUCT_VIEW), "events[1].sku"),
                second("ADD_TO_CART without sku", e -> e.type(EventType.ADD_TO_CART), "events[1].sku"),
                second("SEARCH without query", e -> e.type(EventType.SEARCH), "events[1].query"),
                second(
                        "SEARCH with a blank query",
                        e -> e.type(EventType.SEARCH).query("   "),
                        "events[1].query"),
                second("STORE_VISIT without store", e -> e.type(EventType.STORE_VISIT), "events[1].storeId"),
                second(
                        "oversized query",
                        e -> e.type(EventType.SEARCH).query("q".repeat(MAX_STRING + 1)),
                        "events[1].query"),
                second("oversized page", e -> e.page("/" + "p".repeat(MAX_STRING)), "events[1].page"));
    }

    @ParameterizedTest
    @MethodSource("invalidBatches")
    void validate_invalidBatch_reportsBadInputAtItsPath(List<BrowsingEvent> batch, String inputPath) {
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> rules.validate(batch, CLOCK))
                .withMessageStartingWith(inputPath + ": ")
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                    assertThat(e.inputPath()).isEqualTo(inputPath);
                });
    }

    static Stream<Arguments> validBatches() {
        return Stream.of(
                Arguments.argumentSet("one page view", List.of(event("e1").build())),
                Arguments.argumentSet(
                        "a full batch of every kind",
                        List.of(
                                event("e1")
                                        .type(EventType.PRODUCT_VIEW)
                                        .sku("RING-1")
                                        .category(ProductCategory.RINGS)
                                        .build(),
                                event("e2")
                                        .type(EventType.SEARCH)
                                        .query("gold hoops")
                                        .build(),
                                event("e3")
                                        .type(EventType.STORE_VISIT)
                                        .storeId("store-5th-ave")
                                        .build())),
                Arguments.argumentSet(
                        "add to cart by a signed-in customer",
                        List.of(event("e1")
                                .customerId("c-1")
                                .anonymousId(null)
                                .type(EventType.ADD_TO_CART)
                                .sku("W-9")
                                .build())),
                Arguments.argumentSet(
                        "occurredAt exactly at the clock skew",
                        List.of(event("e1").occurredAt(NOW.plus(SKEW)).build())),
                Arguments.argumentSet(
                        "occurredAt exactly at the maximum age",
                        List.of(event("e1").occurredAt(NOW.minus(MAX_AGE)).build())),
                Arguments.argumentSet(
                        "ids and texts at their limits",
                        List.of(event("i".repeat(TrackingRules.MAX_ID_LENGTH))
                                .anonymousId("a".repeat(TrackingRules.MAX_ID_LENGTH))
                                .type(EventType.SEARCH)
                                .query("q".repeat(MAX_STRING))
                                .page("p".repeat(MAX_STRING))
                                .build())),
                Arguments.argumentSet(
                        "repeated clientEventId (deduplicated later, not rejected)",
                        List.of(event("e1").build(), event("e1").build())));
    }

    @ParameterizedTest
    @MethodSource("validBatches")
    void validate_validBatch_passes(List<BrowsingEvent> batch) {
        assertThatCode(() -> rules.validate(batch, CLOCK)).doesNotThrowAnyException();
    }

    /** A batch whose first event is valid and whose second is changed by {@code change}. */
    private static Arguments second(String name, UnaryOperator<EventBuilder> change, String inputPath) {
        return Arguments.argumentSet(
                name, List.of(event("e1").build(), change.apply(event("e2")).build()), inputPath);
    }

    /** A valid signed-out page view a minute ago; change what a case needs. */
    private static EventBuilder event(String clientEventId) {
        return new EventBuilder(clientEventId);
    }

    private static final class EventBuilder {

        private String clientEventId;
        private @Nullable String customerId;
        private @Nullable String anonymousId = "anon-1";
        private EventType type = EventType.PAGE_VIEW;
        private Instant occurredAt = NOW.minusSeconds(60);
        private @Nullable String sku;
        private @Nullable ProductCategory category;
        private @Nullable String query;
        private @Nullable String page = "/home";
        private @Nullable String storeId;

        EventBuilder(String clientEventId) {
            this.clientEventId = clientEventId;
        }

        EventBuilder clientEventId(String value) {
            clientEventId = value;
            return this;
        }

        EventBuilder customerId(@Nullable String value) {
            customerId = value;
            return this;
        }

        EventBuilder anonymousId(@Nullable String value) {
            anonymousId = value;
            return this;
        }

        EventBuilder type(EventType value) {
            type = value;
            return this;
        }

        EventBuilder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        EventBuilder sku(@Nullable String value) {
            sku = value;
            return this;
        }

        EventBuilder category(@Nullable ProductCategory value) {
            category = value;
            return this;
        }

        EventBuilder query(@Nullable String value) {
            query = value;
            return this;
        }

        EventBuilder page(@Nullable String value) {
            page = value;
            return this;
        }

        EventBuilder storeId(@Nullable String value) {
            storeId = value;
            return this;
        }

        BrowsingEvent build() {
            return new BrowsingEvent(
                    clientEventId,
                    customerId,
                    anonymousId,
                    type,
                    Channel.WEB,
                    occurredAt,
                    sku,
                    category,
                    query,
                    page,
                    storeId);
        }
    }
}
