package dev.concierge.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.ConciergeApplication;
import dev.concierge.api.security.Role;
import dev.concierge.api.support.Testers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The editor console end to end in a real headless Chromium, against two application instances
 * (two pods behind a load balancer): an editor signs in, builds a segment with the form, targets a
 * new home hero variant at it and at Gold members, publishes, previews it, and demo-1 (a gold
 * member) gets it from the other instance within a second.
 *
 * <p>The instances run on their own embedded servers (their own data directory): the test
 * publishes demo content that every other test's demo-1 would otherwise see.
 */
class ConsoleBrowserTests {

    private static final Logger log = LoggerFactory.getLogger(ConsoleBrowserTests.class);

    /** The promise: a publish shows on every instance within one second. */
    private static final Duration PROPAGATION = Duration.ofSeconds(1);

    private static final Path SCREENSHOTS = Path.of("target", "console-e2e");

    private static Chromium browser;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void startBrowserAndTwoInstances() {
        browser = Chromium.launch(SCREENSHOTS); // first: without a browser, fail before starting anything
        a = start();
        b = start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
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
                        "--concierge.embedded.data-directory=target/embedded-console-test-data",
                        "--concierge.embedded.fresh=true",
                        "--concierge.embedded.durable=false");
    }

    /** Opens the console on instance A with a clean tab: no token from an earlier test. */
    private static void openConsole() {
        browser.open(Testers.of(a).baseUrl() + "/console");
        browser.script("sessionStorage.clear()");
        browser.open(Testers.of(a).baseUrl() + "/console");
    }

    private static void signIn(String subject, Role... roles) {
        openConsole();
        browser.script(
                "document.querySelector(\"[data-testid='token-input']\").value = arguments[0]",
                Testers.of(a).token(subject, roles));
        browser.click("sign-in");
    }

    @Test
    void editor_targetsANewHeroVariantAtGoldMembers_andTheOtherInstanceServesItWithinASecond() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String segment = "e2e-gold-" + suffix;
        String variant = "e2e-gold";
        String headline = "A private evening for our gold members " + suffix;
        HttpGraphQlTester demoOneOnB = Testers.of(b).customer("demo-1");
        // B has decided demo-1's home page before the publish: its caches must not answer after it.
        assertThat(hero(demoOneOnB)).isNotEqualTo(headline);

        signIn("ed-e2e", Role.EDITOR);
        browser.awaitText("signed-in-as", "ed-e2e");
        assertThat(browser.currentUrl()).endsWith("/console/");

        // A segment built with the form: the empty loyalty tier condition is invalid, and says where.
        browser.click("tab-segments");
        browser.find("segment-row-gold-members");
        browser.click("new-segment");
        browser.type("segment-id", segment);
        browser.type("segment-name", "E2E gold and platinum " + suffix);
        browser.type("segment-description", "Made by the console's browser test");
        WebElement condition = browser.find("condition");
        browser.choose(browser.within(condition, "predicate"), "loyaltyTier");
        assertThat(browser.awaitText("rule-error", "loyaltyTier")).contains("atLeast");
        browser.choose(browser.within(browser.find("condition"), "param-atLeast"), "GOLD");
        browser.find("rule-valid");
        browser.click("estimate-size");
        String customers = browser.find("estimate-customers").getText();
        assertThat(Integer.parseInt(customers))
                .as("gold and platinum customers")
                .isPositive();
        browser.screenshot("01-segment-form");
        browser.click("save-segment");
        browser.awaitText("status", "Saved segment " + segment);
        browser.find("segment-row-" + segment);

        // A new hero variant for the segment and for Gold members, above the experiment and birthday variants.
        browser.click("tab-content");
        browser.choose("content-page", "home");
        browser.click("open-entry-home-hero");
        browser.find("variant-card");
        int before = browser.all("variant-card").size();
        browser.click("add-variant");
        List<WebElement> cards = browser.await(
                "a new variant card",
                () -> browser.all("variant-card").size() == before + 1 ? browser.all("variant-card") : null);
        WebElement card = cards.get(cards.size() - 1);
        Chromium.type(browser.within(card, "variant-key"), variant);
        browser.within(card, "audience-" + segment).click();
        browser.within(card, "audience-gold-members").click();
        Chromium.type(browser.within(card, "variant-priority"), "50");
        Chromium.type(browser.within(card, "variant-field-headline"), headline);
        Chromium.type(browser.within(card, "variant-field-ctaLabel"), "Reserve your evening");
        browser.screenshot("02-variant-form");
        long clicked = System.nanoTime();
        browser.click("publish");
        browser.awaitText("status", "Published home-hero version");
        long published = System.nanoTime();

        // On the other instance, demo-1's page has the variant within a second of the publish returning.
        String served = browser.await("demo-1's hero on instance B", () -> {
            String now = hero(demoOneOnB);
            return now.equals(headline) || System.nanoTime() - published > PROPAGATION.toNanos() ? now : null;
        });
        long seen = System.nanoTime();
        log.info(
                "demo-1's hero on instance B: {} after the publish returned, {} ms after the click",
                served.equals(headline) ? (seen - published) / 1_000_000 + " ms" : "not",
                (seen - clicked) / 1_000_000);
        assertThat(served)
                .as(
                        "demo-1's hero on B %d ms after the publish returned (%d ms after the click)",
                        (seen - published) / 1_000_000, (seen - clicked) / 1_000_000)
                .isEqualTo(headline);
        assertThat(browser.find("entry-status").getText()).isEqualTo("PUBLISHED");
        assertThat(browser.find("versions").getText()).contains(variant + " (50)");

        // The preview as the new segment, beside the signed-out default.
        browser.click("tab-preview");
        browser.choose("preview-slug", "home");
        browser.click("preview-as-segments");
        browser.click("preview-segment-" + segment);
        browser.click("run-preview");
        WebElement chosen = browser.within(browser.find("preview-chosen"), "slot-hero");
        WebElement fallback = browser.within(browser.find("preview-default"), "slot-hero");
        assertThat(chosen.getAttribute("data-variant")).isEqualTo(variant);
        assertThat(browser.within(chosen, "slot-headline").getText()).isEqualTo(headline);
        assertThat(chosen.findElements(By.cssSelector("[data-testid='reason'][data-code='SEGMENT_MATCH']")))
                .as("a SEGMENT_MATCH reason on the previewed hero")
                .isNotEmpty();
        assertThat(fallback.getAttribute("data-variant")).isNotEqualTo(variant);
        assertThat(browser.within(fallback, "slot-headline").getText()).isNotEqualTo(headline);
        browser.screenshot("03-preview-side-by-side");

        // The audit log has the publish, by this editor.
        browser.click("tab-audit");
        browser.awaitText("audit-list", "home-hero");
        assertThat(browser.find("audit-list").getText()).contains("ed-e2e", segment);
        browser.screenshot("04-audit-log");

        assertThat(browser.errorLine()).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void editor_createsAnEntryWithTheForm_andSeesTheApiErrorCodeForMissingFields() {
        String id = "e2e-banner-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("ed-e2e", Role.EDITOR);
        browser.click("new-entry");
        browser.type("new-entry-id", id);
        browser.type("new-entry-name", "Console banner");
        browser.choose("new-entry-page", "product");
        browser.choose("new-entry-slot", "promo");
        browser.choose("new-entry-type", "BANNER");
        browser.click("create-entry");
        // A banner needs its text: the API's code and the field it names show.
        browser.awaitText("error-code", "BAD_USER_INPUT");
        assertThat(browser.errorLine()).contains("text");

        browser.type("new-entry-field-text", "Engraving is free this week");
        browser.click("create-entry");
        browser.awaitText("status", "Created " + id);
        assertThat(browser.find("entry-status").getText()).isEqualTo("DRAFT");
        browser.find("entry-row-" + id);
        assertThat(browser.errorLine()).isEmpty();
    }

    @Test
    void editor_createsStartsAndStopsAnExperiment_andReadsItsResults() {
        String id = "e2e-exp-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("ed-e2e", Role.EDITOR);
        browser.click("tab-experiments");
        browser.awaitText("experiment-status-hero-test", "RUNNING");
        browser.click("new-experiment");
        browser.type("experiment-id", id);
        browser.type("experiment-name", "Promo strip wording");
        browser.choose("experiment-page", "offers");
        browser.choose("experiment-slot", "everyone");
        browser.type("experiment-holdout", "20");
        List<WebElement> weights = browser.all("arm-weight");
        Chromium.type(weights.get(0), "70");
        browser.awaitText("weights-total", "need 100");
        Chromium.type(weights.get(1), "30");
        browser.awaitText("weights-total", "add up to 100");
        browser.click("create-experiment");
        browser.awaitText("status", "Created experiment " + id);
        assertThat(browser.awaitText("experiment-row-" + id, "DRAFT")).contains("A 70%", "B 30%", "20.0%");

        browser.click("start-" + id);
        browser.awaitText("experiment-status-" + id, "RUNNING");
        browser.click("stop-" + id);
        browser.acceptDialog();
        browser.awaitText("experiment-status-" + id, "STOPPED");
        browser.click("results-" + id);
        browser.find("result-holdout");
        assertThat(browser.find("experiment-results").getText()).contains("control: holdout");
        assertThat(browser.errorLine()).isEmpty();
    }

    @Test
    void console_experimentResults_showWithoutErrors_andSignOutForgetsTheToken() {
        signIn("ed-e2e", Role.EDITOR);
        browser.click("tab-experiments");
        browser.awaitText("experiment-status-hero-test", "RUNNING");
        browser.click("results-hero-test");
        browser.awaitText("experiment-results", "Exposures");
        browser.find("result-A");
        browser.find("result-B");
        browser.screenshot("05-experiment-results");
        assertThat(browser.errorLine()).isEmpty();

        browser.click("sign-out");
        browser.find("token-input");
        assertThat(browser.script("return sessionStorage.getItem('concierge.console.token')"))
                .isNull();
        browser.open(Testers.of(a).baseUrl() + "/console/#segments");
        browser.find("token-input");
        assertThat(browser.all("segment-list")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a customer's token, CUSTOMER, FORBIDDEN", "a point of sale's token, POS, FORBIDDEN"})
    void signIn_withoutTheEditorRole_isRefusedWithTheApiCode(String name, Role role, String code) {
        signIn("not-an-editor", role);
        browser.awaitText("error-code", code);
        browser.find("token-input");
        assertThat(browser.script("return sessionStorage.getItem('concierge.console.token')"))
                .isNull();
    }

    @Test
    void signIn_withAForgedToken_isRefusedAsUnauthenticated() {
        openConsole();
        browser.type("token-input", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJlZC0xIiwicm9sZXMiOlsiRURJVE9SIl19.");
        browser.click("sign-in");
        browser.awaitText("error-code", "UNAUTHENTICATED");
        browser.find("token-input");
    }

    /** demo-1's home hero headline on an instance, through GraphQL. */
    private static String hero(HttpGraphQlTester customer) {
        return customer.documentName("pageHero")
                .variable("slug", "home")
                .execute()
                .path("page.slots[?(@.name == 'hero')].content.headline")
                .entityList(String.class)
                .get()
                .get(0);
    }
}
