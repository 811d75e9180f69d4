package dev.concierge.api.persisted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.api.persisted.TrustedDocuments.ManifestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.json.JsonMapper;

/** Reading Apollo persisted-query manifests: what is listed, and what stops the start. */
class TrustedDocumentsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BODY = "query A { __typename }";

    private static TrustedDocuments parse(String manifest) {
        return TrustedDocuments.parse(JSON.readTree(manifest), "test.json");
    }

    private static String manifest(String operations) {
        return "{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [" + operations
                + "]}";
    }

    @Test
    void operation_isFoundByItsIdAndByItsBodysHash_andItsBodyIsAllowed() {
        TrustedDocuments documents = parse(
                manifest("{\"id\": \"custom-id\", \"name\": \"A\", \"type\": \"query\", \"body\": \"" + BODY + "\"}"));

        assertThat(documents.find("custom-id")).isEqualTo(BODY);
        assertThat(documents.find(DocumentHash.of(BODY))).isEqualTo(BODY);
        assertThat(documents.allows(BODY)).isTrue();
        assertThat(documents.allows("query A { __typename __typename }")).isFalse();
        assertThat(documents.find(DocumentHash.of("query B { __typename }"))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "another format | {\"format\": \"relay\", \"version\": 1, \"operations\": []} | \"format\" must be",
                "version 2 | {\"format\": \"apollo-persisted-query-manifest\", \"version\": 2, \"operations\": []} | \"version\" must be 1",
                "no operations | {\"format\": \"apollo-persisted-query-manifest\", \"version\": 1} | \"operations\" must be an array",
                "not an object | [] | not a JSON object",
                "no body | {\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [{\"id\": \"a\"}]} | operations[0]: \"body\" must be",
                "no id | {\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [{\"body\": \"{ a }\"}]} | operations[0]: \"id\" must be",
                "bad type | {\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [{\"id\": \"a\", \"body\": \"{ a }\", \"type\": \"fragment\"}]} | \"type\" must be",
                "body not GraphQL | {\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [{\"id\": \"a\", \"body\": \"query {\"}]} | operations[0] (a): \"body\" is not a GraphQL document",
                "one id, two bodies | {\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [{\"id\": \"a\", \"body\": \"{ a }\"}, {\"id\": \"a\", \"body\": \"{ b }\"}]} | id a names two different documents"
            })
    void badManifest_isRefused_sayingWhere(String name, String manifest, String problem) {
        assertThatThrownBy(() -> parse(manifest))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("test.json")
                .hasMessageContaining(problem);
    }

    @Test
    void missingOrUnreadableFile_isRefused() {
        DefaultResourceLoader resources = new DefaultResourceLoader();
        assertThatThrownBy(() -> TrustedDocuments.load(resources, "classpath:persisted/none.json", JSON))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> TrustedDocuments.load(resources, "classpath:graphql-test/me.graphql", JSON))
                .hasMessageContaining("not JSON");
    }

    @Test
    void manifestFromTheClasspath_isRead() {
        TrustedDocuments documents =
                TrustedDocuments.load(new DefaultResourceLoader(), "classpath:persisted/manifest.json", JSON);

        assertThat(documents.find("2df71c9503e39880d76482d3d7975dbc9c6e78f033c71406864b58e0c283cb22"))
                .startsWith("query TrustedProduct");
    }
}
