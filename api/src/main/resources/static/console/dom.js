// Small DOM helpers: elements are built with h(), never from HTML strings, so that no text the
// API returns is ever parsed as markup.

/**
 * Creates an element. attrs: plain attributes, plus `on*` functions as listeners, `dataset` as an
 * object, and boolean properties (checked, selected, disabled, multiple, hidden, required).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (['checked', 'selected', 'disabled', 'multiple', 'hidden', 'required', 'value'].includes(key)) {
      el[key] = value;
    } else if (key === 'class') {
      el.className = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A select with options given as [value, label] pairs or plain values. */
export function select(attrs, options, selected) {
  const chosen = new Set([].concat(selected ?? []).map(String));
  return h('select', attrs, options.map((option) => {
    const [value, label] = Array.isArray(option) ? option : [option, option];
    return h('option', { value: String(value), selected: chosen.has(String(value)) }, label);
  }));
}

/** The values chosen in a (multiple) select. */
export function selectedValues(selectEl) {
  return Array.from(selectEl.selectedOptions).map((option) => option.value);
}

/** A label wrapping its control, with a field name for tests and styles. */
export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'label' }, label), control,
    hint ? h('span', { class: 'hint' }, hint) : null);
}

/** A table from column headings and rows of cells. */
export function table(headings, rows, attrs = {}) {
  return h('table', attrs,
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', {}, heading)))),
    h('tbody', {}, rows));
}

/** An ISO instant for people, in the browser's time zone; blank for none. */
export function when(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** The value of a datetime-local input for an ISO instant, in the browser's time zone. */
export function toLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An ISO instant (UTC) from a datetime-local input's value; null for blank. */
export function fromLocalInput(value) {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** Percent with one decimal, from a share between 0 and 1. */
export function percent(share) {
  return share === null || share === undefined ? '' : `${(share * 100).toFixed(1)}%`;
}

/** Runs fn at most once per `ms` of quiet. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
