// The console's shell: sign-in, the tabs, and the error and status lines every screen shares.
import { gql, setToken, token, tokenClaims } from './api.js';
import { h, fill } from './dom.js';
import { contentScreen } from './content.js';
import { segmentsScreen } from './segments.js';
import { experimentsScreen } from './experiments.js';
import { previewScreen } from './preview.js';
import { auditScreen } from './audit.js';

const errorEl = document.getElementById('error');
const statusEl = document.getElementById('status');

/** What every screen gets: feedback lines and a wrapper that reports failures. */
const ui = {
  /** Shows an API error with each message, its extensions.code and path. */
  error(e) {
    statusEl.hidden = true;
    const errors = e?.errors ?? [{ message: e?.message ?? String(e) }];
    fill(errorEl, errors.map((error) => h('div', { class: 'error-line' },
      h('code', { class: 'code', 'data-testid': 'error-code' }, error.extensions?.code ?? 'ERROR'),
      ' ', error.message,
      error.extensions?.field ? h('span', { class: 'muted', 'data-testid': 'error-field' }, ` at ${error.extensions.field}`) : null,
      error.extensions?.correlationId ? h('span', { class: 'muted' }, ` (correlation id ${error.extensions.correlationId})`) : null,
      error.path ? h('span', { class: 'muted' }, ` (${[].concat(error.path).join('.')})`) : null)));
    errorEl.hidden = false;
    if (errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) {
      fill(errorEl.appendChild(h('div')), 'Your token was rejected: sign in again.');
    }
  },
  status(message) {
    errorEl.hidden = true;
    fill(statusEl, message);
    statusEl.hidden = false;
  },
  clear() {
    errorEl.hidden = true;
    statusEl.hidden = true;
  },
  /** Runs an async action, showing its failure; returns its result or undefined. */
  async run(action) {
    try {
      return await action();
    } catch (e) {
      ui.error(e);
      return undefined;
    }
  },
};

const screens = {
  content: contentScreen,
  segments: segmentsScreen,
  experiments: experimentsScreen,
  preview: previewScreen,
  audit: auditScreen,
};
const started = new Map();

function showSignIn() {
  document.getElementById('session').hidden = true;
  document.getElementById('tabs').hidden = true;
  for (const id of Object.keys(screens)) document.getElementById(`${id}-screen`).hidden = true;
  document.getElementById('sign-in-screen').hidden = false;
  document.getElementById('token-input').focus();
}

function show(tab) {
  const name = screens[tab] ? tab : 'content';
  document.getElementById('sign-in-screen').hidden = true;
  document.getElementById('session').hidden = false;
  document.getElementById('tabs').hidden = false;
  for (const link of document.querySelectorAll('#tabs a')) {
    link.classList.toggle('active', link.dataset.tab === name);
  }
  for (const id of Object.keys(screens)) {
    document.getElementById(`${id}-screen`).hidden = id !== name;
  }
  const root = document.getElementById(`${name}-screen`);
  if (!started.has(name)) {
    started.set(name, screens[name](root, ui));
  } else {
    started.get(name).refresh?.();
  }
}

function signedIn() {
  const claims = tokenClaims(token());
  document.getElementById('signed-in-as').textContent =
    `${claims.sub ?? 'unknown'}${claims.roles ? ` (${[].concat(claims.roles).join(', ')})` : ''}`;
  show(location.hash.slice(1));
}

document.getElementById('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const value = document.getElementById('token-input').value.trim();
  ui.clear();
  try {
    // A cheap editor field: proves the token is valid and carries EDITOR before it is kept.
    await gql('query SignIn { personas { id } }', {}, value);
  } catch (e) {
    ui.error(e);
    return;
  }
  setToken(value);
  document.getElementById('token-input').value = '';
  signedIn();
});

document.getElementById('sign-out').addEventListener('click', () => {
  setToken(null);
  started.clear();
  for (const id of Object.keys(screens)) document.getElementById(`${id}-screen`).replaceChildren();
  ui.clear();
  history.replaceState(null, '', location.pathname);
  showSignIn();
});

window.addEventListener('hashchange', () => {
  if (token()) {
    ui.clear();
    show(location.hash.slice(1));
  }
});

if (token()) {
  signedIn();
} else {
  showSignIn();
}
