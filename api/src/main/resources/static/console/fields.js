// The typed fields of each content type (as the page schema's HeroContent, BannerContent, ...
// expose them) and a form for them. A version's fields are shared by its variants; a variant's
// own fields override them, so every input may stay blank ("inherit").
import { h, field } from './dom.js';

export const CONTENT_TYPES = ['HERO', 'BANNER', 'OFFER', 'ARTICLE', 'CAROUSEL'];

/** name, label, kind (text, url, int, date, long, json) and whether the type needs it. */
export const FIELDS = {
  HERO: [
    { name: 'headline', label: 'Headline', kind: 'text', required: true },
    { name: 'subheadline', label: 'Subheadline', kind: 'text' },
    { name: 'imageUrl', label: 'Image URL', kind: 'url' },
    { name: 'ctaLabel', label: 'Button label', kind: 'text' },
    { name: 'ctaUrl', label: 'Button link', kind: 'url' },
  ],
  BANNER: [
    { name: 'text', label: 'Text', kind: 'text', required: true },
    { name: 'linkUrl', label: 'Link', kind: 'url' },
    { name: 'imageUrl', label: 'Image URL', kind: 'url' },
  ],
  OFFER: [
    { name: 'title', label: 'Title', kind: 'text', required: true },
    { name: 'description', label: 'Description', kind: 'long' },
    { name: 'code', label: 'Code', kind: 'text' },
    { name: 'discountPercent', label: 'Discount %', kind: 'int' },
    { name: 'validUntil', label: 'Valid until', kind: 'date' },
    { name: 'imageUrl', label: 'Image URL', kind: 'url' },
  ],
  ARTICLE: [
    { name: 'title', label: 'Title', kind: 'text', required: true },
    { name: 'summary', label: 'Summary', kind: 'long' },
    { name: 'url', label: 'Link', kind: 'url' },
    { name: 'imageUrl', label: 'Image URL', kind: 'url' },
  ],
  CAROUSEL: [
    { name: 'title', label: 'Title', kind: 'text', required: true },
    { name: 'items', label: 'Items (JSON list of {"title", "sku", "imageUrl", "linkUrl"})', kind: 'json' },
  ],
};

/** A client-side problem shown like the API's errors. */
export class FormError extends Error {
  constructor(path, message) {
    super(message);
    this.errors = [{ message, extensions: { code: 'INVALID_FORM', field: path } }];
  }
}

/**
 * A form for one type's fields. `inherited` are the shared fields a variant falls back on, shown as
 * placeholders. read() gives the non-blank fields, keeping keys the form does not know.
 */
export function fieldsForm(type, values = {}, { prefix, inherited, testid } = {}) {
  const specs = FIELDS[type] ?? [];
  const inputs = new Map();
  const el = h('div', { class: 'fields' }, specs.map((spec) => {
    const value = values[spec.name];
    const shown = value === undefined || value === null ? '' : spec.kind === 'json' ? JSON.stringify(value, null, 1) : String(value);
    const placeholder = inherited?.[spec.name] !== undefined
      ? `inherits: ${typeof inherited[spec.name] === 'object' ? JSON.stringify(inherited[spec.name]) : inherited[spec.name]}`
      : spec.required && !inherited ? 'required' : '';
    const attrs = { name: spec.name, placeholder, 'data-testid': `${testid}-${spec.name}`, value: shown };
    let input;
    if (spec.kind === 'long' || spec.kind === 'json') {
      input = h('textarea', { ...attrs, rows: spec.kind === 'json' ? 4 : 2 });
    } else {
      input = h('input', { ...attrs, type: { int: 'number', date: 'date', url: 'text' }[spec.kind] ?? 'text' });
    }
    inputs.set(spec.name, input);
    return field(spec.label + (spec.required && !inherited ? ' *' : ''), input);
  }));
  return {
    el,
    read() {
      const known = new Set(specs.map((spec) => spec.name));
      const result = Object.fromEntries(Object.entries(values).filter(([key]) => !known.has(key)));
      for (const spec of specs) {
        const raw = inputs.get(spec.name).value.trim();
        if (raw === '') continue;
        if (spec.kind === 'int') {
          result[spec.name] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
        } else if (spec.kind === 'json') {
          try {
            result[spec.name] = JSON.parse(raw);
          } catch (e) {
            throw new FormError(`${prefix}.${spec.name}`, `${spec.label}: not valid JSON (${e.message})`);
          }
        } else {
          result[spec.name] = raw;
        }
      }
      return result;
    },
  };
}

/** A one-line summary of fields, for lists and previews. */
export function summary(fields) {
  if (!fields) return '';
  return fields.headline ?? fields.title ?? fields.text ?? '';
}
