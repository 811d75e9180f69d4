// The GraphQL client: one POST to /graphql per call with the editor's bearer token.

const TOKEN_KEY = 'concierge.console.token';

/** An error the API returned: every GraphQL error with its message, path and extensions.code. */
export class ApiError extends Error {
  constructor(errors, status) {
    super(errors.map((error) => error.message).join('; ') || `HTTP ${status}`);
    this.errors = errors;
    this.status = status;
  }

  /** The first error's code, e.g. BAD_USER_INPUT, FORBIDDEN, UNAUTHENTICATED. */
  get code() {
    return this.errors[0]?.extensions?.code ?? (this.status ? `HTTP_${this.status}` : 'UNKNOWN');
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** The token's subject and roles, read from its payload for display only (the server verifies it). */
export function tokenClaims(value) {
  try {
    const payload = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(payload), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch {
    return {};
  }
}

/**
 * Runs a document and returns its data; throws ApiError when the response has errors (even with
 * partial data: the console shows nothing half-done) or is not GraphQL at all.
 */
export async function gql(query, variables = {}, bearer = token()) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (e) {
    throw new ApiError([{ message: `The server could not be reached: ${e.message}`, extensions: { code: 'NETWORK' } }], 0);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError([{ message: `Unexpected response (HTTP ${response.status})`, extensions: { code: `HTTP_${response.status}` } }], response.status);
  }
  if (body.errors?.length) throw new ApiError(body.errors, response.status);
  if (!response.ok || !body.data) {
    throw new ApiError([{ message: `Unexpected response (HTTP ${response.status})`, extensions: { code: `HTTP_${response.status}` } }], response.status);
  }
  return body.data;
}
