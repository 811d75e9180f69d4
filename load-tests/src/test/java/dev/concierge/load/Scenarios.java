package dev.concierge.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The requests and scenarios every simulation is made of. Request names are what the budgets and
 * the report refer to: {@code home} (a signed-in customer's home page), {@code home (anonymous)},
 * {@code product page}, {@code purchase timeline}, {@code trackEvents}, {@code recordPurchase},
 * {@code page after purchase}, {@code publish}, {@code typename} and {@code bench}.
 */
final class Scenarios {

    static final String HOME = "home";
    static final String HOME_ANONYMOUS = "home (anonymous)";
    static final String TYPENAME = "typename";
    static final String BENCH = "bench";

    /** Demo catalogue SKUs (present in every seeded database), for product pages and events. */
    static final List<String> SKUS = Stream.of(
                    range("RNG", 50), range("NCK", 45), range("EAR", 40), range("BRC", 35), range("WCH", 40))
            .flatMap(List::stream)
            .toList();

    private static final String PAGE = Documents.load("page");
    private static final Map<String, Object> HOME_VARIABLES =
            Map.of("slug", "home", "context", Map.of("channel", "WEB"));
    /** The home page as storefronts send it: a persisted query, by hash (registered before the run). */
    private static final String HOME_BODY = Documents.persisted(PAGE, HOME_VARIABLES);

    private static final String TYPENAME_BODY = Documents.body(Documents.load("typename"), Map.of());
    private static final String PRODUCT_PAGE = Documents.load("productPage");
    private static final String TIMELINE_BODY = Documents.body(Documents.load("purchaseTimeline"), Map.of("first", 10));
    private static final String TRACK_EVENTS = Documents.load("trackEvents");
    private static final String RECORD_PURCHASE = Documents.load("recordPurchase");
    private static final String UPDATE_DRAFT = Documents.load("updateContentDraft");
    private static final String PUBLISH = Documents.load("publishContentEntry");
    /** The entry the editor republishes: the home page's service strip, shown to every visitor. */
    static final String EDITED_ENTRY = "home-service";

    private final LoadSettings settings;
    private final Tokens tokens;

    Scenarios(LoadSettings settings) {
        this.settings = settings;
        this.tokens = Tokens.fromDataDirectory(settings.dataDirectory());
    }

    HttpProtocolBuilder protocol() {
        // One connection pool for all virtual users, as a storefront's BFF client would keep.
        return http.baseUrl(settings.baseUrl().toString())
                .contentTypeHeader("application/json")
                .acceptHeader("application/json")
                .shareConnections()
                .disableCaching()
                .disableWarmUp();
    }

    // ---- feeders ----

    /** A random active customer per virtual user: {@code customer}. */
    Iterator<Map<String, Object>> customers() {
        return Stream.generate(() -> Map.<String, Object>of(
                        "customer",
                        settings.prefix() + "-"
                                + (1 + ThreadLocalRandom.current().nextInt(settings.activeCustomers()))))
                .iterator();
    }

    /** Prospects (never bought) in order, each once, from {@code load.posFirstProspect}. */
    Iterator<Map<String, Object>> prospects() {
        int first = Integer.getInteger("load.posFirstProspect", 1);
        return IntStream.rangeClosed(first, settings.prospects())
                .mapToObj(k -> Map.<String, Object>of("customer", settings.prefix() + "-" + (20 * k)))
                .iterator();
    }

    // ---- requests ----

    private HttpRequestActionBuilder graphQl(String name) {
        return http(name)
                .post("/graphql")
                .check(status().is(200), substring("\"errors\"").notExists());
    }

    private String customerToken(io.gatling.javaapi.core.Session session) {
        return tokens.bearer(session.getString("customer"), "CUSTOMER");
    }

    HttpRequestActionBuilder home(String name) {
        return graphQl(name)
                .header("Authorization", this::customerToken)
                .body(StringBody(HOME_BODY))
                .check(substring("\"mode\":\"").exists());
    }

    HttpRequestActionBuilder anonymousHome() {
        return graphQl(HOME_ANONYMOUS)
                .body(StringBody(session -> Documents.persisted(
                        PAGE,
                        Map.of(
                                "slug",
                                "home",
                                "context",
                                Map.of("channel", "WEB", "anonymousId", "visitor-" + session.userId())))))
                .check(substring("\"mode\":\"SIGNED_OUT\"").exists());
    }

    HttpRequestActionBuilder productPage(boolean signedIn) {
        HttpRequestActionBuilder request = graphQl(signedIn ? "product page" : "product page (anonymous)")
                .body(StringBody(session -> Documents.body(
                        PRODUCT_PAGE,
                        Map.of(
                                "sku",
                                SKUS.get(ThreadLocalRandom.current().nextInt(SKUS.size())),
                                "context",
                                Map.of("channel", "WEB")))))
                .check(jsonPath("$.data.product.sku").exists());
        return signedIn ? request.header("Authorization", this::customerToken) : request;
    }

    HttpRequestActionBuilder purchaseTimeline() {
        return graphQl("purchase timeline")
                .header("Authorization", this::customerToken)
                .body(StringBody(TIMELINE_BODY))
                .check(jsonPath("$.data.me.purchaseTimeline.edges").exists());
    }

    HttpRequestActionBuilder typename() {
        return typename(TYPENAME);
    }

    HttpRequestActionBuilder typename(String name) {
        return http(name)
                .post("/graphql")
                .body(StringBody(TYPENAME_BODY))
                .check(status().is(200), substring("\"Query\"").exists());
    }

    HttpRequestActionBuilder bench() {
        return bench(BENCH);
    }

    HttpRequestActionBuilder bench(String name) {
        return http(name).get("/bench/home").check(status().is(200));
    }

    HttpRequestActionBuilder trackEvents() {
        return graphQl("trackEvents")
                .header("Authorization", this::customerToken)
                .body(StringBody(session -> {
                    List<Map<String, Object>> events = new ArrayList<>();
                    String now = Instant.now().toString();
                    for (int i = 0; i < settings.batchSize(); i++) {
                        events.add(Map.of(
                                "clientEventId",
                                UUID.randomUUID().toString(),
                                "type",
                                "PRODUCT_VIEW",
                                "channel",
                                "WEB",
                                "occurredAt",
                                now,
                                "sku",
                                SKUS.get(ThreadLocalRandom.current().nextInt(SKUS.size()))));
                    }
                    return Documents.body(TRACK_EVENTS, Map.of("events", events));
                }))
                .check(jsonPath("$.data.trackEvents.accepted").exists());
    }

    // ---- scenarios ----

    /** Each active customer's home page once, a few at a time, outside the measured requests. */
    ScenarioBuilder warmUp() {
        int perUser = (settings.activeCustomers() + settings.warmUpConcurrency() - 1) / settings.warmUpConcurrency();
        AtomicInteger next = new AtomicInteger(1);
        return scenario("warm-up")
                .repeat(perUser)
                .on(exec(session -> {
                            int customer = next.getAndIncrement();
                            return customer > settings.activeCustomers()
                                    ? session.remove("customer")
                                    : session.set("customer", settings.prefix() + "-" + customer);
                        })
                        .doIf(session -> session.contains("customer"))
                        .then(exec(home("home (warm-up)"))));
    }

    /**
     * A storefront visit: a signed-in customer (60%) or a visitor (40%) opens the home page, reads
     * for a while, then some open a product page and some customers their purchases.
     */
    ScenarioBuilder storefront() {
        return scenario("storefront")
                .feed(customers())
                .randomSwitch()
                .on(
                        percent(60.0)
                                .then(exec(home(HOME))
                                        .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                                        .randomSwitch()
                                        .on(
                                                percent(50.0).then(exec(productPage(true))),
                                                percent(20.0).then(exec(purchaseTimeline())))),
                        percent(40.0)
                                .then(exec(anonymousHome())
                                        .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                                        .randomSwitch()
                                        .on(percent(50.0).then(exec(productPage(false))))));
    }

    /** One request per virtual user, for the ramps: {@code home}, {@code typename} or {@code bench}. */
    ScenarioBuilder single(String target) {
        return single(target, target);
    }

    /**
     * One target under the request name {@code name}: the measured name is the target's own; a
     * settling phase before it (the load generator's and the server's JIT at the new rate, the
     * connection pool filling up) runs the same requests as {@code "<target> (settle)"}, outside the
     * budgets.
     */
    ScenarioBuilder single(String target, String name) {
        return switch (target) {
            case HOME -> scenario(name).feed(customers()).exec(home(name));
            case TYPENAME -> scenario(name).exec(typename(name));
            case BENCH -> scenario(name).exec(bench(name));
            default -> throw new IllegalArgumentException("load.targets: home, typename or bench, got " + target);
        };
    }

    ScenarioBuilder ingestion() {
        return scenario("ingestion").feed(customers()).exec(trackEvents());
    }

    /**
     * The point of sale records a prospect's first purchase, a ring; the next page of that customer
     * must already show the ring buyers' featured products (the page cache must not serve the old one).
     */
    ScenarioBuilder pointOfSale() {
        String posToken = tokens.bearer("load-pos-terminal", "POS");
        return scenario("point of sale")
                .feed(prospects())
                .exec(home("page before purchase")
                        .check(jsonPath("$.data.page.slots[?(@.name == 'featured')].variant")
                                .is("default")))
                .exec(graphQl("recordPurchase")
                        .header("Authorization", posToken)
                        .body(StringBody(session -> Documents.body(
                                RECORD_PURCHASE,
                                Map.of(
                                        "input",
                                        Map.of(
                                                "idempotencyKey",
                                                "load-" + UUID.randomUUID(),
                                                "customerId",
                                                session.getString("customer"),
                                                "storeId",
                                                "nyc-fifth-avenue",
                                                "channel",
                                                "STORE",
                                                "items",
                                                List.of(Map.of("sku", "RNG-0001", "quantity", 1)))))))
                        .check(jsonPath("$.data.recordPurchase.purchase.id").exists()))
                // a purchase that failed or timed out on the client may still be committing: the
                // next page proves read-your-writes only after a purchase that returned
                .exitHereIfFailed()
                .exec(home("page after purchase")
                        .check(jsonPath("$.data.page.slots[?(@.name == 'featured')].variant")
                                .is("rings")));
    }

    /**
     * An editor rewrites and republishes the home page's service strip every few seconds; the next
     * signed-out home page must show the new text. Against the editor contract
     * (updateContentDraft, publishContentEntry); on unless {@code -Dload.editor=false}.
     */
    ScenarioBuilder editor() {
        String editorToken = tokens.bearer("load-editor", "EDITOR");
        AtomicInteger edition = new AtomicInteger();
        return scenario("editor")
                .during(settings.duration())
                .on(exec(session -> session.set("text", "Load-test notice " + edition.incrementAndGet()))
                        .exec(graphQl("updateContentDraft")
                                .header("Authorization", editorToken)
                                .body(StringBody(session -> Documents.body(
                                        UPDATE_DRAFT,
                                        Map.of(
                                                "input",
                                                Map.of(
                                                        "id",
                                                        EDITED_ENTRY,
                                                        "variants",
                                                        List.of(Map.of(
                                                                "key",
                                                                "default",
                                                                "fields",
                                                                Map.of("text", session.getString("text")))))))))
                                .check(jsonPath("$.data.updateContentDraft.id").is(EDITED_ENTRY)))
                        .exec(graphQl("publish")
                                .header("Authorization", editorToken)
                                .body(StringBody(Documents.body(PUBLISH, Map.of("id", EDITED_ENTRY))))
                                .check(jsonPath("$.data.publishContentEntry.status")
                                        .is("PUBLISHED")))
                        .exec(anonymousHome()
                                .check(jsonPath("$.data.page.slots[?(@.name == 'service')].content.text")
                                        .isEL("#{text}")))
                        .pause(settings.editorEvery()));
    }

    /**
     * Registers the page document as an Automatic Persisted Query (its text with its hash), as an
     * Apollo client does after its first PERSISTED_QUERY_NOT_FOUND; blocking, before the run. The
     * home pages then send the hash only.
     */
    void registerPersistedQueries() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> registered = client.send(
                    HttpRequest.newBuilder(settings.baseUrl().resolve("/graphql"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Documents.registering(PAGE, HOME_VARIABLES)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (registered.statusCode() != 200 || registered.body().contains("\"errors\"")) {
                throw new IllegalStateException("Registering the page document as a persisted query failed: "
                        + registered.statusCode() + " " + registered.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + settings.baseUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Puts a real home page response where the bench endpoint serves it from; blocking, before the run. */
    void primeBench() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI graphQl = settings.baseUrl().resolve("/graphql");
        try {
            HttpResponse<byte[]> page = client.send(
                    HttpRequest.newBuilder(graphQl)
                            .header("Content-Type", "application/json")
                            .header("Authorization", tokens.bearer(settings.prefix() + "-1", "CUSTOMER"))
                            .POST(HttpRequest.BodyPublishers.ofString(Documents.body(PAGE, HOME_VARIABLES)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (page.statusCode() != 200 || new String(page.body()).contains("\"errors\"")) {
                throw new IllegalStateException("The home page of " + settings.prefix() + "-1 failed: "
                        + page.statusCode() + " " + new String(page.body()));
            }
            HttpResponse<String> put = client.send(
                    HttpRequest.newBuilder(settings.baseUrl().resolve("/bench/home"))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(page.body()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 204) {
                throw new IllegalStateException("PUT /bench/home answered " + put.statusCode()
                        + ": start the server with --spring.profiles.active=bench, or run with -Dload.bench=false");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + settings.baseUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> range(String prefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("%s-%04d", prefix, i))
                .toList();
    }
}
