package dev.concierge.api.graphql;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Maps every exception a data fetcher raises to one GraphQL error with a stable
 * {@code extensions.code}; unexpected ones become {@code INTERNAL} with a correlation id and no
 * stack trace.
 */
final class ExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ExceptionResolver.class);

    ExceptionResolver() {
        setThreadLocalContextAware(false);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        if (exception instanceof ConciergeException concierge) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("code", concierge.code().name());
            if (concierge.inputPath() != null) {
                extensions.put("field", concierge.inputPath());
            }
            return error(environment, concierge.getMessage(), typeOf(concierge.code()), extensions);
        }
        if (exception instanceof AuthenticationException) {
            return error(environment, "Sign in to do this", ErrorType.UNAUTHORIZED, code(ErrorCode.UNAUTHENTICATED));
        }
        if (exception instanceof AccessDeniedException) {
            return error(environment, "Not allowed", ErrorType.FORBIDDEN, code(ErrorCode.FORBIDDEN));
        }
        if (exception instanceof DataIntegrityViolationException) {
            // Validation runs before writes, so this is a race (e.g. a row deleted meanwhile): safe to report.
            log.info("Constraint violation in {}: {}", environment.getField().getName(), exception.getMessage());
            return error(
                    environment,
                    "The input conflicts with the stored data; nothing was stored",
                    ErrorType.BAD_REQUEST,
                    code(ErrorCode.BAD_USER_INPUT));
        }
        if (exception instanceof TransientDataAccessException
                || exception instanceof DataAccessResourceFailureException
                || exception instanceof R2dbcTransientException) {
            log.warn("Dependency unavailable in {}: {}", environment.getField().getName(), exception.toString());
            return error(
                    environment,
                    "A backing service is unavailable; nothing was stored; retry later",
                    ErrorType.INTERNAL_ERROR,
                    code(ErrorCode.UNAVAILABLE));
        }
        String correlationId = UUID.randomUUID().toString();
        log.error(
                "Unexpected failure in {} [correlationId={}]",
                environment.getField().getName(),
                correlationId,
                exception);
        Map<String, Object> extensions = code(ErrorCode.INTERNAL);
        extensions.put("correlationId", correlationId);
        return error(
                environment,
                "Internal error; quote the correlation id when reporting it",
                ErrorType.INTERNAL_ERROR,
                extensions);
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

    private static GraphQLError error(
            DataFetchingEnvironment environment, String message, ErrorType type, Map<String, Object> extensions) {
        return GraphqlErrorBuilder.newError(environment)
                .message(message)
                .errorType(type)
                .extensions(extensions)
                .build();
    }
}
