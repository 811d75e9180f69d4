package dev.concierge.api.graphql;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import io.r2dbc.spi.R2dbcTransientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Maps every exception a data fetcher or a subscription raises to one GraphQL error with a stable
 * {@code extensions.code}; unexpected ones become {@code INTERNAL} with a correlation id and no
 * stack trace.
 */
final class ExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ExceptionResolver.class);

    /** What an exception becomes: the message, the classification and the extensions. */
    record Mapped(String message, ErrorType type, Map<String, Object> extensions) {}

    ExceptionResolver() {
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        Mapped mapped = map(exception, environment.getField().getName());
        return GraphqlErrorBuilder.newError(environment)
                .message(mapped.message())
                .errorType(mapped.type())
                .extensions(mapped.extensions())
                .build();
    }

    /** The same mapping for errors that end a subscription's stream. */
    static SubscriptionExceptionResolver forSubscriptions() {
        return SubscriptionExceptionResolver.forSingleError(exception -> {
            Mapped mapped = map(exception, "subscription");
            return GraphqlErrorBuilder.newError()
                    .message(mapped.message())
                    .errorType(mapped.type())
                    .extensions(mapped.extensions())
                    .build();
        });
    }

    static Mapped map(Throwable exception, String where) {
        if (exception instanceof ConciergeException concierge) {
            Map<String, Object> extensions = code(concierge.code());
            if (concierge.inputPath() != null) {
                extensions.put("field", concierge.inputPath());
            }
            return new Mapped(concierge.getMessage(), typeOf(concierge.code()), extensions);
        }
        if (exception instanceof AuthenticationException) {
            return new Mapped("Sign in to do this", ErrorType.UNAUTHORIZED, code(ErrorCode.UNAUTHENTICATED));
        }
        if (exception instanceof AccessDeniedException) {
            return new Mapped("Not allowed", ErrorType.FORBIDDEN, code(ErrorCode.FORBIDDEN));
        }
        if (exception instanceof DataIntegrityViolationException) {
            // Validation runs before writes, so this is a race (e.g. a row deleted meanwhile): safe to report.
            log.info("Constraint violation in {}: {}", where, exception.getMessage());
            return new Mapped(
                    "The input conflicts with the stored data; nothing was stored",
                    ErrorType.BAD_REQUEST,
                    code(ErrorCode.BAD_USER_INPUT));
        }
        if (exception instanceof TransientDataAccessException
                || exception instanceof DataAccessResourceFailureException
                || exception instanceof R2dbcTransientException) {
            log.warn("Dependency unavailable in {}: {}", where, exception.toString());
            return new Mapped(
                    "A backing service is unavailable; nothing was stored; retry later",
                    ErrorType.INTERNAL_ERROR,
                    code(ErrorCode.UNAVAILABLE));
        }
        if (exception instanceof AbortExecutionException) {
            // The client went away or the execution was cut short: nothing to alarm anyone about.
            log.debug("Execution of {} aborted: {}", where, exception.getMessage());
            return new Mapped("The request was aborted", ErrorType.INTERNAL_ERROR, code(ErrorCode.INTERNAL));
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("Unexpected failure in {} [correlationId={}]", where, correlationId, exception);
        Map<String, Object> extensions = code(ErrorCode.INTERNAL);
        extensions.put("correlationId", correlationId);
        return new Mapped(
                "Internal error; quote the correlation id when reporting it", ErrorType.INTERNAL_ERROR, extensions);
    }

    private static Map<String, Object> code(ErrorCode code) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        return extensions;
    }

    private static ErrorType typeOf(ErrorCode code) {
        return switch (code) {
            case BAD_USER_INPUT, CONFLICT -> ErrorType.BAD_REQUEST;
            case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case UNAVAILABLE, INTERNAL -> ErrorType.INTERNAL_ERROR;
        };
    }
}
