// A real Apollo Client with its persisted-queries link (hashed queries over GET) against the app.
// Usage: node apollo-apq.mjs <graphql url> <sku> <nonce>
// Prints one JSON line: the HTTP exchanges each client made and the data it got; exits 1 on failure.
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

const [url, sku, nonce] = process.argv.slice(2);
if (!url || !sku || !nonce) {
  console.error('usage: node apollo-apq.mjs <graphql url> <sku> <nonce>');
  process.exit(2);
}

// The nonce in the operation name makes a document this run registers for the first time.
const PRODUCT = gql(`query ApolloProduct${nonce}($sku: ID!) { product(sku: $sku) { sku name } }`);

function newClient(exchanges) {
  const recordingFetch = async (input, init) => {
    const response = await fetch(input, init);
    const requestUrl = new URL(typeof input === 'string' ? input : input.url);
    exchanges.push({
      method: (init && init.method) || 'GET',
      hashOnly: requestUrl.searchParams.has('extensions') && !requestUrl.searchParams.has('query')
        && !(init && typeof init.body === 'string' && init.body.includes('"query"')),
      status: response.status,
      cacheControl: response.headers.get('cache-control'),
    });
    return response;
  };
  const persisted = new PersistedQueryLink({
    sha256: (text) => createHash('sha256').update(text).digest('hex'),
    useGETForHashedQueries: true,
  });
  return new ApolloClient({
    link: persisted.concat(new HttpLink({ uri: url, fetch: recordingFetch })),
    cache: new InMemoryCache(),
  });
}

try {
  const first = [];
  const registered = await newClient(first).query({ query: PRODUCT, variables: { sku } });
  const second = [];
  const hashed = await newClient(second).query({ query: PRODUCT, variables: { sku } });
  console.log(JSON.stringify({
    first: { exchanges: first, data: registered.data },
    second: { exchanges: second, data: hashed.data },
  }));
} catch (error) {
  console.error('Apollo Client failed:', error && error.stack ? error.stack : error);
  process.exit(1);
}
