package dev.concierge.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.graphql.ResponseError;

/** Assertions on GraphQL errors. */
public final class Errors {

    private Errors() {}

    /** Exactly one error, with this {@code extensions.code} and a message containing {@code text}. */
    public static Consumer<List<ResponseError>> single(String code, String text) {
        return errors -> assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", code);
            assertThat(error.getMessage()).contains(text);
        });
    }

    /** Exactly one error, with this {@code extensions.code}. */
    public static Consumer<List<ResponseError>> single(String code) {
        return single(code, "");
    }
}
