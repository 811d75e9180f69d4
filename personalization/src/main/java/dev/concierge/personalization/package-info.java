/** Concierge's core: plain Java domain, rules and ports, free of web, GraphQL and driver types. */
@NullMarked
package dev.concierge.personalization;

import org.jspecify.annotations.NullMarked;
