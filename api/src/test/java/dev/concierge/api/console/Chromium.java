package dev.concierge.api.console;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * Debian's headless Chromium driven through Debian's chromium-driver (both from apt: {@code .ci/run}
 * installs them when missing), with the steps the console tests take: find by {@code data-testid},
 * type, tick, wait, screenshot. Nothing is downloaded: the binaries' paths are given, so Selenium
 * Manager never runs. A missing browser fails the test with the command that installs it.
 */
final class Chromium implements AutoCloseable {

    /** Where Debian's packages put them; system properties override for other systems. */
    static final Path BINARY = Path.of(System.getProperty("concierge.test.chromium", "/usr/bin/chromium"));

    static final Path DRIVER = Path.of(System.getProperty("concierge.test.chromedriver", "/usr/bin/chromedriver"));

    /**
     * Selenium warns that it has no DevTools (CDP) bindings for this Chromium version; the tests
     * speak WebDriver only and need none. Held here: the logging framework keeps loggers weakly.
     */
    private static final List<Logger> QUIET = List.of(
            Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    /** Generous for a 2-core machine that runs other builds at the same time. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** How long one page load may take before it is stopped and tried again. */
    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);

    private static final Logger log = Logger.getLogger(Chromium.class.getName());

    private final ChromeDriver driver;
    private final Path screenshots;

    private Chromium(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Starts the browser, or fails saying how to install it. */
    static Chromium launch(Path screenshots) {
        for (Path executable : List.of(BINARY, DRIVER)) {
            if (!Files.isExecutable(executable)) {
                fail("The console's browser tests need Debian's chromium and chromium-driver; " + executable
                        + " is missing. Install them with: apt-get install -y chromium chromium-driver"
                        + " (.ci/run does), or point -Dconcierge.test.chromium / -Dconcierge.test.chromedriver"
                        + " at a Chromium and its matching driver.");
            }
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1440,2000");
        // Console messages, for JavaScript errors and Content Security Policy violations.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The page is usable once its deferred module scripts have run (DOMContentLoaded); no image or
        // font is awaited. A page load that has not finished in time is retried below, instead of
        // hanging until the HTTP client's three-minute read timeout (seen once on a loaded CI machine).
        options.setPageLoadStrategy(PageLoadStrategy.EAGER);
        ChromeDriver driver =
                new ChromeDriver(service, options, ClientConfig.defaultConfig().readTimeout(PAGE_LOAD.multipliedBy(3)));
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        return new Chromium(driver, screenshots);
    }

    /** Opens the page; a load that times out is stopped and tried again, at most three times in all. */
    void open(String url) {
        for (int attempt = 1; ; attempt++) {
            try {
                driver.get(url);
                return;
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
                log.warning("Loading " + url + " took over " + PAGE_LOAD + "; trying again (attempt " + (attempt + 1)
                        + " of 3)");
                try {
                    script("window.stop()");
                } catch (WebDriverException stopFailed) {
                    e.addSuppressed(stopFailed);
                }
            }
        }
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** The visible element with this test id, once there is one. */
    WebElement find(String testId) {
        return find(testId(testId), testId);
    }

    WebElement find(By by, String what) {
        return await(
                what + " to show",
                () -> driver.findElements(by).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    WebElement within(WebElement parent, String testId) {
        return await(
                testId + " to show",
                () -> parent.findElements(testId(testId)).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    List<WebElement> all(String testId) {
        return driver.findElements(testId(testId));
    }

    /** Clicks the element, again if a re-render replaced it in between. */
    void click(String testId) {
        await("a click on " + testId, () -> {
            find(testId).click();
            return true;
        });
    }

    void type(String testId, String text) {
        await("typing into " + testId, () -> {
            type(find(testId), text);
            return true;
        });
    }

    static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    /** Chooses an option of a select by its value, as a person would (a click on it), once it is there. */
    void choose(WebElement select, String value) {
        await("option " + value, () -> {
            select.findElement(By.cssSelector("option[value='" + value + "']")).click();
            return true;
        });
    }

    void choose(String testId, String value) {
        await("option " + value + " of " + testId, () -> {
            find(testId)
                    .findElement(By.cssSelector("option[value='" + value + "']"))
                    .click();
            return true;
        });
    }

    /** The element's text once it contains {@code expected}. */
    String awaitText(String testId, String expected) {
        return await(
                testId + " to say '" + expected + "'",
                () -> driver.findElements(testId(testId)).stream()
                        .filter(WebElement::isDisplayed)
                        .map(WebElement::getText)
                        .filter(text -> text.contains(expected))
                        .findFirst()
                        .orElse(null));
    }

    /** Accepts the confirmation the page asks for, once it shows. */
    void acceptDialog() {
        await("a confirmation dialog", () -> {
            driver.switchTo().alert().accept();
            return true;
        });
    }

    /** The text of the console's error line, empty when it shows none. */
    String errorLine() {
        return driver.findElements(testId("error")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
    }

    /**
     * Polls until {@code probe} gives something other than null or false; on timeout saves a
     * screenshot and fails with what the console's error line said.
     */
    <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        WebDriverException last = null;
        while (true) {
            try {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (WebDriverException e) {
                last = e; // stale or not yet there: try again
            }
            if (System.nanoTime() > deadline) {
                Path shot = screenshot(
                        "failed-" + what.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT));
                throw new AssertionError(
                        "Timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what + "; the console says: '"
                                + errorLine() + "'; screenshot " + shot,
                        last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }

    Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | WebDriverException e) {
            throw new AssertionError("Could not save the screenshot " + file, e);
        }
        return file;
    }

    /**
     * Console errors since the last call: script errors and policy violations, leaving out the
     * network log lines Chromium writes for every HTTP error response (the tests provoke some).
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
