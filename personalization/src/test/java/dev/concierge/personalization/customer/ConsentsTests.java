package dev.concierge.personalization.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConsentsTests {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T09:00:00Z");

    private static final Consent GRANTED_MONDAY = consent(ConsentPurpose.EMAIL, true, "web", MONDAY);
    private static final Consent REVOKED_TUESDAY = consent(ConsentPurpose.EMAIL, false, "app", TUESDAY);
    private static final Consent GRANTED_WEDNESDAY = consent(ConsentPurpose.EMAIL, true, "store", WEDNESDAY);
    private static final Consent REVOKED_WEDNESDAY = consent(ConsentPurpose.EMAIL, false, "app", WEDNESDAY);

    @ParameterizedTest
    @EnumSource(ConsentPurpose.class)
    void granted_noLedgerRow_isFalse(ConsentPurpose purpose) {
        Consents consents = Consents.fromLedger(List.of());

        assertThat(consents.granted(purpose)).isFalse();
        assertThat(consents.latest(purpose)).isEmpty();
    }

    static Stream<Arguments> ledgers() {
        return Stream.of(
                Arguments.argumentSet("granted only", List.of(GRANTED_MONDAY), GRANTED_MONDAY),
                Arguments.argumentSet("revoked after grant", List.of(GRANTED_MONDAY, REVOKED_TUESDAY), REVOKED_TUESDAY),
                Arguments.argumentSet(
                        "revoked after grant, given newest first",
                        List.of(REVOKED_TUESDAY, GRANTED_MONDAY),
                        REVOKED_TUESDAY),
                Arguments.argumentSet(
                        "granted again after revocation",
                        List.of(GRANTED_MONDAY, REVOKED_TUESDAY, GRANTED_WEDNESDAY),
                        GRANTED_WEDNESDAY),
                Arguments.argumentSet(
                        "granted again after revocation, shuffled",
                        List.of(REVOKED_TUESDAY, GRANTED_WEDNESDAY, GRANTED_MONDAY),
                        GRANTED_WEDNESDAY),
                Arguments.argumentSet(
                        "revoked last, given in the middle",
                        List.of(GRANTED_MONDAY, REVOKED_WEDNESDAY, REVOKED_TUESDAY),
                        REVOKED_WEDNESDAY));
    }

    @ParameterizedTest
    @MethodSource("ledgers")
    void fromLedger_anyOrder_latestRowWins(List<Consent> ledger, Consent expected) {
        Consents consents = Consents.fromLedger(ledger);

        assertThat(consents.latest(ConsentPurpose.EMAIL)).contains(expected);
        assertThat(consents.granted(ConsentPurpose.EMAIL)).isEqualTo(expected.granted());
    }

    @Test
    void fromLedger_everyPermutation_givesTheSameState() {
        // three rotations of the list and of its reverse: all six orders of three rows
        List<Consent> ledger = new ArrayList<>(List.of(GRANTED_MONDAY, GRANTED_WEDNESDAY, REVOKED_TUESDAY));
        List<Consent> reversed = new ArrayList<>(ledger);
        Collections.reverse(reversed);

        for (int rotation = 0; rotation < ledger.size(); rotation++) {
            for (List<Consent> order : List.of(ledger, reversed)) {
                Collections.rotate(order, 1);
                assertThat(Consents.fromLedger(order).latest(ConsentPurpose.EMAIL))
                        .as("ledger order %s", order)
                        .contains(GRANTED_WEDNESDAY);
            }
        }
    }

    @Test
    void fromLedger_sameInstant_keepsTheLastGiven() {
        Consent granted = consent(ConsentPurpose.SMS, true, "web", TUESDAY);
        Consent revoked = consent(ConsentPurpose.SMS, false, "app", TUESDAY);

        assertThat(Consents.fromLedger(List.of(granted, revoked)).latest(ConsentPurpose.SMS))
                .contains(revoked);
        assertThat(Consents.fromLedger(List.of(revoked, granted)).latest(ConsentPurpose.SMS))
                .contains(granted);
    }

    @Test
    void fromLedger_severalPurposes_keepsEachPurposeApart() {
        Consents consents = Consents.fromLedger(List.of(
                consent(ConsentPurpose.PERSONALIZATION, true, "app", MONDAY),
                consent(ConsentPurpose.LOCATION, true, "app", MONDAY),
                consent(ConsentPurpose.LOCATION, false, "app", TUESDAY),
                consent(ConsentPurpose.PUSH, false, "app", WEDNESDAY)));

        assertThat(consents.granted(ConsentPurpose.PERSONALIZATION)).isTrue();
        assertThat(consents.granted(ConsentPurpose.LOCATION)).isFalse();
        assertThat(consents.granted(ConsentPurpose.PUSH)).isFalse();
        assertThat(consents.latest(ConsentPurpose.PUSH)).isPresent();
        assertThat(consents.granted(ConsentPurpose.BROWSING_TRACKING)).isFalse();
        assertThat(consents.latest(ConsentPurpose.BROWSING_TRACKING)).isEmpty();
    }

    @Test
    void purposes_emptyLedger_listsEveryPurposeInDeclarationOrder() {
        assertThat(Consents.fromLedger(List.of()).purposes()).containsExactly(ConsentPurpose.values());
    }

    private static Consent consent(ConsentPurpose purpose, boolean granted, String source, Instant recordedAt) {
        return new Consent(purpose, granted, source, recordedAt);
    }
}
