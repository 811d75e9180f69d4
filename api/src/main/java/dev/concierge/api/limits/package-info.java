/**
 * What a public GraphQL endpoint refuses to do, before it costs anything: documents too deep, too
 * costly, with too many aliases or root fields or tokens, bodies too large, too many subscriptions
 * on one connection, and too many requests from one client. Every limit is a setting under
 * {@code concierge.limits} with a safe default, and every refusal has a stable code.
 */
@NullMarked
package dev.concierge.api.limits;

import org.jspecify.annotations.NullMarked;
