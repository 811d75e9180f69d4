/** The application's entry point and its commands ({@code token}). */
@NullMarked
package dev.concierge.api;

import org.jspecify.annotations.NullMarked;
