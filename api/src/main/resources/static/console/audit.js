// The audit log: who changed what and when, newest first, with the before and after.
import { gql } from './api.js';
import { h, fill, field, select, table, when } from './dom.js';

const AUDIT = `query AuditLog($entityType: AuditEntityType, $entityId: ID, $first: Int) {
  auditLog(entityType: $entityType, entityId: $entityId, first: $first) {
    id actor action entityType entityId before after at
  }
}`;

export function auditScreen(root, ui) {
  const type = select({ 'data-testid': 'audit-type' }, [['', 'Everything'], 'CONTENT', 'SEGMENT', 'EXPERIMENT']);
  const id = h('input', { 'data-testid': 'audit-entity', placeholder: 'any' });
  const first = h('input', { type: 'number', min: '1', max: '500', value: '50', 'data-testid': 'audit-first', size: 5 });
  const list = h('div', { id: 'audit-list', 'data-testid': 'audit-list' });

  async function load(event) {
    event?.preventDefault();
    const data = await ui.run(() => gql(AUDIT, {
      entityType: type.value || null,
      entityId: id.value.trim() || null,
      first: Number(first.value) || 50,
    }));
    if (!data) return;
    const rows = data.auditLog.map((entry) => h('tr', { 'data-testid': 'audit-row', dataset: { action: entry.action, entity: entry.entityId } },
      h('td', {}, when(entry.at)),
      h('td', {}, entry.actor),
      h('td', {}, h('code', {}, entry.action)),
      h('td', {}, `${entry.entityType} `, h('code', {}, entry.entityId)),
      h('td', {}, change(entry))));
    fill(list, rows.length
      ? table(['When', 'Who', 'Action', 'What', 'Change'], rows, { class: 'list' })
      : h('p', { class: 'muted' }, 'Nothing recorded.'));
  }

  fill(root,
    h('form', { class: 'toolbar', onsubmit: load },
      h('h2', {}, 'Audit log'),
      field('Type', type), field('Entity id', id), field('Latest', first),
      h('button', { type: 'submit', 'data-testid': 'audit-load' }, 'Show')),
    list);
  load();
  return { refresh: load };
}

function change(entry) {
  if (entry.before === null && entry.after === null) return '';
  return h('details', {},
    h('summary', {}, entry.before === null ? 'created' : entry.after === null ? 'removed' : 'before / after'),
    h('div', { class: 'diff' },
      entry.before !== null ? h('pre', { class: 'before' }, JSON.stringify(entry.before, null, 2)) : null,
      entry.after !== null ? h('pre', { class: 'after' }, JSON.stringify(entry.after, null, 2)) : null));
}
