/**
 * The load tests' ceiling, in the {@code bench} profile only: a plain WebFlux endpoint that serves a
 * precomputed home page payload, to set against the GraphQL page on the same server stack.
 */
@NullMarked
package dev.concierge.api.bench;

import org.jspecify.annotations.NullMarked;
