/** Authentication (bearer JWT), the roles, the caller of a request, and development tokens. */
@NullMarked
package dev.concierge.api.security;

import org.jspecify.annotations.NullMarked;
