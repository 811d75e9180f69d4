/** The embedded PostgreSQL and Redis of the default profile and the tests. */
@NullMarked
package dev.concierge.api.embedded;

import org.jspecify.annotations.NullMarked;
