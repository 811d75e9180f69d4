// Segments: the list with sizes, and a form to build a rule (live validation, size estimate, save).
import { gql } from './api.js';
import { h, fill, field, table, when, percent, debounce } from './dom.js';
import { attributeNames, condition, fromRule, group, markErrors, ruleBuilder, toRule } from './rules.js';

const SEGMENT = 'id name description rule status createdBy createdAt updatedAt';
const ESTIMATE = 'customers matchingWithoutConsent totalCustomers share exact sampled low high note computedAt';

const LIST = `query SegmentDefinitions { segmentDefinitions { ${SEGMENT} } }`;
const SIZES = `query SegmentSizes { segmentDefinitions { id audience { ${ESTIMATE} } } }`;
const VALIDATE = 'query ValidateSegmentRule($rule: JSON!) { validateSegmentRule(rule: $rule) { valid errors { path message } } }';
const ESTIMATE_QUERY = `query EstimateAudience($rule: JSON!) { estimateAudience(rule: $rule) { ${ESTIMATE} } }`;
const CREATE = `mutation CreateSegment($input: CreateSegmentInput!) { createSegment(input: $input) { ${SEGMENT} } }`;
const UPDATE = `mutation UpdateSegment($input: UpdateSegmentInput!) { updateSegment(input: $input) { ${SEGMENT} } }`;
const ARCHIVE = `mutation ArchiveSegment($id: ID!) { archiveSegment(id: $id) { ${SEGMENT} } }`;

export function segmentsScreen(root, ui) {
  const list = h('div', { id: 'segment-list', 'data-testid': 'segment-list' });
  const editor = h('div', { id: 'segment-editor' });
  fill(root,
    h('div', { class: 'toolbar' },
      h('h2', {}, 'Segments'),
      h('button', { type: 'button', 'data-testid': 'new-segment', onclick: () => edit(null) }, 'New segment')),
    editor, list, attributeNames());

  async function loadList() {
    const data = await ui.run(() => gql(LIST));
    if (!data) return;
    const rows = data.segmentDefinitions.map((segment) => h('tr', { 'data-testid': `segment-row-${segment.id}` },
      h('td', {}, h('button', { type: 'button', class: 'link', 'data-testid': `edit-segment-${segment.id}`, onclick: () => edit(segment) }, segment.id)),
      h('td', {}, segment.name, segment.description ? h('div', { class: 'muted' }, segment.description) : null),
      h('td', {}, h('span', { class: `badge ${segment.status.toLowerCase()}` }, segment.status)),
      h('td', { class: 'num', 'data-testid': `segment-size-${segment.id}` }, h('span', { class: 'muted' }, '…')),
      h('td', {}, h('code', { class: 'rule' }, JSON.stringify(segment.rule))),
      h('td', {}, when(segment.updatedAt)),
      h('td', {}, segment.status === 'ACTIVE'
        ? h('button', { type: 'button', class: 'small danger', 'data-testid': `archive-segment-${segment.id}`, onclick: () => archive(segment) }, 'Archive')
        : null)));
    fill(list, table(['Segment', 'Name', 'Status', 'Customers', 'Rule', 'Updated', ''], rows, { class: 'list' }));
    // Sizes evaluate every segment over the customers: fetched after the list shows.
    const sizes = await ui.run(() => gql(SIZES));
    for (const segment of sizes?.segmentDefinitions ?? []) {
      const cell = list.querySelector(`[data-testid="segment-size-${CSS.escape(segment.id)}"]`);
      if (cell) fill(cell, size(segment.audience));
    }
  }

  async function archive(segment) {
    if (!confirm(`Archive ${segment.id}? It matches nobody from then on.`)) return;
    const archived = await ui.run(async () => (await gql(ARCHIVE, { id: segment.id })).archiveSegment);
    if (archived) {
      ui.status(`Archived segment ${archived.id}`);
      loadList();
    }
  }

  function edit(segment) {
    const isNew = !segment;
    const id = h('input', { id: 'segment-id', 'data-testid': 'segment-id', value: segment?.id ?? '', disabled: !isNew, required: true });
    const name = h('input', { id: 'segment-name', 'data-testid': 'segment-name', value: segment?.name ?? '', required: true });
    const description = h('input', { id: 'segment-description', 'data-testid': 'segment-description', value: segment?.description ?? '' });
    const builderEl = h('div', { class: 'builder', 'data-testid': 'rule-builder' });
    const json = h('textarea', { 'data-testid': 'rule-json', rows: 6, spellcheck: 'false' });
    const check = h('div', { class: 'rule-check', 'data-testid': 'rule-check', 'aria-live': 'polite' });
    const estimate = h('div', { class: 'estimate', 'data-testid': 'audience-estimate', 'aria-live': 'polite' });
    let model;
    try {
      model = segment ? fromRule(segment.rule) : group('all', [condition()]);
    } catch (e) {
      model = group('all', []);
      ui.error({ errors: [{ message: `The rule cannot be shown as a form (${e.message}); edit its JSON`, extensions: { code: 'UNSUPPORTED_RULE' } }] });
    }
    let generation = 0;

    const validate = debounce(async () => {
      const mine = ++generation;
      const rule = toRule(model);
      try {
        const result = (await gql(VALIDATE, { rule })).validateSegmentRule;
        if (mine !== generation) return;
        markErrors(builderEl, result.errors);
        fill(check, result.valid
          ? h('span', { class: 'ok', 'data-testid': 'rule-valid' }, '✓ Valid rule')
          : h('ul', { class: 'problems' }, result.errors.map((error) =>
            h('li', { 'data-testid': 'rule-error' }, h('code', {}, error.path), ' ', error.message))));
      } catch (e) {
        if (mine === generation) ui.error(e);
      }
    }, 250);

    const changed = () => {
      json.value = JSON.stringify(toRule(model), null, 2);
      fill(check, h('span', { class: 'muted' }, 'Checking…'));
      estimate.replaceChildren();
      validate();
    };
    ruleBuilder(builderEl, model, changed);

    const useJson = () => {
      try {
        model = fromRule(JSON.parse(json.value));
      } catch (e) {
        ui.error({ errors: [{ message: `That JSON cannot be shown as a form: ${e.message}`, extensions: { code: 'INVALID_FORM' } }] });
        return;
      }
      ruleBuilder(builderEl, model, changed);
    };

    const estimateSize = async () => {
      fill(estimate, h('span', { class: 'muted' }, 'Estimating…'));
      const result = await ui.run(async () => (await gql(ESTIMATE_QUERY, { rule: toRule(model) })).estimateAudience);
      fill(estimate, result ? estimateView(result) : '');
    };

    const save = async (event) => {
      event.preventDefault();
      const input = { id: id.value.trim(), name: name.value.trim(), description: description.value.trim() || null, rule: toRule(model) };
      let saved;
      try {
        saved = isNew ? (await gql(CREATE, { input })).createSegment : (await gql(UPDATE, { input })).updateSegment;
      } catch (e) {
        ui.error(e);
        // Rule errors name their place in the rule: mark it in the form too.
        const ruleErrors = (e.errors ?? []).filter((error) => String(error.extensions?.field ?? '').startsWith('input.rule'))
          .map((error) => ({ path: error.extensions.field, message: error.message }));
        if (ruleErrors.length) markErrors(builderEl, ruleErrors);
        return;
      }
      ui.status(`Saved segment ${saved.id}`);
      editor.replaceChildren();
      loadList();
    };

    fill(editor, h('form', { class: 'card', 'data-testid': 'segment-form', onsubmit: save },
      h('h3', {}, isNew ? 'New segment' : `Edit ${segment.id}`),
      h('div', { class: 'row' },
        field('Id', id, 'lower-case letters, digits, - and _'), field('Name', name), field('Description', description)),
      h('h4', {}, 'Rule'),
      builderEl,
      check,
      h('details', { class: 'json' }, h('summary', {}, 'Rule as JSON'), json,
        h('button', { type: 'button', class: 'small secondary', 'data-testid': 'use-json', onclick: useJson }, 'Use this JSON')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', 'data-testid': 'estimate-size', onclick: estimateSize }, 'Estimate size'),
        h('button', { type: 'submit', class: 'primary', 'data-testid': 'save-segment' }, isNew ? 'Create segment' : 'Save segment'),
        h('button', { type: 'button', class: 'secondary', onclick: () => editor.replaceChildren() }, 'Cancel')),
      estimate));
    (isNew ? id : name).focus();
  }

  loadList();
  return { refresh: loadList };
}

function size(estimate) {
  return h('span', { title: estimate.note },
    `${estimate.customers} `, h('span', { class: 'muted' }, `(${percent(estimate.share)}${estimate.exact ? '' : ', est.'})`));
}

function estimateView(e) {
  return h('div', {},
    h('strong', { 'data-testid': 'estimate-customers' }, `${e.customers}`), ` customers can be targeted (${percent(e.share)} of ${e.totalCustomers})`,
    h('div', { class: 'muted' },
      `${e.matchingWithoutConsent} match with or without consent · `,
      e.exact ? `exact, all ${e.sampled} evaluated` : `estimated from a sample of ${e.sampled}: ${e.low}–${e.high} (95%)`,
      ` · ${when(e.computedAt)}`),
    h('div', { class: 'hint' }, e.note));
}
