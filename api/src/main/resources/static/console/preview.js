// Preview: a page as an audience (segments, a persona, a customer id or signed out) beside the
// signed-out default, each slot with its variant and reasons.
import { gql } from './api.js';
import { h, fill, field, select, fromLocalInput, when } from './dom.js';

const CHOICES = `query PreviewChoices {
  pageLayouts { slug }
  segmentDefinitions(status: ACTIVE) { id name }
  personas { id name description segments { id name } }
}`;

const PREVIEW_FIELDS = `slug mode audience at
  segments { id name }
  reasons { code text }
  greeting { kind text reasons { code text } }
  slots {
    name variant
    experiment { experimentId arm inControlGroup }
    reasons { code text }
    content {
      __typename id type version
      ... on HeroContent { headline subheadline ctaLabel ctaUrl imageUrl }
      ... on BannerContent { text linkUrl }
      ... on OfferContent { title description code discountPercent validUntil }
      ... on ArticleContent { title summary url }
      ... on CarouselContent { title items { title linkUrl } }
    }
  }`;

const PREVIEW = `query PreviewPage($slug: String!, $as: PreviewAudience!, $at: DateTime, $includeDrafts: Boolean, $context: PageContext) {
  chosen: previewPage(slug: $slug, as: $as, at: $at, includeDrafts: $includeDrafts, context: $context) { ${PREVIEW_FIELDS} }
  fallback: previewPage(slug: $slug, as: { signedOut: true }, at: $at, includeDrafts: $includeDrafts, context: $context) { ${PREVIEW_FIELDS} }
}`;

const MODES = [['segments', 'Segments'], ['persona', 'Persona'], ['customerId', 'Customer id'], ['signedOut', 'Signed out']];

export function previewScreen(root, ui) {
  const slug = select({ id: 'preview-slug', 'data-testid': 'preview-slug' }, ['home']);
  const modeEl = h('div', { class: 'modes', 'data-testid': 'preview-mode' });
  const segmentsEl = h('div', { class: 'checklist', 'data-testid': 'preview-segments' });
  const persona = select({ 'data-testid': 'preview-persona' }, []);
  const customer = h('input', { 'data-testid': 'preview-customer', placeholder: 'e.g. demo-1' });
  const at = h('input', { type: 'datetime-local', 'data-testid': 'preview-at' });
  const drafts = h('input', { type: 'checkbox', 'data-testid': 'preview-drafts' });
  const channel = select({ 'data-testid': 'preview-channel' }, ['WEB', 'APP', 'WATCH', 'KIOSK', 'STORE']);
  const locale = h('input', { 'data-testid': 'preview-locale', placeholder: 'e.g. fr', size: 8 });
  const result = h('div', { id: 'preview-result', 'data-testid': 'preview-result', class: 'side-by-side' });
  const audienceFields = {
    segments: field('Segments', segmentsEl, 'a customer in exactly these, with consent'),
    persona: field('Persona', persona),
    customerId: field('Customer id', customer, 'their segments and decisions, no personal data'),
    signedOut: h('p', { class: 'muted' }, 'A signed-out visitor: the default page.'),
  };
  let mode = 'segments';
  const showMode = () => {
    for (const [key, el] of Object.entries(audienceFields)) el.hidden = key !== mode;
  };
  fill(modeEl, MODES.map(([value, label]) => {
    const radio = h('input', { type: 'radio', name: 'preview-mode', value, checked: value === mode, 'data-testid': `preview-as-${value}` });
    radio.addEventListener('change', () => { mode = value; showMode(); });
    return h('label', { class: 'check' }, radio, ` ${label}`);
  }));
  showMode();

  const run = async (event) => {
    event.preventDefault();
    const as = {};
    if (mode === 'segments') as.segments = Array.from(segmentsEl.querySelectorAll('input:checked'), (box) => box.value);
    if (mode === 'persona') as.persona = persona.value;
    if (mode === 'customerId') as.customerId = customer.value.trim();
    if (mode === 'signedOut') as.signedOut = true;
    fill(result, h('p', { class: 'muted' }, 'Deciding…'));
    const data = await ui.run(() => gql(PREVIEW, {
      slug: slug.value,
      as,
      at: fromLocalInput(at.value),
      includeDrafts: drafts.checked,
      context: { channel: channel.value, locale: locale.value.trim() || null },
    }));
    if (!data) {
      result.replaceChildren();
      return;
    }
    ui.clear();
    fill(result,
      column(data.chosen, 'preview-chosen', data.fallback),
      column(data.fallback, 'preview-default', null, 'Default (signed out)'));
  };

  fill(root,
    h('h2', {}, 'Preview'),
    h('form', { class: 'card', 'data-testid': 'preview-form', onsubmit: run },
      h('div', { class: 'row' }, field('Page', slug), field('Preview as', modeEl)),
      Object.values(audienceFields),
      h('div', { class: 'row' },
        field('At', at, 'blank: now'),
        field('Channel', channel), field('Locale', locale),
        h('label', { class: 'check' }, drafts, ' include drafts')),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', 'data-testid': 'run-preview' }, 'Preview'))),
    result);

  async function loadChoices() {
    const data = await ui.run(() => gql(CHOICES));
    if (!data) return;
    const chosenSlug = slug.value;
    fill(slug, data.pageLayouts.map((layout) => h('option', { value: layout.slug, selected: layout.slug === chosenSlug }, layout.slug)));
    const ticked = new Set(Array.from(segmentsEl.querySelectorAll('input:checked'), (box) => box.value));
    fill(segmentsEl, data.segmentDefinitions.map((segment) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: segment.id, checked: ticked.has(segment.id), 'data-testid': `preview-segment-${segment.id}` }),
      ` ${segment.name}`)));
    fill(persona, data.personas.map((p) => h('option', { value: p.id, title: p.description },
      `${p.name}${p.segments.length ? ` (${p.segments.map((s) => s.name).join(', ')})` : ''}`)));
  }

  loadChoices();
  return { refresh: loadChoices };
}

/** One decided page: its audience, mode and reasons, then each slot. `other` marks slots that differ. */
function column(page, testid, other, title) {
  return h('div', { class: 'column', 'data-testid': testid },
    h('h3', {}, title ?? page.audience),
    h('p', { class: 'muted' }, `${page.mode} · decided for ${when(page.at)}`),
    page.segments.length ? h('p', {}, 'Segments: ', page.segments.map((s) => s.name).join(', ')) : null,
    h('p', { class: 'greeting' }, `${page.greeting.kind}: ${page.greeting.text}`),
    reasons(page.reasons),
    page.slots.map((slot) => {
      const differs = other && other.slots.find((s) => s.name === slot.name)?.variant !== slot.variant;
      return h('div', { class: `slot${differs ? ' differs' : ''}`, 'data-testid': `slot-${slot.name}`, dataset: { variant: slot.variant ?? '' } },
        h('div', { class: 'slot-head' },
          h('strong', {}, slot.name), ' ',
          slot.variant ? h('code', { 'data-testid': 'slot-variant' }, slot.variant) : h('span', { class: 'muted' }, 'nothing'),
          slot.experiment ? h('span', { class: 'badge' },
            `${slot.experiment.experimentId}: ${slot.experiment.inControlGroup ? 'holdout' : slot.experiment.arm}`) : null),
        contentView(slot.content),
        reasons(slot.reasons));
    }));
}

function contentView(content) {
  if (!content) return null;
  const lines = {
    HeroContent: [content.headline, content.subheadline, content.ctaLabel && `[${content.ctaLabel}] → ${content.ctaUrl ?? ''}`],
    BannerContent: [content.text, content.linkUrl],
    OfferContent: [content.title, content.description, content.code && `code ${content.code}`,
      content.discountPercent && `${content.discountPercent}% off`, content.validUntil && `until ${content.validUntil}`],
    ArticleContent: [content.title, content.summary, content.url],
    CarouselContent: [content.title, content.items?.map((item) => item.title).join(' · ')],
  }[content.__typename] ?? [];
  const [first, ...rest] = lines.filter(Boolean);
  return h('div', { class: 'content' },
    h('div', { class: 'headline', 'data-testid': 'slot-headline' }, first ?? ''),
    rest.map((line) => h('div', { class: 'muted' }, line)),
    h('div', { class: 'hint' }, `${content.id} v${content.version}`));
}

function reasons(list) {
  return h('ul', { class: 'reasons' }, (list ?? []).map((reason) =>
    h('li', { 'data-testid': 'reason', dataset: { code: reason.code } }, h('code', {}, reason.code), ' ', reason.text)));
}
