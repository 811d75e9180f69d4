package dev.concierge.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/** The {@code DateTime} (an {@link Instant}) and {@code Date} (a {@link LocalDate}) scalars. */
final class Scalars {

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An ISO-8601 instant with an offset")
            .coercing(new Iso<>(
                    Instant.class,
                    text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant(),
                    instant -> DateTimeFormatter.ISO_INSTANT.format(instant),
                    "an ISO-8601 date-time with an offset, such as 2026-11-24T10:15:30Z"))
            .build();

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("An ISO-8601 calendar date")
            .coercing(new Iso<>(
                    LocalDate.class,
                    text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE),
                    date -> DateTimeFormatter.ISO_LOCAL_DATE.format(date),
                    "an ISO-8601 date such as 2026-11-24"))
            .build();

    private Scalars() {}

    /** Coerces one java.time type to and from its ISO-8601 text. */
    private record Iso<T>(Class<T> type, Function<String, T> parser, Function<T, String> printer, String expected)
            implements Coercing<T, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (type.isInstance(value)) {
                return printer.apply(type.cast(value));
            }
            if (value instanceof OffsetDateTime offset && type == Instant.class) {
                return printer.apply(type.cast(offset.toInstant()));
            }
            throw new CoercingSerializeException(
                    "Cannot serialize " + value.getClass().getSimpleName() + " as " + expected);
        }

        @Override
        public T parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("Expected " + expected + ", got " + input);
        }

        @Override
        public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("Expected " + expected + ", got " + input);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(serialize(input, context, locale));
        }

        private T parse(String text, Function<String, ? extends RuntimeException> error) {
            try {
                return parser.apply(text);
            } catch (DateTimeParseException e) {
                throw error.apply("Invalid value '" + abbreviate(text) + "': expected " + expected);
            }
        }

        private static String abbreviate(String text) {
            return text.length() <= 64 ? text : text.substring(0, 64) + "…";
        }
    }
}
