/** The append-only audit log of editorial changes: who changed what, when, before and after. */
@NullMarked
package dev.concierge.api.audit;

import org.jspecify.annotations.NullMarked;
