// The official GraphQL-over-HTTP audit (graphql-http's auditServer) against the app.
// Usage: node audit.mjs <graphql url>
// Prints one JSON line: every audit's id, name, status (ok, warn, notice, error) and reason.
import { auditServer } from 'graphql-http';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: node audit.mjs <graphql url>');
  process.exit(2);
}

const results = await auditServer({ url });
console.log(JSON.stringify(results.map(({ id, name, status, reason }) => ({ id, name, status, reason: reason || null }))));
