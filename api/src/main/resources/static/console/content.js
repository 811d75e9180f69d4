// Content: entries by page with their status; one entry's draft as a form (shared fields, schedule,
// variants with audience, priority, locale, schedule and experiment arm); save, publish, unpublish,
// archive; its versions.
import { gql } from './api.js';
import { h, fill, field, select, table, when, toLocalInput, fromLocalInput } from './dom.js';
import { CONTENT_TYPES, fieldsForm, summary } from './fields.js';

const VERSION = `
  version fields startsAt endsAt createdBy createdAt publishedAt
  variants { key audience { id name } priority locale startsAt endsAt experimentId experimentArm fields }`;

const ENTRY = `
  id pageSlug slot type name status source externalId publishedVersion createdAt updatedAt
  published { ${VERSION} }
  draft { ${VERSION} }
  versions { ${VERSION} }`;

const LAYOUTS = 'query PageLayouts { pageLayouts { slug slots { name position description } } }';

const ENTRIES = `query ContentEntries($pageSlug: String, $status: ContentStatus) {
  contentEntries(pageSlug: $pageSlug, status: $status) {
    id pageSlug slot type name status source publishedVersion updatedAt draft { version }
  }
}`;

const ENTRY_QUERY = `query ContentEntry($id: ID!) { contentEntry(id: $id) { ${ENTRY} } }`;

const CHOICES = `query TargetingChoices($pageSlug: String) {
  segmentDefinitions(status: ACTIVE) { id name }
  experimentDefinitions(pageSlug: $pageSlug) { id name slot status arms { key } }
}`;

const CREATE = `mutation CreateContentEntry($input: CreateContentEntryInput!) { createContentEntry(input: $input) { ${ENTRY} } }`;
const UPDATE = `mutation UpdateContentDraft($input: UpdateContentDraftInput!) { updateContentDraft(input: $input) { ${ENTRY} } }`;
const PUBLISH = `mutation PublishContentEntry($id: ID!) { publishContentEntry(id: $id) { ${ENTRY} } }`;
const UNPUBLISH = `mutation UnpublishContentEntry($id: ID!) { unpublishContentEntry(id: $id) { ${ENTRY} } }`;
const ARCHIVE = `mutation ArchiveContentEntry($id: ID!) { archiveContentEntry(id: $id) { ${ENTRY} } }`;

export function contentScreen(root, ui) {
  let layouts = [];
  const pageFilter = select({ id: 'content-page', 'data-testid': 'content-page' }, [['', 'All pages']]);
  const statusFilter = select({ id: 'content-status', 'data-testid': 'content-status' },
    [['', 'Any status'], 'DRAFT', 'PUBLISHED', 'ARCHIVED']);
  const list = h('div', { id: 'content-list', 'data-testid': 'content-list' });
  const editor = h('div', { id: 'entry-editor', 'data-testid': 'entry-editor' });
  const creator = h('div', { id: 'entry-creator' });

  fill(root,
    h('div', { class: 'toolbar' },
      h('h2', {}, 'Content'),
      field('Page', pageFilter),
      field('Status', statusFilter),
      h('button', { type: 'button', 'data-testid': 'new-entry', onclick: () => openCreator() }, 'New entry')),
    creator, list, editor);

  pageFilter.addEventListener('change', () => loadList());
  statusFilter.addEventListener('change', () => loadList());

  async function loadLayouts() {
    const data = await ui.run(() => gql(LAYOUTS));
    if (!data) return;
    layouts = data.pageLayouts;
    const chosen = pageFilter.value;
    fill(pageFilter, h('option', { value: '' }, 'All pages'),
      layouts.map((layout) => h('option', { value: layout.slug, selected: layout.slug === chosen }, layout.slug)));
  }

  async function loadList() {
    const data = await ui.run(() => gql(ENTRIES, {
      pageSlug: pageFilter.value || null,
      status: statusFilter.value || null,
    }));
    if (!data) return;
    const rows = data.contentEntries.map((entry) => h('tr', { 'data-testid': `entry-row-${entry.id}` },
      h('td', {}, h('button', { type: 'button', class: 'link', 'data-testid': `open-entry-${entry.id}`, onclick: () => openEntry(entry.id) }, entry.id)),
      h('td', {}, entry.name),
      h('td', {}, `${entry.pageSlug} / ${entry.slot}`),
      h('td', {}, entry.type),
      h('td', {}, h('span', { class: `badge ${entry.status.toLowerCase()}` }, entry.status),
        entry.draft ? h('span', { class: 'badge draft' }, `draft v${entry.draft.version}`) : null),
      h('td', {}, entry.publishedVersion ?? ''),
      h('td', {}, entry.source),
      h('td', {}, when(entry.updatedAt))));
    fill(list, rows.length
      ? table(['Entry', 'Name', 'Page / slot', 'Type', 'Status', 'Live version', 'Source', 'Updated'], rows, { class: 'list' })
      : h('p', { class: 'muted' }, 'No entries.'));
  }

  async function openCreator() {
    if (!layouts.length) await loadLayouts();
    const id = h('input', { 'data-testid': 'new-entry-id', required: true, pattern: '[a-z0-9_-]{1,64}' });
    const name = h('input', { 'data-testid': 'new-entry-name', required: true });
    const page = select({ 'data-testid': 'new-entry-page' }, layouts.map((layout) => layout.slug), pageFilter.value);
    const slot = select({ 'data-testid': 'new-entry-slot' }, []);
    const type = select({ 'data-testid': 'new-entry-type' }, CONTENT_TYPES);
    const fieldsHolder = h('div');
    let form = fieldsForm(type.value, {}, { prefix: 'input.fields', testid: 'new-entry-field' });
    const slots = () => fill(slot, (layouts.find((layout) => layout.slug === page.value)?.slots ?? [])
      .map((s) => h('option', { value: s.name }, s.name)));
    slots();
    fill(fieldsHolder, form.el);
    page.addEventListener('change', slots);
    type.addEventListener('change', () => {
      form = fieldsForm(type.value, {}, { prefix: 'input.fields', testid: 'new-entry-field' });
      fill(fieldsHolder, form.el);
    });
    const submit = async (event) => {
      event.preventDefault();
      const entry = await ui.run(async () => (await gql(CREATE, {
        input: {
          id: id.value.trim(),
          pageSlug: page.value,
          slot: slot.value,
          type: type.value,
          name: name.value.trim(),
          fields: form.read(),
          variants: [{ key: 'default', audience: [], priority: 0, fields: {} }],
        },
      })).createContentEntry);
      if (!entry) return;
      creator.replaceChildren();
      ui.status(`Created ${entry.id} (draft v${entry.draft?.version ?? 1})`);
      await loadList();
      await renderEntry(entry);
    };
    fill(creator, h('form', { class: 'card', 'data-testid': 'new-entry-form', onsubmit: submit },
      h('h3', {}, 'New entry'),
      h('div', { class: 'row' },
        field('Id', id, 'lower-case letters, digits, - and _'), field('Name', name),
        field('Page', page), field('Slot', slot), field('Type', type)),
      h('h4', {}, 'Fields'), fieldsHolder,
      h('p', { class: 'hint' }, 'The entry starts as a draft with one variant for everyone; add targeted variants after.'),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', 'data-testid': 'create-entry' }, 'Create draft'),
        h('button', { type: 'button', class: 'secondary', onclick: () => creator.replaceChildren() }, 'Cancel'))));
  }

  async function openEntry(id) {
    const data = await ui.run(() => gql(ENTRY_QUERY, { id }));
    if (!data) return;
    if (!data.contentEntry) {
      ui.error({ errors: [{ message: `No content entry ${id}`, extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    await renderEntry(data.contentEntry);
  }

  async function renderEntry(entry) {
    const choices = await ui.run(() => gql(CHOICES, { pageSlug: entry.pageSlug }));
    if (!choices) return;
    const segments = choices.segmentDefinitions;
    const experiments = choices.experimentDefinitions.filter((e) => e.slot === entry.slot);
    const working = entry.draft ?? entry.published ?? entry.versions[0];
    const readOnly = entry.status === 'ARCHIVED';
    let dirty = false;

    const name = h('input', { id: 'entry-name', 'data-testid': 'entry-name', value: entry.name, disabled: readOnly });
    const shared = fieldsForm(entry.type, working?.fields ?? {}, { prefix: 'input.fields', testid: 'shared-field' });
    const startsAt = h('input', { type: 'datetime-local', 'data-testid': 'entry-starts', value: toLocalInput(working?.startsAt) });
    const endsAt = h('input', { type: 'datetime-local', 'data-testid': 'entry-ends', value: toLocalInput(working?.endsAt) });
    const variantsEl = h('div', { id: 'variants', 'data-testid': 'variants', class: 'variants' });
    const cards = [];

    function addVariant(variant) {
      const card = variantCard(entry, variant, segments, experiments, shared, () => {
        cards.splice(cards.indexOf(card), 1);
        card.el.remove();
        dirty = true;
      });
      cards.push(card);
      variantsEl.append(card.el);
      return card;
    }
    for (const variant of working?.variants ?? []) addVariant(variant);

    const readDraft = () => ({
      id: entry.id,
      name: name.value.trim() || null,
      fields: shared.read(),
      startsAt: fromLocalInput(startsAt.value),
      endsAt: fromLocalInput(endsAt.value),
      variants: cards.map((card, index) => card.read(index)),
    });

    async function act(mutation, verb, needsSave) {
      const updated = await ui.run(async () => {
        if (needsSave && dirty) {
          await gql(UPDATE, { input: readDraft() });
        }
        const data = await gql(mutation, mutation === UPDATE ? { input: readDraft() } : { id: entry.id });
        return Object.values(data)[0];
      });
      if (!updated) return;
      await renderEntry(updated);
      const version = verb === 'Published' ? updated.publishedVersion : updated.draft?.version;
      ui.status(`${verb} ${updated.id}${version ? ` version ${version}` : ''}`);
      loadList();
    }

    const actions = h('div', { class: 'actions' },
      h('button', { type: 'button', 'data-testid': 'add-variant', disabled: readOnly,
        onclick: () => { dirty = true; addVariant(null).focus(); } }, 'Add variant'),
      h('button', { type: 'button', 'data-testid': 'save-draft', disabled: readOnly, onclick: () => act(UPDATE, 'Saved draft of') }, 'Save draft'),
      h('button', { type: 'button', 'data-testid': 'publish', class: 'primary', disabled: readOnly,
        onclick: () => act(PUBLISH, 'Published', true) }, 'Save and publish'),
      h('button', { type: 'button', 'data-testid': 'unpublish', class: 'secondary',
        disabled: readOnly || entry.status !== 'PUBLISHED', onclick: () => act(UNPUBLISH, 'Unpublished') }, 'Unpublish'),
      h('button', { type: 'button', 'data-testid': 'archive', class: 'danger', disabled: readOnly,
        onclick: () => { if (confirm(`Archive ${entry.id}? It leaves every page and becomes read-only.`)) act(ARCHIVE, 'Archived'); } }, 'Archive'));

    const form = h('div', { class: 'card', dataset: { entry: entry.id } },
      h('div', { class: 'entry-head' },
        h('h3', {}, entry.name, ' ', h('code', {}, entry.id)),
        h('span', { class: `badge ${entry.status.toLowerCase()}`, 'data-testid': 'entry-status' }, entry.status),
        entry.publishedVersion ? h('span', { class: 'badge' }, `live v${entry.publishedVersion}`) : null,
        entry.draft ? h('span', { class: 'badge draft' }, `draft v${entry.draft.version}`) : null,
        h('span', { class: 'muted' }, ` ${entry.pageSlug} / ${entry.slot} · ${entry.type} · ${entry.source}`,
          entry.externalId ? ` · CMS id ${entry.externalId}` : '')),
      readOnly ? h('p', { class: 'hint' }, 'Archived: read-only.') : null,
      h('div', { class: 'row' }, field('Name', name), field('Starts', startsAt, 'blank: at once'), field('Ends', endsAt, 'blank: never')),
      h('h4', {}, 'Shared fields'), shared.el,
      h('h4', {}, 'Variants ', h('span', { class: 'hint' }, 'the highest priority among the eligible wins; blank fields inherit the shared ones')),
      variantsEl, actions,
      versionsTable(entry));
    form.addEventListener('input', () => { dirty = true; });
    form.addEventListener('change', () => { dirty = true; });
    fill(editor, form);
    editor.scrollIntoView({ block: 'start' });
  }

  loadLayouts().then(loadList);
  return { refresh: loadList };
}

/** One variant as a card: key, audience checkboxes, priority, locale, schedule, experiment arm, fields. */
function variantCard(entry, variant, segments, experiments, shared, remove) {
  const v = variant ?? { key: '', audience: [], priority: 0, fields: {} };
  const chosen = new Set((v.audience ?? []).map((s) => s.id));
  const key = h('input', { 'data-testid': 'variant-key', value: v.key, placeholder: 'e.g. gold', required: true });
  const audience = h('div', { class: 'checklist', 'data-testid': 'variant-audience' },
    segments.length ? null : h('span', { class: 'muted' }, 'No active segments'),
    // An archived segment still in the audience stays listed so that saving does not drop it silently.
    [...segments, ...(v.audience ?? []).filter((s) => !segments.some((a) => a.id === s.id))].map((segment) =>
      h('label', { class: 'check' },
        h('input', { type: 'checkbox', value: segment.id, checked: chosen.has(segment.id), 'data-testid': `audience-${segment.id}` }),
        ` ${segment.name}`)));
  const priority = h('input', { type: 'number', 'data-testid': 'variant-priority', value: String(v.priority ?? 0) });
  const locale = h('input', { 'data-testid': 'variant-locale', value: v.locale ?? '', placeholder: 'every locale' });
  const startsAt = h('input', { type: 'datetime-local', 'data-testid': 'variant-starts', value: toLocalInput(v.startsAt) });
  const endsAt = h('input', { type: 'datetime-local', 'data-testid': 'variant-ends', value: toLocalInput(v.endsAt) });
  const knownExperiment = experiments.some((e) => e.id === v.experimentId);
  const experiment = select({ 'data-testid': 'variant-experiment' },
    [['', 'No experiment'], ...experiments.map((e) => [e.id, `${e.name} (${e.status})`]),
      ...(v.experimentId && !knownExperiment ? [[v.experimentId, v.experimentId]] : [])], v.experimentId ?? '');
  const arm = select({ 'data-testid': 'variant-arm' }, []);
  const arms = () => {
    const found = experiments.find((e) => e.id === experiment.value);
    const keys = found ? found.arms.map((a) => a.key) : v.experimentArm ? [v.experimentArm] : [];
    fill(arm, h('option', { value: '' }, found || v.experimentArm ? 'Arm…' : '—'),
      keys.map((k) => h('option', { value: k, selected: k === v.experimentArm }, k)));
    arm.disabled = !experiment.value;
  };
  arms();
  experiment.addEventListener('change', arms);
  const fields = fieldsForm(entry.type, v.fields ?? {}, { prefix: 'input.variants.fields', inherited: shared.read ? safeRead(shared) : {}, testid: 'variant-field' });
  const el = h('fieldset', { class: 'variant', 'data-testid': 'variant-card', dataset: { key: v.key } },
    h('legend', {}, v.key ? `Variant ${v.key}` : 'New variant'),
    h('div', { class: 'row' },
      field('Key', key), field('Priority', priority, 'higher wins'), field('Locale', locale),
      field('Starts', startsAt), field('Ends', endsAt),
      field('Experiment', experiment), field('Arm', arm)),
    field('Audience', audience, 'none ticked: everyone'),
    fields.el,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'danger small', 'data-testid': 'remove-variant', onclick: remove }, 'Remove variant')));
  key.addEventListener('input', () => { el.dataset.key = key.value.trim(); });
  return {
    el,
    focus() { key.focus(); },
    read(index) {
      const raw = priority.value.trim();
      return {
        key: key.value.trim(),
        audience: Array.from(audience.querySelectorAll('input:checked'), (box) => box.value),
        priority: /^-?\d+$/.test(raw) ? Number(raw) : 0,
        locale: locale.value.trim() || null,
        startsAt: fromLocalInput(startsAt.value),
        endsAt: fromLocalInput(endsAt.value),
        experimentId: experiment.value || null,
        experimentArm: arm.value || null,
        fields: readFields(fields, index),
      };
    },
  };
}

function safeRead(form) {
  try {
    return form.read();
  } catch {
    return {};
  }
}

function readFields(form, index) {
  try {
    return form.read();
  } catch (e) {
    if (e.errors) e.errors[0].extensions.field = e.errors[0].extensions.field.replace('variants', `variants[${index}]`);
    throw e;
  }
}

function versionsTable(entry) {
  const rows = entry.versions.map((version) => {
    const state = version.version === entry.draft?.version && !version.publishedAt ? 'draft'
      : version.version === entry.publishedVersion ? 'live' : version.publishedAt ? 'earlier' : 'draft';
    return h('tr', { 'data-testid': `version-${version.version}` },
      h('td', {}, `v${version.version}`),
      h('td', {}, h('span', { class: `badge ${state === 'live' ? 'published' : state}` }, state)),
      h('td', {}, version.variants.map((variant) => `${variant.key} (${variant.priority})`).join(', ')),
      h('td', {}, summary(version.fields) || summary(version.variants[0]?.fields)),
      h('td', {}, version.createdBy ?? ''),
      h('td', {}, when(version.createdAt)),
      h('td', {}, when(version.publishedAt)),
      h('td', {}, h('details', {}, h('summary', {}, 'JSON'),
        h('pre', {}, JSON.stringify({ fields: version.fields, startsAt: version.startsAt, endsAt: version.endsAt, variants: version.variants }, null, 2)))));
  });
  return h('div', { class: 'versions', 'data-testid': 'versions' },
    h('h4', {}, 'Versions'),
    table(['Version', 'State', 'Variants (priority)', 'Headline / title', 'By', 'Created', 'Published', ''], rows, { class: 'list' }));
}
