package dev.concierge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.MultiSourceReader;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SDL files are the contract with the storefronts: they must build one valid schema, describe
 * themselves to frontend developers, and not break clients written against the committed baseline.
 */
class SchemaContractTests {

    private static final String BASELINE = "schema-baseline.graphqls";

    /** Set this system property to rewrite the baseline from the current schema (a deliberate break). */
    private static final String UPDATE_BASELINE = "schema.baseline.update";

    private static final Set<String> ROOTS = Set.of("Query", "Mutation", "Subscription");

    private static Map<String, String> files;
    private static GraphQLSchema schema;

    @BeforeAll
    static void buildSchema() throws IOException, URISyntaxException {
        files = sdlFiles();
        schema = build(files);
    }

    @Test
    void sdlFiles_together_buildOneCompleteSchema() {
        assertThat(files).containsKeys("common.graphqls", "customer.graphqls", "timeline.graphqls");
        assertThat(schema.getQueryType().getName()).isEqualTo("Query");
        assertThat(schema.getMutationType()).isNotNull();
        assertThat(schema.getSubscriptionType()).isNotNull();
    }

    @Test
    void ourTypes_all_haveDescriptions() {
        List<GraphQLNamedType> ours = schema.getAllTypesAsList().stream()
                .filter(SchemaContractTests::ours)
                .toList();
        List<String> undescribed = ours.stream()
                .filter(type -> blank(type.getDescription()))
                .map(GraphQLNamedType::getName)
                .toList();

        assertThat(ours)
                .extracting(GraphQLNamedType::getName)
                .contains("Customer", "RecordPurchaseInput", "ServiceOrderStatus", "DateTime");
        assertThat(undescribed)
                .as("types without a description; add a short \"...\" line above each in graphql/*.graphqls")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Query", "Mutation", "Subscription"})
    void rootFields_all_haveDescriptions(String root) {
        GraphQLObjectType type = schema.getObjectType(root);
        List<String> undescribed = type.getFieldDefinitions().stream()
                .filter(field -> blank(field.getDescription()))
                .map(GraphQLFieldDefinition::getName)
                .toList();

        assertThat(type.getFieldDefinitions()).isNotEmpty();
        assertThat(undescribed).as("%s fields without a description", root).isEmpty();
    }

    @Test
    void schema_comparedWithBaseline_breaksNoClient() throws IOException {
        String baselineSdl;
        if (Boolean.getBoolean(UPDATE_BASELINE)) {
            baselineSdl = print(schema);
            Files.writeString(Path.of("src/test/resources", BASELINE), baselineSdl);
        } else {
            baselineSdl = resource(BASELINE);
        }

        List<String> breaks = BreakingChanges.between(build(Map.of(BASELINE, baselineSdl)), schema);

        assertThat(breaks).as("""
                        The schema breaks clients written against %s. If the break is intended (every \
                        client has moved on), update the baseline deliberately: run \
                        `./mvnw -pl schema test -D%s=true` and commit the changed \
                        schema/src/test/resources/%s with this change""", BASELINE, UPDATE_BASELINE, BASELINE).isEmpty();
    }

    private static boolean ours(GraphQLNamedType type) {
        return !type.getName().startsWith("__")
                && !ROOTS.contains(type.getName())
                && !ScalarInfo.isGraphqlSpecifiedScalar(type.getName());
    }

    private static boolean blank(String description) {
        return description == null || description.isBlank();
    }

    /**
     * Every {@code graphql/*.graphqls} in this module's resources, by file name. They are a directory
     * on the test classpath; {@code graphql/} folders inside jars (graphql-java's own package) are
     * not ours.
     */
    private static Map<String, String> sdlFiles() throws IOException, URISyntaxException {
        Map<String, String> found = new TreeMap<>();
        for (URL directory :
                Collections.list(SchemaContractTests.class.getClassLoader().getResources("graphql"))) {
            if (!"file".equals(directory.getProtocol())) {
                continue;
            }
            try (Stream<Path> paths = Files.list(Path.of(directory.toURI()))) {
                for (Path path :
                        paths.filter(p -> p.toString().endsWith(".graphqls")).toList()) {
                    found.put(path.getFileName().toString(), Files.readString(path));
                }
            }
        }
        return found;
    }

    private static GraphQLSchema build(Map<String, String> sdlByName) {
        MultiSourceReader.Builder reader = MultiSourceReader.newMultiSourceReader();
        sdlByName.forEach((name, sdl) -> reader.string(sdl, name));
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(reader.build()));
    }

    private static String print(GraphQLSchema schema) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                        .includeScalarTypes(true)
                        .includeDirectiveDefinitions(false))
                .print(schema);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                SchemaContractTests.class.getClassLoader().getResourceAsStream(name),
                name + " is not on the classpath")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
