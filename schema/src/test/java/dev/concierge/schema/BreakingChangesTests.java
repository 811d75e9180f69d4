package dev.concierge.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BreakingChangesTests {

    /** A small schema with one of everything the comparison looks at; each case edits it. */
    private static final String BASELINE = """
            type Query {
              product(sku: ID!, first: Int = 3): Product
              search(filter: Filter): [Hit!]!
            }
            type Product {
              sku: ID!
              name: String!
              category: Category
            }
            type Store {
              id: ID!
            }
            type Brand {
              name: String
            }
            union Hit = Product | Store
            enum Category {
              RINGS
              WATCHES
            }
            input Filter {
              category: Category
              maxPrice: Int
            }
            """;

    static Stream<Arguments> breakingEdits() {
        return Stream.of(
                breaking("type removed", "type Brand {\n  name: String\n}\n", "", "type Brand was removed"),
                breaking(
                        "type changed kind",
                        "type Brand {\n  name: String\n}",
                        "input Brand {\n  name: String\n}",
                        "type Brand changed kind from ObjectType to InputObjectType"),
                breaking("field removed", "  name: String!\n", "", "field Product.name was removed"),
                breaking(
                        "field type changed",
                        "name: String!",
                        "name: String",
                        "field Product.name changed type from String! to String"),
                breaking(
                        "argument removed",
                        "product(sku: ID!, first: Int = 3)",
                        "product(sku: ID!)",
                        "argument Query.product(first) was removed"),
                breaking(
                        "argument type changed",
                        "product(sku: ID!,",
                        "product(sku: String!,",
                        "argument Query.product(sku) changed type from ID! to String!"),
                breaking(
                        "required argument added",
                        "first: Int = 3)",
                        "first: Int = 3, store: ID!)",
                        "new required argument Query.product(store) (non-null without a default)"),
                breaking("enum value removed", "  WATCHES\n", "", "enum value Category.WATCHES was removed"),
                breaking("union member removed", "Product | Store", "Product", "union member Hit.Store was removed"),
                breaking("input field removed", "  maxPrice: Int\n", "", "input field Filter.maxPrice was removed"),
                breaking(
                        "input field type changed",
                        "maxPrice: Int",
                        "maxPrice: Float",
                        "input field Filter.maxPrice changed type from Int to Float"),
                breaking(
                        "required input field added",
                        "  maxPrice: Int\n",
                        "  maxPrice: Int\n  currency: String!\n",
                        "new required input field Filter.currency (non-null without a default)"));
    }

    @ParameterizedTest
    @MethodSource("breakingEdits")
    void between_breakingEdit_isReported(String current, String expected) {
        assertThat(BreakingChanges.between(schema(BASELINE), schema(current))).containsExactly(expected);
    }

    static Stream<Arguments> safeEdits() {
        return Stream.of(
                safe("type added", "type Brand {", "type Collection {\n  name: String\n}\ntype Brand {"),
                safe("field added", "  name: String!\n", "  name: String!\n  description: String\n"),
                safe("optional argument added", "first: Int = 3)", "first: Int = 3, after: String)"),
                safe(
                        "required argument with a default added",
                        "first: Int = 3)",
                        "first: Int = 3, currency: String! = \"USD\")"),
                safe("enum value added", "  WATCHES\n", "  WATCHES\n  EARRINGS\n"),
                safe("union member added", "union Hit = Product | Store", "union Hit = Product | Store | Brand"),
                safe("optional input field added", "  maxPrice: Int\n", "  maxPrice: Int\n  minPrice: Int\n"),
                safe(
                        "required input field with a default added",
                        "  maxPrice: Int\n",
                        "  maxPrice: Int\n  currency: String! = \"USD\"\n"),
                safe("new field with a required argument", "type Query {\n", "type Query {\n  store(id: ID!): Store\n"),
                safe("description added", "type Product {", "\"A catalogue product.\"\ntype Product {"));
    }

    @ParameterizedTest
    @MethodSource("safeEdits")
    void between_additiveEdit_isNotReported(String current) {
        assertThat(BreakingChanges.between(schema(BASELINE), schema(current))).isEmpty();
    }

    @Test
    void between_severalBreaks_reportsEach() {
        String current = BASELINE.replace("  name: String!\n", "").replace("  WATCHES\n", "");

        assertThat(BreakingChanges.between(schema(BASELINE), schema(current)))
                .containsExactlyInAnyOrder("field Product.name was removed", "enum value Category.WATCHES was removed");
    }

    private static Arguments breaking(String name, String from, String to, String expected) {
        return Arguments.argumentSet(name, edited(name, from, to), expected);
    }

    private static Arguments safe(String name, String from, String to) {
        return Arguments.argumentSet(name, edited(name, from, to));
    }

    /** The baseline with {@code from} replaced; fails fast when a case no longer matches the baseline. */
    private static String edited(String name, String from, String to) {
        if (!BASELINE.contains(from)) {
            throw new IllegalArgumentException(name + ": the baseline has no '" + from + "'");
        }
        return BASELINE.replace(from, to);
    }

    private static GraphQLSchema schema(String sdl) {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }
}
