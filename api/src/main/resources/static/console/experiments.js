// Experiments: the list, a form to create one (arms, weights, holdout), start and stop, results.
import { gql } from './api.js';
import { h, fill, field, select, table, when, percent } from './dom.js';

const EXPERIMENT = `id name description pageSlug slot status holdoutShare startedAt stoppedAt
  arms { key weight description }`;
const RESULTS = `results { control method computedAt
  arms { arm isControl exposures conversions conversionRate lift liftInterval { low high level } } }`;

const LIST = `query ExperimentDefinitions { experimentDefinitions { ${EXPERIMENT} } }`;
const ONE = `query ExperimentResults($id: ID!) { experimentDefinition(id: $id) { ${EXPERIMENT} ${RESULTS} } }`;
const LAYOUTS = 'query PageLayouts { pageLayouts { slug slots { name } } }';
const CREATE = `mutation CreateExperiment($input: CreateExperimentInput!) { createExperiment(input: $input) { ${EXPERIMENT} } }`;
const START = `mutation StartExperiment($id: ID!) { startExperiment(id: $id) { ${EXPERIMENT} } }`;
const STOP = `mutation StopExperiment($id: ID!) { stopExperiment(id: $id) { ${EXPERIMENT} } }`;

export function experimentsScreen(root, ui) {
  const list = h('div', { id: 'experiment-list', 'data-testid': 'experiment-list' });
  const creator = h('div', { id: 'experiment-creator' });
  const results = h('div', { id: 'experiment-results', 'data-testid': 'experiment-results' });
  fill(root,
    h('div', { class: 'toolbar' },
      h('h2', {}, 'Experiments'),
      h('button', { type: 'button', 'data-testid': 'new-experiment', onclick: () => openCreator() }, 'New experiment')),
    creator, list, results);

  async function loadList() {
    const data = await ui.run(() => gql(LIST));
    if (!data) return;
    const rows = data.experimentDefinitions.map((e) => h('tr', { 'data-testid': `experiment-row-${e.id}` },
      h('td', {}, h('code', {}, e.id)),
      h('td', {}, e.name, e.description ? h('div', { class: 'muted' }, e.description) : null),
      h('td', {}, `${e.pageSlug} / ${e.slot}`),
      h('td', {}, h('span', { class: `badge ${e.status.toLowerCase()}`, 'data-testid': `experiment-status-${e.id}` }, e.status)),
      h('td', {}, e.arms.map((arm) => `${arm.key} ${arm.weight}%`).join(' · ')),
      h('td', { class: 'num' }, percent(e.holdoutShare)),
      h('td', {}, when(e.startedAt)),
      h('td', {}, when(e.stoppedAt)),
      h('td', { class: 'row-actions' },
        e.status === 'DRAFT' ? h('button', { type: 'button', class: 'small primary', 'data-testid': `start-${e.id}`, onclick: () => change(START, e, 'Started') }, 'Start') : null,
        e.status === 'RUNNING' ? h('button', { type: 'button', class: 'small danger', 'data-testid': `stop-${e.id}`, onclick: () => change(STOP, e, 'Stopped') }, 'Stop') : null,
        h('button', { type: 'button', class: 'small secondary', 'data-testid': `results-${e.id}`, onclick: () => showResults(e.id) }, 'Results'))));
    fill(list, rows.length
      ? table(['Id', 'Name', 'Page / slot', 'Status', 'Arms', 'Holdout', 'Started', 'Stopped', ''], rows, { class: 'list' })
      : h('p', { class: 'muted' }, 'No experiments.'));
  }

  async function change(mutation, experiment, verb) {
    if (verb === 'Stopped' && !confirm(`Stop ${experiment.id}? Its results stay readable.`)) return;
    const changed = await ui.run(async () => Object.values(await gql(mutation, { id: experiment.id }))[0]);
    if (!changed) return;
    ui.status(`${verb} experiment ${changed.id}`);
    loadList();
  }

  async function showResults(id) {
    const data = await ui.run(() => gql(ONE, { id }));
    const e = data?.experimentDefinition;
    if (!e) return;
    const r = e.results;
    const rows = r.arms.map((arm) => h('tr', { 'data-testid': `result-${arm.arm ?? 'holdout'}` },
      h('td', {}, arm.arm ?? 'holdout', arm.isControl ? h('span', { class: 'badge' }, 'control') : null),
      h('td', { class: 'num' }, arm.exposures),
      h('td', { class: 'num' }, arm.conversions),
      h('td', { class: 'num' }, percent(arm.conversionRate)),
      h('td', { class: 'num' }, arm.lift === null ? '—' : signed(arm.lift)),
      h('td', { class: 'num' }, arm.liftInterval
        ? `${signed(arm.liftInterval.low)} to ${signed(arm.liftInterval.high)} (${Math.round(arm.liftInterval.level * 100)}%)`
        : '—')));
    fill(results, h('div', { class: 'card' },
      h('h3', {}, `Results: ${e.name} `, h('code', {}, e.id)),
      h('p', { class: 'muted' }, `${e.status} · control: ${r.control} · computed ${when(r.computedAt)}`),
      table(['Arm', 'Exposures', 'Conversions', 'Rate', 'Lift', 'Lift interval'], rows, { class: 'list' }),
      h('p', { class: 'hint' }, r.method)));
  }

  async function openCreator() {
    const layouts = (await ui.run(() => gql(LAYOUTS)))?.pageLayouts ?? [];
    const id = h('input', { 'data-testid': 'experiment-id', required: true });
    const name = h('input', { 'data-testid': 'experiment-name', required: true });
    const description = h('input', { 'data-testid': 'experiment-description' });
    const page = select({ 'data-testid': 'experiment-page' }, layouts.map((l) => l.slug));
    const slot = select({ 'data-testid': 'experiment-slot' }, []);
    const slots = () => fill(slot, (layouts.find((l) => l.slug === page.value)?.slots ?? []).map((s) => h('option', { value: s.name }, s.name)));
    slots();
    page.addEventListener('change', slots);
    const holdout = h('input', { type: 'number', min: '0', max: '99', step: '1', value: '10', 'data-testid': 'experiment-holdout' });
    const armsEl = h('div', { class: 'arms', 'data-testid': 'experiment-arms' });
    const total = h('span', { class: 'muted', 'data-testid': 'weights-total' });
    const sum = () => {
      const weights = Array.from(armsEl.querySelectorAll('[data-testid="arm-weight"]'), (input) => Number(input.value) || 0);
      const value = weights.reduce((a, b) => a + b, 0);
      total.textContent = `Weights add up to ${value}${value === 100 ? '' : ' (need 100)'}`;
      total.classList.toggle('bad', value !== 100);
    };
    const addArm = (key, weight) => {
      const row = h('div', { class: 'row arm' },
        field('Arm key', h('input', { 'data-testid': 'arm-key', value: key, required: true })),
        field('Weight %', h('input', { type: 'number', min: '1', max: '100', 'data-testid': 'arm-weight', value: String(weight), oninput: sum })),
        field('Description', h('input', { 'data-testid': 'arm-description' })),
        h('button', { type: 'button', class: 'small secondary', 'data-testid': 'remove-arm', onclick: () => { row.remove(); sum(); } }, '×'));
      armsEl.append(row);
      sum();
    };
    addArm('A', 50);
    addArm('B', 50);
    const submit = async (event) => {
      event.preventDefault();
      const arms = Array.from(armsEl.querySelectorAll('.arm'), (row) => ({
        key: row.querySelector('[data-testid="arm-key"]').value.trim(),
        weight: Number(row.querySelector('[data-testid="arm-weight"]').value),
        description: row.querySelector('[data-testid="arm-description"]').value.trim() || null,
      }));
      const created = await ui.run(async () => (await gql(CREATE, {
        input: {
          id: id.value.trim(),
          name: name.value.trim(),
          description: description.value.trim() || null,
          pageSlug: page.value,
          slot: slot.value,
          holdoutShare: (Number(holdout.value) || 0) / 100,
          arms,
        },
      })).createExperiment);
      if (!created) return;
      creator.replaceChildren();
      ui.status(`Created experiment ${created.id} as a draft: attach variants to its arms in Content, then start it`);
      loadList();
    };
    fill(creator, h('form', { class: 'card', 'data-testid': 'experiment-form', onsubmit: submit },
      h('h3', {}, 'New experiment'),
      h('div', { class: 'row' },
        field('Id', id), field('Name', name), field('Description', description),
        field('Page', page), field('Slot', slot), field('Holdout %', holdout, 'see the default; the control')),
      h('h4', {}, 'Arms'), armsEl, total,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'add-arm', onclick: () => addArm(String.fromCharCode(65 + armsEl.children.length), 0) }, 'Add arm'),
        h('button', { type: 'submit', class: 'primary', 'data-testid': 'create-experiment' }, 'Create draft'),
        h('button', { type: 'button', class: 'secondary', onclick: () => creator.replaceChildren() }, 'Cancel'))));
  }

  loadList();
  return { refresh: loadList };
}

function signed(share) {
  const value = (share * 100).toFixed(1);
  return `${share > 0 ? '+' : ''}${value}%`;
}
