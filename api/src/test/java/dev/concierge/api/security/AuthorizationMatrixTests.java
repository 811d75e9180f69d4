package dev.concierge.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Testers;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every operation of the schema against every role: who may call it, and what everyone else gets.
 * Inputs are chosen so that an allowed call changes nothing (unknown ids, invalid input), so the
 * answer for an allowed role is any outcome but {@code UNAUTHENTICATED} / {@code FORBIDDEN}. A
 * new operation fails {@link #everyOperation_isInTheMatrix} until it is added here.
 */
@ConciergeTest
class AuthorizationMatrixTests {

    /** Who calls: nobody, or a token with one role (the customer is one that does not exist). */
    enum Who {
        ANONYMOUS,
        CUSTOMER,
        EDITOR,
        POS,
        SRE
    }

    private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    private static final Set<Who> CUSTOMER = EnumSet.of(Who.CUSTOMER);
    private static final Set<Who> EDITOR = EnumSet.of(Who.EDITOR);
    private static final Set<Who> POS = EnumSet.of(Who.POS);
    private static final Set<Who> SRE = EnumSet.of(Who.SRE);

    /** Operation (type.field) to a document exercising it, and who may call it. */
    private static final Map<String, Case> MATRIX = new LinkedHashMap<>();

    private record Case(String document, Set<Who> allowed) {}

    private static void add(String operation, Set<Who> allowed, String document) {
        MATRIX.put(operation, new Case(document, allowed));
    }

    static {
        add("Query.product", EVERYONE, "{ product(sku: \"NOPE\") { sku } }");
        add("Query.nearestStores", EVERYONE, "{ nearestStores(location: {lat: 0, lon: 0}) { distanceKm } }");
        add("Query.page", EVERYONE, "{ page(slug: \"home\", context: {anonymousId: \"matrix\"}) { mode } }");
        add("Query.recommendations", EVERYONE, "{ recommendations(first: 1) { strategy } }");
        add("Query.me", CUSTOMER, "{ me { id } }");
        add("Query.exportMyData", CUSTOMER, "{ exportMyData { customerId } }");
        add(
                "Mutation.setConsent",
                CUSTOMER,
                "mutation { setConsent(purpose: EMAIL, granted: true) { consent { granted } } }");
        add("Mutation.eraseMe", CUSTOMER, "mutation { eraseMe { erased } }");
        add(
                "Mutation.trackEvents",
                EnumSet.of(Who.ANONYMOUS, Who.CUSTOMER),
                "mutation { trackEvents(events: []) { accepted } }");
        add("Query.contentEntries", EDITOR, "{ contentEntries(first: 1) { id } }");
        add("Query.contentEntry", EDITOR, "{ contentEntry(id: \"nope\") { id } }");
        add("Query.pageLayouts", EDITOR, "{ pageLayouts { slug } }");
        add("Query.segmentDefinitions", EDITOR, "{ segmentDefinitions { id } }");
        add("Query.segmentDefinition", EDITOR, "{ segmentDefinition(id: \"nope\") { id } }");
        add("Query.validateSegmentRule", EDITOR, "{ validateSegmentRule(rule: {}) { valid } }");
        add(
                "Query.estimateAudience",
                EDITOR,
                "{ estimateAudience(rule: {loyaltyTier: {atLeast: \"GOLD\"}}) { customers } }");
        add("Query.experimentDefinitions", EDITOR, "{ experimentDefinitions { id } }");
        add("Query.experimentDefinition", EDITOR, "{ experimentDefinition(id: \"nope\") { id } }");
        add("Query.personas", EDITOR, "{ personas { id } }");
        add("Query.previewPage", EDITOR, "{ previewPage(slug: \"home\", as: {signedOut: true}) { mode } }");
        add("Query.auditLog", EDITOR, "{ auditLog(first: 1) { id } }");
        add(
                "Mutation.createContentEntry",
                EDITOR,
                "mutation { createContentEntry(input: {id: \"BAD ID\", pageSlug: \"home\", slot: \"hero\","
                        + " type: HERO, name: \"x\", variants: []}) { id } }");
        add(
                "Mutation.updateContentDraft",
                EDITOR,
                "mutation { updateContentDraft(input: {id: \"nope\", variants: []}) { id } }");
        add("Mutation.publishContentEntry", EDITOR, "mutation { publishContentEntry(id: \"nope\") { id } }");
        add("Mutation.unpublishContentEntry", EDITOR, "mutation { unpublishContentEntry(id: \"nope\") { id } }");
        add("Mutation.archiveContentEntry", EDITOR, "mutation { archiveContentEntry(id: \"nope\") { id } }");
        add(
                "Mutation.createSegment",
                EDITOR,
                "mutation { createSegment(input: {id: \"BAD ID\", name: \"x\", rule: {}}) { id } }");
        add("Mutation.updateSegment", EDITOR, "mutation { updateSegment(input: {id: \"nope\"}) { id } }");
        add("Mutation.archiveSegment", EDITOR, "mutation { archiveSegment(id: \"nope\") { id } }");
        add(
                "Mutation.createExperiment",
                EDITOR,
                "mutation { createExperiment(input: {id: \"BAD ID\", name: \"x\", pageSlug: \"home\", slot: \"hero\","
                        + " arms: []}) { id } }");
        add("Mutation.startExperiment", EDITOR, "mutation { startExperiment(id: \"nope\") { id } }");
        add("Mutation.stopExperiment", EDITOR, "mutation { stopExperiment(id: \"nope\") { id } }");
        add(
                "Mutation.recordPurchase",
                POS,
                "mutation { recordPurchase(input: {idempotencyKey: \"matrix\", customerId: \"matrix-nobody\","
                        + " channel: WEB, items: []}) { purchase { id } } }");
        add(
                "Mutation.createServiceOrder",
                POS,
                "mutation { createServiceOrder(input: {customerId: \"matrix-nobody\", kind: REPAIR,"
                        + " description: \"x\", storeId: \"nope\"}) { serviceOrder { id } } }");
        add(
                "Mutation.updateServiceOrderStatus",
                POS,
                "mutation { updateServiceOrderStatus(input: {serviceOrderId: \"nope\", status: READY_FOR_PICKUP})"
                        + " { serviceOrder { id } } }");
        add("Mutation.rebuildRecommendations", SRE, "mutation { rebuildRecommendations { trigger } }");
    }

    /** Subscriptions run over WebSocket / SSE; TimelineSubscriptionTests covers who may open them. */
    private static final Set<String> ELSEWHERE = Set.of("Subscription.timeline");

    /** Types holding a customer's personal data: reachable only through the customer's own fields. */
    private static final Set<String> PERSONAL_TYPES = Set.of("Customer", "DataExport", "ConsentChange");

    /** The only fields through which the personal types may be reached. */
    private static final Set<String> PERSONAL_ENTRY_POINTS = Set.of("Query.me", "Query.exportMyData");

    @Autowired
    Testers testers;

    @Autowired
    GraphQlSource graphQl;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        MATRIX.forEach((operation, test) -> {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(
                        operation, who, test.document(), test.allowed().contains(who)));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: allowed = {3}")
    @MethodSource("cases")
    void operation_againstRole(String operation, Who who, String document, boolean allowed) {
        List<ResponseError> errors = new ArrayList<>();
        tester(who).document(document).execute().errors().satisfy(errors::addAll);
        List<String> codes = errors.stream()
                .map(error -> String.valueOf(error.getExtensions().get("code")))
                .toList();
        if (allowed) {
            assertThat(codes).as("%s as %s", operation, who).doesNotContain("UNAUTHENTICATED", "FORBIDDEN");
            assertThat(codes).as("%s as %s", operation, who).doesNotContain("INTERNAL", "GRAPHQL_VALIDATION_FAILED");
        } else {
            assertThat(codes)
                    .as("%s as %s", operation, who)
                    .containsExactly(who == Who.ANONYMOUS ? "UNAUTHENTICATED" : "FORBIDDEN");
        }
    }

    @Test
    void everyOperation_isInTheMatrix() {
        GraphQLSchema schema = graphQl.schema();
        Set<String> operations = new TreeSet<>();
        for (GraphQLFieldsContainer root :
                List.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())) {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                operations.add(root.getName() + "." + field.getName());
            }
        }
        Set<String> covered = new TreeSet<>(MATRIX.keySet());
        covered.addAll(ELSEWHERE);
        assertThat(covered).isEqualTo(operations);
    }

    @Test
    void personalData_isReachableOnlyThroughTheCustomersOwnFields() {
        GraphQLSchema schema = graphQl.schema();
        for (GraphQLFieldsContainer root :
                List.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())) {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                String operation = root.getName() + "." + field.getName();
                Set<String> reached = reachable(schema, field.getType());
                Set<String> personal = new TreeSet<>(reached);
                personal.retainAll(PERSONAL_TYPES);
                if (!PERSONAL_ENTRY_POINTS.contains(operation)) {
                    assertThat(personal)
                            .as(operation + " reaches personal data")
                            .isEmpty();
                } else {
                    assertThat(MATRIX.get(operation).allowed()).isEqualTo(CUSTOMER);
                }
            }
        }
    }

    /** Named types reachable from {@code type} through output fields. */
    private static Set<String> reachable(GraphQLSchema schema, GraphQLType type) {
        Set<String> seen = new HashSet<>();
        Deque<GraphQLType> work = new ArrayDeque<>(List.of(type));
        while (!work.isEmpty()) {
            GraphQLType next = GraphQLTypeUtil.unwrapAll(work.pop());
            if (!(next instanceof GraphQLNamedType named) || !seen.add(named.getName())) {
                continue;
            }
            if (next instanceof GraphQLFieldsContainer container) {
                container.getFieldDefinitions().forEach(field -> work.push(field.getType()));
            }
            if (next instanceof GraphQLUnionType union) {
                work.addAll(union.getTypes());
            }
            if (next instanceof GraphQLInterfaceType contract) {
                work.addAll(schema.getImplementations(contract));
            }
        }
        return seen;
    }

    private HttpGraphQlTester tester(Who who) {
        return switch (who) {
            case ANONYMOUS -> testers.anonymous();
            case CUSTOMER -> testers.as("matrix-nobody", Role.CUSTOMER);
            case EDITOR -> testers.as("matrix-editor", Role.EDITOR);
            case POS -> testers.as("matrix-till", Role.POS);
            case SRE -> testers.as("matrix-sre", Role.SRE);
        };
    }
}
