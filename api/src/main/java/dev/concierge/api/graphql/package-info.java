/** GraphQL plumbing shared by every feature: scalars, error codes and their mapping. */
@NullMarked
package dev.concierge.api.graphql;

import org.jspecify.annotations.NullMarked;
