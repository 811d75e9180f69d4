/** Browsing-event ingestion ({@code trackEvents}) and the browsing history. */
@NullMarked
package dev.concierge.api.ingest;

import org.jspecify.annotations.NullMarked;
