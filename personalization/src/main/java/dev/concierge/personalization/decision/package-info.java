/**
 * Content decisioning: which published variant each slot of a page shows to a subject, and why,
 * and the use case that assembles the personalized page from the core's ports.
 */
@NullMarked
package dev.concierge.personalization.decision;

import org.jspecify.annotations.NullMarked;
