/**
 * Content authoring rules: what fields each content type takes, and what makes a draft of an
 * entry valid before it is stored, whoever authors it (the editor's API or the CMS webhook).
 */
@NullMarked
package dev.concierge.personalization.content;

import org.jspecify.annotations.NullMarked;
