/** Settings ({@code concierge.*}), their checks in prod, and application-wide beans. */
@NullMarked
package dev.concierge.api.config;

import org.jspecify.annotations.NullMarked;
