/**
 * Persisted queries on the GraphQL endpoint: Apollo Automatic Persisted Queries (a document
 * registered once by its SHA-256, then sent by hash only) in a bounded store shared through Redis,
 * a trusted-documents mode that runs only the operations of an Apollo persisted-query manifest, and
 * {@code GET /graphql} for queries, with a {@code Cache-Control} a CDN can act on.
 *
 * <p>Everything hooks into spring-graphql's own extension points: a {@code WebGraphQlInterceptor}
 * resolves the document before execution, a {@code RouterFunction} ahead of Spring Boot's serves
 * GET, and a graphql-java {@code Instrumentation} records which root fields an operation ran.
 */
@NullMarked
package dev.concierge.api.persisted;

import org.jspecify.annotations.NullMarked;
