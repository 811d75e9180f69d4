package dev.concierge.personalization.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import dev.concierge.personalization.customer.PurchaseDraft.Insurance;
import dev.concierge.personalization.customer.PurchaseDraft.Line;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PurchaseRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final int MAX_ITEMS = 3;
    private static final int MAX_STRING = 64;

    private static final Line RING = new Line("RING-1", 1, new BigDecimal("1299.00"), null, null);
    private static final Insurance COVER = new Insurance("Jewelers Mutual", "JM-42", LocalDate.of(2029, 11, 24));

    private final PurchaseRules rules = new PurchaseRules(MAX_ITEMS, MAX_STRING, SKEW);

    @org.junit.jupiter.api.Test
    void validate_priceWithTrailingZeroDecimals_isAccepted() {
        PurchaseDraft draft =
                new PurchaseDraft("key-1", "demo-1", "store-1", Channel.STORE, null, "USD", List.of(line("1299.000")));
        assertThatCode(() -> rules.validate(draft, CLOCK)).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void constructor_nonPositiveLimitsOrNegativeSkew_failFast() {
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new PurchaseRules(0, 10, SKEW));
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new PurchaseRules(1, 0, SKEW));
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> new PurchaseRules(1, 10, Duration.ofSeconds(-1)));
    }

    static Stream<Arguments> invalidDrafts() {
        return Stream.of(
                invalid("blank idempotencyKey", d -> d.idempotencyKey(" "), "input.idempotencyKey"),
                invalid("oversized idempotencyKey", d -> d.idempotencyKey("k".repeat(129)), "input.idempotencyKey"),
                invalid("blank customerId", d -> d.customerId(""), "input.customerId"),
                invalid("blank storeId", d -> d.storeId(" "), "input.storeId"),
                invalid(
                        "STORE channel without store",
                        d -> d.channel(Channel.STORE).storeId(null),
                        "input.storeId"),
                invalid("lower-case currency", d -> d.currency("usd"), "input.currency"),
                invalid("two-letter currency", d -> d.currency("US"), "input.currency"),
                invalid("four-letter currency", d -> d.currency("USDT"), "input.currency"),
                invalid("empty currency", d -> d.currency(""), "input.currency"),
                invalid("code that is no ISO 4217 currency", d -> d.currency("ABC"), "input.currency"),
                invalid(
                        "purchasedAt beyond the clock skew",
                        d -> d.purchasedAt(NOW.plus(SKEW).plusSeconds(1)),
                        "input.purchasedAt"),
                invalid("no items", d -> d.items(List.of()), "input.items"),
                invalid("too many items", d -> d.items(Collections.nCopies(MAX_ITEMS + 1, RING)), "input.items"),
                secondLine("blank sku", new Line(" ", 1, null, null, null), "input.items[1].sku"),
                secondLine("zero quantity", new Line("RING-1", 0, null, null, null), "input.items[1].quantity"),
                secondLine("negative quantity", new Line("RING-1", -1, null, null, null), "input.items[1].quantity"),
                secondLine(
                        "quantity over 10000", new Line("RING-1", 10_001, null, null, null), "input.items[1].quantity"),
                secondLine("negative price", line("-0.01"), "input.items[1].unitPrice"),
                secondLine("price with 3 decimals", line("12.345"), "input.items[1].unitPrice"),
                secondLine("price above the maximum", line("10000000000.00"), "input.items[1].unitPrice"),
                secondLine(
                        "oversized servicing instructions",
                        new Line("RING-1", 1, null, null, "s".repeat(MAX_STRING + 1)),
                        "input.items[1].servicingInstructions"),
                secondLine(
                        "blank insurance provider",
                        new Line("RING-1", 1, null, new Insurance("  ", "JM-42", null), null),
                        "input.items[1].insurance.provider"),
                secondLine(
                        "oversized insurance provider",
                        new Line("RING-1", 1, null, new Insurance("p".repeat(MAX_STRING + 1), "JM-42", null), null),
                        "input.items[1].insurance.provider"),
                secondLine(
                        "blank insurance policy number",
                        new Line("RING-1", 1, null, new Insurance("Jewelers Mutual", "", null), null),
                        "input.items[1].insurance.policyNumber"));
    }

    @ParameterizedTest
    @MethodSource("invalidDrafts")
    void validate_invalidDraft_reportsBadInputAtItsPath(PurchaseDraft draft, String inputPath) {
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> rules.validate(draft, CLOCK))
                .withMessageStartingWith(inputPath + ": ")
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                    assertThat(e.inputPath()).isEqualTo(inputPath);
                });
    }

    static Stream<Arguments> validDrafts() {
        return Stream.of(
                valid("store sale with its store", d -> d),
                valid("web sale without a store", d -> d.channel(Channel.WEB).storeId(null)),
                valid("purchasedAt left to the server", d -> d.purchasedAt(null)),
                valid("purchasedAt exactly at the clock skew", d -> d.purchasedAt(NOW.plus(SKEW))),
                valid("catalogue price", d -> d.items(List.of(line(null)))),
                valid("free item", d -> d.items(List.of(line("0")))),
                valid("one decimal", d -> d.items(List.of(line("10.5")))),
                valid("the maximum price", d -> d.items(List.of(line("9999999999.99")))),
                valid("as many items as allowed", d -> d.items(Collections.nCopies(MAX_ITEMS, RING))),
                valid("10000 of one sku", d -> d.items(List.of(new Line("RING-1", 10_000, null, null, null)))),
                valid(
                        "insured item with servicing instructions at the limit",
                        d -> d.items(List.of(new Line("RING-1", 1, null, COVER, "s".repeat(MAX_STRING))))));
    }

    @ParameterizedTest
    @MethodSource("validDrafts")
    void validate_validDraft_passes(PurchaseDraft draft) {
        assertThatCode(() -> rules.validate(draft, CLOCK)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "bought {0}, care every {1} days: due {2}")
    @CsvSource({
        "2026-11-24, 180, 2027-05-23",
        "2026-11-24,   0, 2026-11-24",
        "2028-02-28,   1, 2028-02-29",
        "2026-11-24,    , ",
    })
    void nextServiceDue_careInterval_isCountedFromThePurchaseDate(
            LocalDate purchased, @Nullable Integer careIntervalDays, @Nullable LocalDate due) {
        assertThat(PurchaseRules.nextServiceDue(purchased, careIntervalDays)).isEqualTo(due);
    }

    private static Arguments invalid(String name, UnaryOperator<DraftBuilder> change, String inputPath) {
        return Arguments.argumentSet(name, change.apply(new DraftBuilder()).build(), inputPath);
    }

    private static Arguments secondLine(String name, Line line, String inputPath) {
        return invalid(name, d -> d.items(List.of(RING, line)), inputPath);
    }

    private static Arguments valid(String name, UnaryOperator<DraftBuilder> change) {
        return Arguments.argumentSet(name, change.apply(new DraftBuilder()).build());
    }

    private static Line line(@Nullable String unitPrice) {
        return new Line("RING-1", 1, unitPrice == null ? null : new BigDecimal(unitPrice), null, null);
    }

    /** A valid in-store sale of one ring a minute ago; change what a case needs. */
    private static final class DraftBuilder {

        private String idempotencyKey = "till-7-0001";
        private String customerId = "c-1";
        private @Nullable String storeId = "store-5th-ave";
        private Channel channel = Channel.STORE;
        private @Nullable Instant purchasedAt = NOW.minusSeconds(60);
        private String currency = "USD";
        private List<Line> items = List.of(RING);

        DraftBuilder idempotencyKey(String value) {
            idempotencyKey = value;
            return this;
        }

        DraftBuilder customerId(String value) {
            customerId = value;
            return this;
        }

        DraftBuilder storeId(@Nullable String value) {
            storeId = value;
            return this;
        }

        DraftBuilder channel(Channel value) {
            channel = value;
            return this;
        }

        DraftBuilder purchasedAt(@Nullable Instant value) {
            purchasedAt = value;
            return this;
        }

        DraftBuilder currency(String value) {
            currency = value;
            return this;
        }

        DraftBuilder items(List<Line> value) {
            items = value;
            return this;
        }

        PurchaseDraft build() {
            return new PurchaseDraft(idempotencyKey, customerId, storeId, channel, purchasedAt, currency, items);
        }
    }
}
