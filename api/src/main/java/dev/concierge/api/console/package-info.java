/**
 * The editor console: a static single page (plain HTML, CSS and ES modules under {@code
 * static/console/} on the classpath) served at {@code /console/} with a strict Content Security
 * Policy. The page is public; everything it shows comes from the editor GraphQL API with the
 * editor's own bearer token.
 */
@NullMarked
package dev.concierge.api.console;

import org.jspecify.annotations.NullMarked;
