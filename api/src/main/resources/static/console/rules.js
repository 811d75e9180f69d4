// The segment rule builder: a tree of groups (all / any, optionally negated) and conditions (one
// predicate with its parameters, optionally negated), turned into the rule language of
// SegmentRules and back. Parameters are kept as typed into the form; the server's
// validateSegmentRule says what is wrong and where, and the builder marks that place.
import { h, fill, select } from './dom.js';

const TIERS = ['BRONZE', 'SILVER', 'GOLD', 'PLATINUM'];
const CATEGORIES = ['RINGS', 'NECKLACES', 'EARRINGS', 'BRACELETS', 'WATCHES', 'SERVICES'];
const EVENT_TYPES = ['PAGE_VIEW', 'PRODUCT_VIEW', 'SEARCH', 'ADD_TO_CART', 'STORE_VISIT'];
const OPEN_STATUSES = ['RECEIVED', 'IN_PROGRESS', 'QUALITY_CHECK', 'READY_FOR_PICKUP'];
const CHANNELS = ['WEB', 'APP', 'WATCH', 'KIOSK', 'STORE'];
const ATTRIBUTES = ['firstName', 'locale', 'homeStore', 'loyaltyPoints', 'memberSince', 'attributes.'];
const ATTRIBUTE_OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains', 'startsWith', 'exists'];

/** Each predicate's parameters: name, kind, options, whether it may be left out, and a hint. */
export const PREDICATES = {
  loyaltyTier: {
    label: 'Loyalty tier',
    params: [
      { name: 'atLeast', kind: 'select', options: TIERS, optional: true, hint: 'or' },
      { name: 'in', kind: 'multi', options: TIERS, optional: true, hint: 'one of the two' },
    ],
  },
  attribute: {
    label: 'Profile attribute',
    params: [
      { name: 'name', kind: 'attrName', hint: 'or attributes.<key>' },
      { name: 'op', kind: 'select', options: ATTRIBUTE_OPS },
      { name: 'value', kind: 'attrValue', optional: true, hint: 'in: comma-separated; exists: true / false' },
    ],
  },
  birthdayWithin: {
    label: 'Birthday within',
    params: [{ name: 'days', kind: 'int', hint: '1 = today' }, { name: 'pastDays', kind: 'int', optional: true }],
  },
  anniversaryWithin: {
    label: 'Anniversary within',
    params: [{ name: 'days', kind: 'int', hint: '1 = today' }, { name: 'pastDays', kind: 'int', optional: true }],
  },
  purchased: {
    label: 'Purchased',
    params: [
      { name: 'category', kind: 'select', options: CATEGORIES, optional: true, hint: 'or' },
      { name: 'sku', kind: 'text', optional: true, hint: 'one of the two' },
      { name: 'withinDays', kind: 'int', optional: true, hint: 'blank: ever' },
    ],
  },
  browsed: {
    label: 'Browsed category',
    params: [
      { name: 'category', kind: 'select', options: CATEGORIES },
      { name: 'atLeast', kind: 'int', optional: true, hint: 'times, default 1' },
      { name: 'withinDays', kind: 'int', hint: '1 to 365' },
      { name: 'eventTypes', kind: 'multi', options: EVENT_TYPES, optional: true, hint: 'none: every type' },
    ],
  },
  spend: {
    label: 'Total spend',
    params: [
      { name: 'op', kind: 'select', options: ['gte', 'gt', 'lte', 'lt'] },
      { name: 'amount', kind: 'number' },
      { name: 'withinDays', kind: 'int', optional: true, hint: 'blank: lifetime' },
    ],
  },
  openServiceOrder: {
    label: 'Open service order',
    params: [
      { name: 'status', kind: 'multi', options: OPEN_STATUSES, optional: true, hint: 'none: any open' },
      { name: 'kind', kind: 'select', options: ['REPAIR', 'CUSTOM_DESIGN'], optional: true },
    ],
  },
  channel: { label: 'Channel', params: [{ name: 'in', kind: 'multi', options: CHANNELS }] },
  device: { label: 'Device', params: [{ name: 'in', kind: 'csv', hint: 'comma-separated, e.g. mobile, tablet' }] },
  nearStore: {
    label: 'Near a store',
    params: [{ name: 'withinKm', kind: 'number' }, { name: 'store', kind: 'text', optional: true, hint: 'blank: any store' }],
  },
  newCustomer: { label: 'New customer', params: [{ name: 'joinedWithinDays', kind: 'int' }] },
  returningCustomer: { label: 'Returning customer', params: [{ name: 'minPurchases', kind: 'int', optional: true, hint: 'default 2' }] },
  lastPurchase: { label: 'Lapsed (last purchase older than)', params: [{ name: 'olderThanDays', kind: 'int' }] },
};

export function group(op = 'all', children = [], negate = false) {
  return { kind: 'group', op, negate, children };
}

export function condition(predicate = 'loyaltyTier', params = {}, negate = false) {
  return { kind: 'cond', predicate, negate, params };
}

// ---- model to rule JSON -------------------------------------------------------------------

/** The rule for the root group: a lone condition stands alone instead of in a one-item "all". */
export function toRule(root) {
  if (root.kind === 'group' && !root.negate && root.children.length === 1) {
    root.path = '';
    root.innerPath = '';
    return nodeRule(root.children[0], '');
  }
  return nodeRule(root, '');
}

/** Builds a node's rule, stamping on the node the path the server will use for errors in it. */
function nodeRule(node, path) {
  node.path = path;
  const inner = node.negate ? `${path}.not` : path;
  node.innerPath = inner;
  let rule;
  if (node.kind === 'group') {
    rule = { [node.op]: node.children.map((child, i) => nodeRule(child, `${inner}.${node.op}[${i}]`)) };
  } else {
    rule = { [node.predicate]: params(node) };
  }
  return node.negate ? { not: rule } : rule;
}

function params(node) {
  const spec = PREDICATES[node.predicate];
  const result = {};
  for (const param of spec.params) {
    const raw = node.params[param.name];
    const value = convert(param, raw, node.params);
    if (value !== undefined) result[param.name] = value;
  }
  return result;
}

function number(text) {
  const trimmed = String(text).trim();
  return trimmed !== '' && !Number.isNaN(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function attributeScalar(text, name) {
  const trimmed = String(text).trim();
  if (name === 'loyaltyPoints') return number(trimmed);
  if (name.startsWith('attributes.')) {
    if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
    if (trimmed !== '' && !Number.isNaN(Number(trimmed))) return Number(trimmed);
  }
  return trimmed;
}

/** A form value as the rule wants it; undefined leaves the parameter out. */
function convert(param, raw, all) {
  switch (param.kind) {
    case 'multi': {
      const values = raw ?? [];
      return values.length === 0 && param.optional ? undefined : values;
    }
    case 'csv': {
      const values = String(raw ?? '').split(',').map((v) => v.trim()).filter(Boolean);
      return values.length === 0 && param.optional ? undefined : values;
    }
    case 'int':
    case 'number':
      return raw === undefined || String(raw).trim() === '' ? undefined : number(raw);
    case 'attrValue': {
      if (raw === undefined || String(raw).trim() === '') return undefined;
      const name = String(all.name ?? '');
      if (all.op === 'exists') return String(raw).trim() !== 'false';
      if (all.op === 'in') return String(raw).split(',').map((v) => v.trim()).filter(Boolean).map((v) => attributeScalar(v, name));
      return attributeScalar(raw, name);
    }
    default:
      return raw === undefined || String(raw).trim() === '' ? undefined : String(raw).trim();
  }
}

// ---- rule JSON to model -------------------------------------------------------------------

/** The builder's model for a rule; throws when the rule is not one the builder can show. */
export function fromRule(rule) {
  const node = readNode(rule);
  return node.kind === 'group' && !node.negate ? node : group('all', [node]);
}

function readNode(rule) {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule) || Object.keys(rule).length !== 1) {
    throw new Error('every rule node is an object with one key');
  }
  const [key, value] = Object.entries(rule)[0];
  if (key === 'not') {
    const inner = readNode(value);
    return inner.negate ? { ...group('all', [inner]), negate: true } : { ...inner, negate: true };
  }
  if (key === 'all' || key === 'any') {
    if (!Array.isArray(value)) throw new Error(`${key} needs a list`);
    return group(key, value.map(readNode));
  }
  const spec = PREDICATES[key];
  if (!spec) throw new Error(`unknown predicate ${key}`);
  const form = {};
  for (const [name, v] of Object.entries(value ?? {})) {
    const param = spec.params.find((p) => p.name === name);
    if (!param) throw new Error(`unknown parameter ${key}.${name}`);
    if (param.kind === 'multi') form[name] = [].concat(v);
    else if (param.kind === 'csv' || (param.kind === 'attrValue' && Array.isArray(v))) form[name] = [].concat(v).join(', ');
    else form[name] = v === null ? '' : String(v);
  }
  return condition(key, form);
}

// ---- the form -----------------------------------------------------------------------------

/**
 * Renders the builder for a root group into `container`; `changed` runs after every edit with the
 * new rule.
 */
export function ruleBuilder(container, root, changed) {
  const rerender = () => {
    toRule(root); // stamps the error paths the views show
    fill(container, groupView(root, true));
    changed();
  };

  function groupView(node, isRoot) {
    const op = select({ 'data-testid': 'group-op', class: 'op' },
      [['all', 'All of'], ['any', 'Any of']], node.op);
    op.addEventListener('change', () => { node.op = op.value; rerender(); });
    const children = h('div', { class: 'children' }, node.children.map((child) =>
      h('div', { class: 'child' }, child.kind === 'group' ? groupView(child, false) : conditionView(child),
        h('button', { type: 'button', class: 'small secondary', 'data-testid': 'remove-condition', title: 'Remove',
          onclick: () => { node.children.splice(node.children.indexOf(child), 1); rerender(); } }, '×'))));
    return h('div', { class: 'group', 'data-testid': isRoot ? 'rule-root' : 'rule-group', dataset: { path: node.innerPath ?? '' } },
      h('div', { class: 'group-head' },
        negateBox(node), op,
        h('span', { class: 'muted' }, ' the following'),
        h('button', { type: 'button', class: 'small', 'data-testid': 'add-condition',
          onclick: () => { node.children.push(condition()); rerender(); } }, '+ condition'),
        h('button', { type: 'button', class: 'small secondary', 'data-testid': 'add-group',
          onclick: () => { node.children.push(group(node.op === 'all' ? 'any' : 'all', [condition()])); rerender(); } }, '+ group')),
      node.children.length ? children : h('p', { class: 'muted' }, 'No conditions yet.'),
      h('div', { class: 'node-errors' }));
  }

  function negateBox(node) {
    const box = h('input', { type: 'checkbox', checked: node.negate, 'data-testid': 'negate' });
    box.addEventListener('change', () => { node.negate = box.checked; rerender(); });
    return h('label', { class: 'check negate', title: 'Match when this does not' }, box, ' not');
  }

  function conditionView(node) {
    const spec = PREDICATES[node.predicate];
    const predicate = select({ 'data-testid': 'predicate' },
      Object.entries(PREDICATES).map(([name, p]) => [name, p.label]), node.predicate);
    predicate.addEventListener('change', () => {
      node.predicate = predicate.value;
      node.params = {};
      rerender();
    });
    const at = `${node.innerPath ?? ''}.${node.predicate}`;
    return h('div', { class: 'condition', 'data-testid': 'condition', dataset: { path: node.innerPath ?? '', predicate: node.predicate } },
      negateBox(node), predicate,
      spec.params.map((param) => paramView(node, param, `${at}.${param.name}`)),
      h('div', { class: 'node-errors' }));
  }

  function paramView(node, param, path) {
    const update = (value) => { node.params[param.name] = value; changed(); };
    let control;
    const value = node.params[param.name];
    if (param.kind === 'select') {
      const options = param.optional ? [['', '—'], ...param.options] : param.options;
      if (!param.optional && value === undefined) node.params[param.name] = param.options[0];
      control = select({ 'data-testid': `param-${param.name}` }, options, value ?? (param.optional ? '' : param.options[0]));
      control.addEventListener('change', () => update(control.value));
    } else if (param.kind === 'multi') {
      const chosen = new Set(value ?? []);
      control = h('span', { class: 'checklist inline', 'data-testid': `param-${param.name}` }, param.options.map((option) => {
        const box = h('input', { type: 'checkbox', value: option, checked: chosen.has(option) });
        box.addEventListener('change', () => {
          update(Array.from(control.querySelectorAll('input:checked'), (b) => b.value));
        });
        return h('label', { class: 'check' }, box, ` ${option}`);
      }));
    } else {
      const attrs = { 'data-testid': `param-${param.name}`, value: value ?? '', size: param.kind === 'int' ? 6 : 14 };
      if (param.kind === 'attrName') attrs.list = 'attribute-names';
      control = h('input', attrs);
      control.addEventListener('input', () => update(control.value));
    }
    return h('label', { class: 'param', dataset: { path } },
      h('span', { class: 'label' }, param.name + (param.optional ? '' : ' *')), control,
      param.hint ? h('span', { class: 'hint' }, param.hint) : null);
  }

  rerender();
  return { rerender };
}

/** The datalist the attribute name inputs offer. */
export function attributeNames() {
  return h('datalist', { id: 'attribute-names' }, ATTRIBUTES.map((name) => h('option', { value: name })));
}

/**
 * Marks where the server's rule errors are: each error goes to the deepest builder element whose
 * path leads to it (a parameter, a condition or a group). Paths such as `rule.all[0].browsed.withinDays`.
 */
export function markErrors(container, errors) {
  for (const el of container.querySelectorAll('.invalid')) el.classList.remove('invalid');
  for (const el of container.querySelectorAll('.node-errors')) el.replaceChildren();
  const elements = Array.from(container.querySelectorAll('[data-path]'));
  for (const error of errors) {
    const path = relative(error.path);
    let best = null;
    for (const el of elements) {
      const candidate = el.dataset.path;
      const leads = candidate === '' || path === candidate || path.startsWith(`${candidate}.`) || path.startsWith(`${candidate}[`);
      // On a tie the later element is the deeper one.
      if (leads && (!best || candidate.length >= best.dataset.path.length)) best = el;
    }
    if (!best) continue;
    best.classList.add('invalid');
    const slot = best.querySelector(':scope > .node-errors') ?? best.closest('.condition, .group')?.querySelector(':scope > .node-errors');
    slot?.append(h('div', { class: 'node-error' }, error.message));
  }
}

/** An error path relative to the rule's root: `rule.all[0].x` and `input.rule.all[0].x` give `.all[0].x`. */
export function relative(path) {
  return String(path ?? '').replace(/^(input\.)?rule/, '');
}
