package dev.concierge.api.persisted;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;

/**
 * The errors of persisted queries. Apollo's persisted-query link matches {@code extensions.code}
 * or the message, so both are the ones Apollo servers use: on {@code PERSISTED_QUERY_NOT_FOUND} it
 * sends the full query again, on {@code PERSISTED_QUERY_NOT_SUPPORTED} it stops hashing.
 */
final class PersistedQueryErrors {

    /** The hash is not registered (or has expired): send the full query with it. */
    static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    /** Trusted-documents mode: the operation is not in the manifest. */
    static final String NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED";
    /** The mode is {@code OFF} and the request has a hash but no query. */
    static final String NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED";
    /** The query sent with a hash does not have that hash: nothing is stored or run. */
    static final String HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
    /** A {@code persistedQuery} extension that is not {@code {version: 1, sha256Hash: <64 hex>}}. */
    static final String BAD_USER_INPUT = "BAD_USER_INPUT";

    private PersistedQueryErrors() {}

    static GraphQLError notFound(String hash) {
        return error("PersistedQueryNotFound", NOT_FOUND, hash);
    }

    static GraphQLError notAllowed(String hash) {
        return error("PersistedQueryNotAllowed", NOT_ALLOWED, hash);
    }

    static GraphQLError notSupported() {
        return GraphqlErrorBuilder.newError()
                .message("PersistedQueryNotSupported")
                .errorType(ErrorType.ValidationError)
                .extensions(Map.of("code", NOT_SUPPORTED))
                .build();
    }

    static GraphQLError hashMismatch(String hash) {
        return error("provided sha does not match query", HASH_MISMATCH, hash);
    }

    static GraphQLError badExtension(String message) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.ValidationError)
                .extensions(Map.of("code", BAD_USER_INPUT, "field", "extensions.persistedQuery"))
                .build();
    }

    private static GraphQLError error(String message, String code, String hash) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.ValidationError)
                .extensions(Map.of("code", code, "persistedQueryId", hash))
                .build();
    }
}
