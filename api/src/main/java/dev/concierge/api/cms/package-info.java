/**
 * The external headless CMS's signed webhook: publish and unpublish deliveries verified by HMAC,
 * applied once each through the same content authoring as the editor's API (docs/cms-webhook.md).
 */
@NullMarked
package dev.concierge.api.cms;

import org.jspecify.annotations.NullMarked;
