package dev.concierge.api.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.security.Role;
import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.personalization.customer.ConsentPurpose;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ConciergeTest
class ProfileTests {

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Test
    void me_demoOne_isGoldWithBirthdayWithinAWeekAndAllConsents() {
        var response = testers.customer("demo-1").documentName("me").execute();
        response.path("me.id").entity(String.class).isEqualTo("demo-1");
        response.path("me.loyalty.tier").entity(String.class).isEqualTo("GOLD");
        response.path("me.loyalty.points")
                .entity(Integer.class)
                .satisfies(points -> assertThat(points).isPositive());
        response.path("me.birthday").entity(LocalDate.class).satisfies(birthday -> {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate next = MonthDay.from(birthday).atYear(today.getYear());
            if (next.isBefore(today)) {
                next = next.plusYears(1);
            }
            assertThat(next).isBetween(today, today.plusDays(7));
        });
        response.path("me.homeStore.openingHours").entityList(Object.class).hasSizeGreaterThan(0);
        response.path("me.consents[*].purpose")
                .entityList(String.class)
                .containsExactly("PERSONALIZATION", "BROWSING_TRACKING", "LOCATION", "EMAIL", "SMS", "PUSH");
        response.path("me.consents[*].granted")
                .entityList(Boolean.class)
                .satisfies(granted -> assertThat(granted).containsOnly(true));
    }

    @Test
    void me_newCustomerWithoutLedgerRows_showsEveryPurposeNotGranted() {
        String id = data.newCustomer();
        var response = testers.customer(id).documentName("me").execute();
        response.path("me.consents[*].granted")
                .entityList(Boolean.class)
                .satisfies(granted -> assertThat(granted).hasSize(6).containsOnly(false));
        response.path("me.consents[*].source")
                .entityList(Object.class)
                .satisfies(sources -> assertThat(sources).hasSize(6).containsOnlyNulls());
    }

    @Test
    void me_withoutToken_isUnauthenticated() {
        testers.anonymous().documentName("me").execute().errors().satisfy(Errors.single("UNAUTHENTICATED"));
    }

    @Test
    void me_withPosToken_isForbidden() {
        testers.pos().documentName("me").execute().errors().satisfy(Errors.single("FORBIDDEN"));
    }

    @Test
    void me_withCustomerTokenForUnknownId_isNotFound() {
        testers.customer("nobody-" + System.nanoTime())
                .documentName("me")
                .execute()
                .errors()
                .satisfy(Errors.single("NOT_FOUND"));
    }

    @Test
    void request_withInvalidToken_is401WithUnauthenticatedCode() {
        WebTestClient.bindToServer()
                .baseUrl(testers.baseUrl())
                .build()
                .post()
                .uri("/graphql")
                .header("Authorization", "Bearer not-a-token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ product(sku: \"x\") { sku } }"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void setConsent_appendsToLedgerAndLatestWins() {
        String id = data.newCustomer(ConsentPurpose.LOCATION);
        var tester = testers.customer(id);

        tester.documentName("setConsent")
                .variable("purpose", "LOCATION")
                .variable("granted", false)
                .execute()
                .path("setConsent.consent.granted")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("setConsent.consent.source")
                .entity(String.class)
                .isEqualTo("customer");
        tester.documentName("setConsent")
                .variable("purpose", "EMAIL")
                .variable("granted", true)
                .execute()
                .path("setConsent.consents")
                .entityList(Map.class)
                .contains(Map.of("purpose", "EMAIL", "granted", true), Map.of("purpose", "LOCATION", "granted", false));

        assertThat(data.count("select count(*) from consent_ledger where customer_id = :id", id))
                .isEqualTo(3);
        tester.documentName("me")
                .execute()
                .path("me.consents[?(@.purpose == 'LOCATION')].granted")
                .entityList(Boolean.class)
                .containsExactly(false);
    }

    @Test
    void consentHistory_showsEveryGrantAndRevocationWithItsTime_newestFirst() {
        String id = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        var tester = testers.customer(id);
        for (boolean granted : new boolean[] {false, true, false}) {
            tester.documentName("setConsent")
                    .variable("purpose", "PERSONALIZATION")
                    .variable("granted", granted)
                    .execute();
        }
        tester.documentName("setConsent")
                .variable("purpose", "EMAIL")
                .variable("granted", false)
                .execute();
        String history = """
                query($purpose: ConsentPurpose, $first: Int) {
                  me { consentHistory(purpose: $purpose, first: $first) { purpose granted revocation source recordedAt } }
                }""";

        var personalization =
                tester.document(history).variable("purpose", "PERSONALIZATION").execute();
        personalization
                .path("me.consentHistory[*].granted")
                .entityList(Boolean.class)
                .containsExactly(false, true, false, true);
        personalization
                .path("me.consentHistory[*].revocation")
                .entityList(Boolean.class)
                .containsExactly(true, false, true, false);
        personalization
                .path("me.consentHistory[*].recordedAt")
                .entityList(String.class)
                .satisfies(times -> assertThat(times).allMatch(time -> !time.isEmpty()));
        // withdrawing what was never granted is not a revocation
        tester.document(history)
                .variable("purpose", "EMAIL")
                .execute()
                .path("me.consentHistory[*].revocation")
                .entityList(Boolean.class)
                .containsExactly(false);
        tester.document(history)
                .variable("first", 2)
                .execute()
                .path("me.consentHistory[*].purpose")
                .entityList(String.class)
                .containsExactly("EMAIL", "PERSONALIZATION");
        tester.document(history)
                .variable("first", 0)
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "first"));
    }

    @Test
    void setConsent_unknownPurpose_isBadUserInputAndStoresNothing() {
        String id = data.newCustomer();
        testers.customer(id)
                .documentName("setConsent")
                .variable("purpose", "TELEPATHY")
                .variable("granted", true)
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "TELEPATHY"));
        assertThat(data.count("select count(*) from consent_ledger where customer_id = :id", id))
                .isZero();
    }

    @Test
    void setConsent_anonymousOrOtherRoles_areRefused() {
        testers.anonymous()
                .documentName("setConsent")
                .variable("purpose", "EMAIL")
                .variable("granted", true)
                .execute()
                .errors()
                .satisfy(Errors.single("UNAUTHENTICATED"));
        for (Role role : List.of(Role.POS, Role.EDITOR, Role.SRE)) {
            testers.as("someone", role)
                    .documentName("setConsent")
                    .variable("purpose", "EMAIL")
                    .variable("granted", true)
                    .execute()
                    .errors()
                    .satisfy(Errors.single("FORBIDDEN"));
        }
    }
}
