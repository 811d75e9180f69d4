/**
 * The editor's API: authoring content entries (drafts, publishing, unpublishing, archiving), the
 * page layouts content is placed in, the audit log of editorial changes, and the slots' running experiments (mapped by the targeting package). Every field needs role
 * EDITOR and shows no customer data.
 */
@NullMarked
package dev.concierge.api.editor;

import org.jspecify.annotations.NullMarked;
