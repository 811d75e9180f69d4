/**
 * Segments: the JSON rule language ({@code all} / {@code any} / {@code not} over predicates),
 * parsed and validated into immutable rules, and evaluated against a customer snapshot and the
 * request context.
 */
@NullMarked
package dev.concierge.personalization.segment;

import org.jspecify.annotations.NullMarked;
