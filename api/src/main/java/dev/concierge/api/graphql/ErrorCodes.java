package dev.concierge.api.graphql;

import dev.concierge.personalization.ErrorCode;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The {@code extensions.code} for errors raised by graphql-java or Spring before any resolver of
 * ours ran: parse and validation failures, coercion of variables, security.
 */
final class ErrorCodes {

    /** A document that does not parse. */
    static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    /** A document that parses but does not fit the schema (unknown field, missing selection...). */
    static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";

    /** Validation failures about argument or variable values: the caller's input is wrong. */
    private static final Set<ValidationErrorType> VALUE_ERRORS = EnumSet.of(
            ValidationErrorType.WrongType,
            ValidationErrorType.NullValueForNonNullArgument,
            ValidationErrorType.MissingFieldArgument,
            ValidationErrorType.VariableTypeMismatch,
            ValidationErrorType.BadValueForDefaultArg);

    private ErrorCodes() {}

    static String codeFor(GraphQLError error) {
        if (error instanceof CoercingParseValueException
                || error instanceof CoercingParseLiteralException
                || error instanceof NonNullableValueCoercedAsNullException
                || error instanceof InputMapDefinesTooManyFieldsException) {
            return ErrorCode.BAD_USER_INPUT.name();
        }
        if (error instanceof ValidationError validation) {
            return VALUE_ERRORS.contains(validation.getValidationErrorType())
                    ? ErrorCode.BAD_USER_INPUT.name()
                    : VALIDATION_FAILED;
        }
        ErrorClassification classification = error.getErrorType();
        if (classification == ErrorType.InvalidSyntax) {
            return PARSE_FAILED;
        }
        if (classification == ErrorType.ValidationError) {
            return VALIDATION_FAILED;
        }
        if (classification instanceof org.springframework.graphql.execution.ErrorType springType) {
            return switch (springType) {
                case BAD_REQUEST -> ErrorCode.BAD_USER_INPUT.name();
                case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED.name();
                case FORBIDDEN -> ErrorCode.FORBIDDEN.name();
                case NOT_FOUND -> ErrorCode.NOT_FOUND.name();
                case INTERNAL_ERROR -> ErrorCode.INTERNAL.name();
            };
        }
        return ErrorCode.INTERNAL.name();
    }
}
