package dev.concierge.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Testers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The console's page and assets over HTTP: where they are, what type, which security headers. */
@ConciergeTest
class ConsoleTests {

    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z-]+\\.js)'");

    @Autowired
    Testers testers;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(testers.baseUrl()).build();
    }

    @Test
    void console_withoutTrailingSlash_redirectsToIt() {
        client().get()
                .uri("/console")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/console/");
    }

    @Test
    void console_isAnHtmlPageForAnyone_withAStrictPolicyAndNoInlineScript() {
        String page = client().get()
                .uri("/console/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .valueEquals("Content-Security-Policy", ConsoleSecurityHeaders.CONTENT_SECURITY_POLICY)
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(ConsoleSecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self'", "style-src 'self'", "connect-src 'self'")
                .doesNotContain("unsafe", "*", "http");
        assertThat(page).contains("<script type=\"module\" src=\"app.js\"></script>");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(page).find())
                .as("an inline script")
                .isFalse();
        assertThat(page).doesNotContain("style=", " onclick=", " onload=");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"app.js, text/javascript", "api.js, text/javascript", "console.css, text/css"})
    void console_assets_areServedWithTheirTypeAndThePolicy(String asset, String type) {
        client().get()
                .uri("/console/" + asset)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(type)
                .expectHeader()
                .valueEquals("Content-Security-Policy", ConsoleSecurityHeaders.CONTENT_SECURITY_POLICY);
    }

    /** A module that failed to load would leave the page blank: every import resolves to an asset. */
    @Test
    void console_everyModuleItImports_isServed() {
        List<String> modules = new ArrayList<>();
        for (Resource script : scripts()) {
            Matcher imports = IMPORT.matcher(read(script));
            while (imports.find()) {
                modules.add(imports.group(1));
            }
        }
        assertThat(modules).contains("api.js", "dom.js", "rules.js", "content.js", "preview.js");
        for (String module : modules) {
            client().get()
                    .uri("/console/" + module)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith("text/javascript");
        }
    }

    /** Text from the API is never parsed as markup: the scripts build elements, never HTML strings. */
    @Test
    void console_scripts_neverParseStringsAsHtmlOrCode() {
        for (Resource script : scripts()) {
            assertThat(read(script))
                    .as(script.getFilename())
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
                    .doesNotContain("new Function");
        }
    }

    @Test
    void console_unknownAsset_is404() {
        client().get().uri("/console/nope.js").exchange().expectStatus().isNotFound();
    }

    /** GraphiQL loads its assets from a CDN: the console's policy must not reach it. */
    @Test
    void otherPaths_doNotGetTheConsolePolicy() {
        client().get()
                .uri("/graphiql?path=/graphql")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("Content-Security-Policy");
    }

    @Test
    void console_pageIsTheClasspathIndex() {
        String served = client().get()
                .uri("/console/")
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(served).isEqualTo(read(new ClassPathResource("static/console/index.html")));
    }

    private static Resource[] scripts() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath:static/console/*.js");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
