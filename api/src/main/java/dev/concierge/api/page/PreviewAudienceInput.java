package dev.concierge.api.page;

import dev.concierge.personalization.ConciergeException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code PreviewAudience}: exactly one of its fields, checked into an {@link Audience}. */
record PreviewAudienceInput(
        @Nullable List<String> segments,
        @Nullable String persona,
        @Nullable String customerId,
        @Nullable Boolean signedOut) {

    static final String PATH = "as";

    /** Who the preview is for. */
    sealed interface Audience {}

    /** A customer with PERSONALIZATION consent in exactly these segments (not yet checked to exist). */
    record Segments(List<String> ids) implements Audience {}

    record Persona(String id) implements Audience {}

    record Customer(String id) implements Audience {}

    record SignedOut() implements Audience {}

    /** The one audience given; {@code BAD_USER_INPUT} at {@code as} for none, several or a blank id. */
    Audience audience() {
        List<Audience> given = new ArrayList<>(1);
        if (segments != null) {
            given.add(new Segments(List.copyOf(segments)));
        }
        if (persona != null) {
            given.add(new Persona(nonBlank("persona", persona)));
        }
        if (customerId != null) {
            given.add(new Customer(nonBlank("customerId", customerId)));
        }
        if (Boolean.TRUE.equals(signedOut)) {
            given.add(new SignedOut());
        }
        if (given.size() != 1) {
            throw ConciergeException.badInput(
                    PATH,
                    "give exactly one of segments, persona, customerId or signedOut: true; got "
                            + (given.isEmpty() ? "none" : given.size()));
        }
        return given.get(0);
    }

    private static String nonBlank(String field, String value) {
        if (value.isBlank()) {
            throw ConciergeException.badInput(PATH + "." + field, "must not be blank");
        }
        return value;
    }
}
