package dev.concierge.api.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.security.Role;
import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import dev.concierge.personalization.customer.ConsentPurpose;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The recommendation engine as the storefront and the SRE see it, on the demo data: the model the
 * job builds at start, the page's and the query's lists, a product's neighbours, the rebuild on
 * demand, and the updates after purchases. Assertions are about structure (who appears, who never
 * does, why), not scores.
 */
@ConciergeTest
class RecommendationTests {

    /** The longest wait for the model built at start, and for an update after a purchase. */
    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Autowired
    DatabaseClient db;

    @Autowired
    ConciergeProperties properties;

    @BeforeEach
    void theModelBuiltAtStartExists() {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from recommendation_model_runs") > 0);
    }

    @Test
    void job_atStart_buildsTheModelFromTheDemoData() {
        assertThat(count("""
                        select count(*) from recommendation_model_runs
                        where trigger = 'STARTUP' and interactions > 0 and users > 0 and items > 0 and neighbours > 0""")).isEqualTo(1);
        assertThat(count("select count(*) from item_similarity")).isPositive();
        assertThat(count("select count(*) from item_norms")).isPositive();
        assertThat(count("select count(*) from item_similarity where support < 1 or sku = similar_sku"))
                .isZero();
    }

    @Test
    void page_demoOne_recommendsFromItsPurchasesAndSaysWhich() {
        List<String> bought = strings("""
                select distinct pr.name from purchases p
                join purchase_items i on i.purchase_id = p.id join products pr on pr.sku = i.sku
                where p.customer_id = 'demo-1'""");
        GraphQlTester.Response response = testers.customer("demo-1")
                .documentName("page")
                .variable("slug", "home")
                .execute();

        response.path("page.recommendations.strategy").entity(String.class).isEqualTo("item-to-item");
        response.path("page.recommendations.reasons[*].code")
                .entityList(String.class)
                .containsExactly("PERSONAL_RANKING");
        List<String> reasons = response.path("page.recommendations.items[*].reason")
                .entityList(String.class)
                .get();
        List<String> becauseBought = reasons.stream()
                .filter(reason -> reason.startsWith("Because you bought "))
                .toList();
        assertThat(becauseBought).as("reasons %s", reasons).isNotEmpty();
        assertThat(becauseBought)
                .allSatisfy(reason ->
                        assertThat(bought).anySatisfy(name -> assertThat(reason).contains(name)));
    }

    @Test
    void recommendations_signedOut_areTrendingAndSaySo() {
        GraphQlTester.Response response = testers.anonymous()
                .documentName("recommendations")
                .variable("context", Map.of("channel", "APP", "anonymousId", "visitor-" + UUID.randomUUID()))
                .variable("first", 4)
                .execute();

        response.path("recommendations.strategy").entity(String.class).isEqualTo("trending");
        response.path("recommendations.reasons[*].code")
                .entityList(String.class)
                .containsExactly("DEFAULT_SIGNED_OUT");
        response.path("recommendations.items").entityList(Object.class).hasSize(4);
        response.path("recommendations.computedAt").hasValue();
    }

    @Test
    void recommendations_withoutPersonalizationConsent_areTrendingAndSaySo() {
        String id = data.newCustomer(ConsentPurpose.BROWSING_TRACKING);
        buy(id, sku("select sku from products order by sku limit 1"));

        GraphQlTester.Response response =
                testers.customer(id).documentName("recommendations").execute();

        response.path("recommendations.strategy").entity(String.class).isEqualTo("trending");
        response.path("recommendations.reasons[*].code")
                .entityList(String.class)
                .containsExactly("DEFAULT_NO_CONSENT");
        response.path("recommendations.items").entityList(Object.class).hasSizeGreaterThan(0);
    }

    @Test
    void recommendations_afterTheCustomerBuysOne_leaveItOutOnTheNextRequest() {
        String id = data.newCustomer(ConsentPurpose.PERSONALIZATION);
        String seed = sku("""
                select s.sku from item_similarity s join products p on p.sku = s.sku
                where not p.repurchasable
                group by s.sku order by count(*) desc, s.sku limit 1""");
        buy(id, seed);
        List<String> before = recommended(id);
        assertThat(before).isNotEmpty().doesNotContain(seed);
        assertThat(recommended(id)).as("served again, from the cache").isEqualTo(before);
        List<String> repurchasable = strings("select sku from products where repurchasable");
        String next = before.stream()
                .filter(sku -> !repurchasable.contains(sku))
                .findFirst()
                .orElseThrow();

        buy(id, next);

        assertThat(recommended(id)).doesNotContain(seed, next);
    }

    @Test
    void recommendations_afterTheCustomerViewsAProduct_followFromTheViewAndSaySo() {
        String id = data.newCustomer(ConsentPurpose.PERSONALIZATION, ConsentPurpose.BROWSING_TRACKING);
        String viewed = sku("select sku from item_similarity group by sku order by count(*) desc, sku limit 1");
        String name = strings("select name from products where sku = '" + viewed + "'")
                .get(0);
        testers.customer(id)
                .documentName("recommendations")
                .execute()
                .path("recommendations.strategy")
                .entity(String.class)
                .isEqualTo("popularity");

        testers.customer(id)
                .documentName("trackEvents")
                .variable(
                        "events",
                        List.of(Map.of(
                                "clientEventId",
                                "ev-" + UUID.randomUUID(),
                                "type",
                                "PRODUCT_VIEW",
                                "channel",
                                "WEB",
                                "occurredAt",
                                Instant.now().minusSeconds(60).toString(),
                                "sku",
                                viewed)))
                .execute()
                .path("trackEvents.accepted")
                .entity(Integer.class)
                .isEqualTo(1);

        GraphQlTester.Response response =
                testers.customer(id).documentName("recommendations").execute();
        response.path("recommendations.strategy").entity(String.class).isEqualTo("item-to-item");
        List<String> reasons = response.path("recommendations.items[*].reason")
                .entityList(String.class)
                .get();
        assertThat(reasons).as("reasons").contains("Because you viewed " + name);
        assertThat(neighboursOf(viewed))
                .as("products recommended because of the view are its neighbours")
                .containsAll(response.path(
                                "recommendations.items[?(@.reason == 'Because you viewed " + name + "')].product.sku")
                        .entityList(String.class)
                        .get());
    }

    @Test
    void recommendations_signedOut_areTrendingOnTheVisitorsChannel() {
        // the demo data's products most active on the watch (purchases count three times), best first
        List<String> onWatch = strings("""
                select sku from (
                    select i.sku, 3 * i.quantity as points from purchases p
                    join purchase_items i on i.purchase_id = p.id
                    where p.channel = 'WATCH' and p.purchased_at >= now() - interval '90 days'
                    union all
                    select sku, 1 from browsing_events
                    where channel = 'WATCH' and type in ('PRODUCT_VIEW', 'ADD_TO_CART')
                      and occurred_at >= now() - interval '90 days'
                ) activity
                where sku in (select sku from products)
                group by sku order by sum(points) desc, sku limit 4""");
        assertThat(onWatch).as("watch activity in the demo data").isNotEmpty();

        List<String> watch = trending("WATCH");
        List<String> web = trending("WEB");

        assertThat(watch).startsWith(onWatch.toArray(String[]::new));
        assertThat(watch).isNotEqualTo(web);
    }

    @Test
    void product_similarAndGoesWith_listNeighboursButNeverTheProductItself() {
        String sku = sku("select sku from item_similarity group by sku order by count(*) desc, sku limit 1");

        GraphQlTester.Response response = testers.anonymous()
                .documentName("productRecommendations")
                .variable("sku", sku)
                .variable("first", 10)
                .execute();

        List<String> similar = response.path("product.similar[*].product.sku")
                .entityList(String.class)
                .get();
        List<String> goesWith = response.path("product.goesWith[*].product.sku")
                .entityList(String.class)
                .get();
        assertThat(similar).hasSizeLessThanOrEqualTo(10).doesNotHaveDuplicates().doesNotContain(sku);
        assertThat(goesWith)
                .hasSizeLessThanOrEqualTo(10)
                .doesNotHaveDuplicates()
                .doesNotContain(sku);
        List<String> both = new ArrayList<>(similar);
        both.addAll(goesWith);
        assertThat(both).as("similar and goesWith of %s", sku).isNotEmpty();
        response.path("product.similar[*].reason")
                .entityList(String.class)
                .satisfies(reasons -> assertThat(reasons)
                        .allSatisfy(reason -> assertThat(reason).isNotBlank()));
    }

    @Test
    void purchases_ofTwoProductsTogetherByTwoCustomers_makeThemNeighbours() {
        // Two products of one category that no one has touched: nothing else can explain the pair.
        List<String> untouched = strings("""
                select p.sku from products p
                where p.category = (
                    select category from products q
                    where not exists (select 1 from purchase_items i where i.sku = q.sku)
                      and not exists (select 1 from item_similarity s where s.sku = q.sku or s.similar_sku = q.sku)
                    group by category having count(*) >= 2 order by count(*) desc, category limit 1)
                  and not exists (select 1 from purchase_items i where i.sku = p.sku)
                  and not exists (select 1 from item_similarity s where s.sku = p.sku or s.similar_sku = p.sku)
                order by p.sku limit 2""");
        assertThat(untouched).as("two untouched products of one category").hasSize(2);
        String x = untouched.get(0);
        String y = untouched.get(1);

        buy(data.newCustomer(ConsentPurpose.PERSONALIZATION), x, y);
        buy(data.newCustomer(ConsentPurpose.PERSONALIZATION), x, y);

        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(neighboursOf(x)).contains(y));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            GraphQlTester.Response response = testers.anonymous()
                    .documentName("productRecommendations")
                    .variable("sku", x)
                    .execute();
            List<String> related = new ArrayList<>(response.path("product.similar[*].product.sku")
                    .entityList(String.class)
                    .get());
            related.addAll(response.path("product.goesWith[*].product.sku")
                    .entityList(String.class)
                    .get());
            assertThat(related).contains(y).doesNotContain(x);
        });
    }

    @Test
    void rebuildRecommendations_asSre_rebuildsAndReturnsTheRun() {
        Instant before = Instant.now();

        GraphQlTester.Response response = testers.as("sre-1", Role.SRE)
                .documentName("rebuildRecommendations")
                .execute();

        response.path("rebuildRecommendations.trigger").entity(String.class).isEqualTo("ON_DEMAND");
        for (String figure : List.of("interactions", "users", "items", "neighbours")) {
            response.path("rebuildRecommendations." + figure)
                    .entity(Integer.class)
                    .satisfies(value -> assertThat(value).as(figure).isPositive());
        }
        Instant startedAt = response.path("rebuildRecommendations.startedAt")
                .entity(Instant.class)
                .get();
        Instant computedAt = response.path("rebuildRecommendations.computedAt")
                .entity(Instant.class)
                .get();
        assertThat(startedAt).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(computedAt).isAfterOrEqualTo(startedAt);
        String id =
                response.path("rebuildRecommendations.id").entity(String.class).get();
        assertThat(strings("""
                        select id::text from recommendation_model_runs
                        where requested_by = 'sre-1' order by id desc limit 1""")).containsExactly(id);
    }

    @Test
    void rebuildRecommendations_whileAnotherInstanceRebuilds_isAConflict() throws SQLException {
        ConciergeProperties.Database database = properties.database();
        try (Connection other =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("select pg_advisory_xact_lock(hashtext('concierge.recommendation-rebuild'))");

            testers.as("sre-1", Role.SRE)
                    .documentName("rebuildRecommendations")
                    .execute()
                    .errors()
                    .satisfy(Errors.single("CONFLICT", "another instance"));

            other.rollback();
        }
    }

    static List<Arguments> notSre() {
        return List.of(
                Arguments.argumentSet("signed out", (Role) null, "UNAUTHENTICATED"),
                Arguments.argumentSet("customer", Role.CUSTOMER, "FORBIDDEN"),
                Arguments.argumentSet("point of sale", Role.POS, "FORBIDDEN"),
                Arguments.argumentSet("editor", Role.EDITOR, "FORBIDDEN"));
    }

    @ParameterizedTest
    @MethodSource("notSre")
    void rebuildRecommendations_withoutSre_isRefused(Role role, String code) {
        GraphQlTester tester = role == null ? testers.anonymous() : testers.as("demo-1", role);

        tester.documentName("rebuildRecommendations").execute().errors().satisfy(Errors.single(code));
    }

    static List<Arguments> badInputs() {
        return List.of(
                Arguments.argumentSet("recommendations first 0", "recommendations", Map.of("first", 0), "first"),
                Arguments.argumentSet("recommendations first 101", "recommendations", Map.of("first", 101), "first"),
                Arguments.argumentSet(
                        "recommendations time zone",
                        "recommendations",
                        Map.of("context", Map.of("timeZone", "Mars/Olympus_Mons")),
                        "context.timeZone"),
                Arguments.argumentSet(
                        "similar first 0", "productRecommendations", Map.of("sku", "RNG-0001", "first", 0), "first"),
                Arguments.argumentSet(
                        "similar first 101",
                        "productRecommendations",
                        Map.of("sku", "RNG-0001", "first", 101),
                        "first"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInput_isBadUserInputNamingTheField(String document, Map<String, Object> variables, String field) {
        GraphQlTester.Request<?> request = testers.anonymous().documentName(document);
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }

        request.execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(error.getExtensions()).containsEntry("field", field);
                }));
    }

    /** A signed-out visitor's list on the channel; every item trending on it says so, first. */
    private List<String> trending(String channel) {
        GraphQlTester.Response response = testers.anonymous()
                .documentName("recommendations")
                .variable("context", Map.of("channel", channel, "anonymousId", "visitor-" + UUID.randomUUID()))
                .variable("first", 4)
                .execute();
        response.path("recommendations.strategy").entity(String.class).isEqualTo("trending");
        List<String> reasons = response.path("recommendations.items[*].reason")
                .entityList(String.class)
                .get();
        String label = channel.charAt(0) + channel.substring(1).toLowerCase(Locale.ROOT);
        assertThat(reasons).isNotEmpty();
        assertThat(reasons.get(0)).isEqualTo("Trending on " + label);
        assertThat(reasons)
                .isSortedAccordingTo(
                        (x, y) -> Boolean.compare(y.startsWith("Trending on "), x.startsWith("Trending on ")));
        return response.path("recommendations.items[*].product.sku")
                .entityList(String.class)
                .get();
    }

    private List<String> recommended(String customerId) {
        GraphQlTester.Response response = testers.customer(customerId)
                .documentName("recommendations")
                .variable("first", 20)
                .execute();
        response.path("recommendations.strategy").entity(String.class).isEqualTo("item-to-item");
        return response.path("recommendations.items[*].product.sku")
                .entityList(String.class)
                .get();
    }

    private void buy(String customerId, String... skus) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String sku : skus) {
            items.add(Map.of("sku", sku, "quantity", 1));
        }
        testers.pos()
                .documentName("recordPurchase")
                .variable(
                        "input",
                        Map.of(
                                "idempotencyKey",
                                "reco-" + UUID.randomUUID(),
                                "customerId",
                                customerId,
                                "storeId",
                                "nyc-fifth-avenue",
                                "channel",
                                "STORE",
                                "items",
                                items))
                .execute()
                .path("recordPurchase.purchase.id")
                .hasValue();
    }

    private List<String> neighboursOf(String sku) {
        return db.sql("select similar_sku from item_similarity where sku = :sku")
                .bind("sku", sku)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private String sku(String sql) {
        List<String> found = strings(sql);
        assertThat(found).as(sql).isNotEmpty();
        return found.get(0);
    }

    private List<String> strings(String sql) {
        return db.sql(sql)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }
}
