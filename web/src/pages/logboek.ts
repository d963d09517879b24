// Logboek (beheerder): the audit log of reads of personal data, BSN searches and failed logins,
// newest first, optionally for one pupil or one user, with the same selection as a CSV download
// (the server writes the file).
import { api, auditUrl, type AuditFilter } from '../api';
import { formatDateTime } from '../format';
import { getLang, roleLabel, t, type TextKey } from '../i18n';
import type { AuditEntry } from '../types';
import { clear, el } from '../ui/dom';
import { type BaseContext, errorText } from './page';

/** The server lists at most this many entries; the CSV has all of them. */
const AUDIT_LIST_LIMIT = 1000;

const COLUMNS: Array<[TextKey, (e: AuditEntry) => string | Node]> = [
  ['colTijdstip', (e) => el('time', { datetime: e.tijdstip }, formatDateTime(e.tijdstip, getLang()))],
  ['colGebruiker', (e) => e.gebruiker],
  ['colRol', (e) => roleLabel(e.rol)],
  ['colActie', (e) => e.actie],
  ['colLeerling', (e) => (e.leerling_id ? el('code', {}, e.leerling_id) : '–')],
  ['colBron', (e) => e.bron || '–'],
  ['colDetail', (e) => e.detail || '–'],
  ['colAdres', (e) => e.adres || '–'],
];

function auditTable(entries: readonly AuditEntry[]): HTMLElement {
  return el(
    'div',
    { class: 'table-scroll' },
    el(
      'table',
      { class: 'data-table audit-table' },
      el('caption', {}, t('logboekCaption')),
      el('thead', {}, el('tr', {}, ...COLUMNS.map(([key]) => el('th', { scope: 'col' }, t(key))))),
      el('tbody', {}, ...entries.map((entry) => el('tr', { 'data-audit-id': entry.id }, ...COLUMNS.map(([, value]) => el('td', {}, value(entry)))))),
    ),
  );
}

async function showEntries(target: HTMLElement, filter: AuditFilter): Promise<void> {
  clear(target);
  const status = el('p', { class: 'loading', role: 'status' }, t('loading'));
  target.append(status);
  let entries: AuditEntry[];
  try {
    entries = await api.audit(filter);
  } catch (error) {
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = `${t('errorPrefix')}: ${errorText(error)}`;
    return;
  }
  status.remove();
  target.append(
    el('p', { class: 'toolbar' }, el('a', { href: auditUrl(filter, true), download: true, class: 'download-audit' }, `⤓ ${t('downloadAuditCsv')}`)),
  );
  if (entries.length >= AUDIT_LIST_LIMIT) target.append(el('p', { class: 'note-limit' }, t('logboekLimited', { aantal: String(entries.length) })));
  target.append(entries.length ? auditTable(entries) : el('p', { class: 'empty' }, t('logboekEmpty')));
}

export async function renderLogboek(root: HTMLElement, context: BaseContext): Promise<void> {
  const filter: AuditFilter = { leerling: context.query.get('leerling') ?? '', gebruiker: context.query.get('gebruiker') ?? '' };
  const field = (name: 'leerling' | 'gebruiker', label: TextKey) =>
    el('label', { class: 'picker', for: `filter-${name}` }, el('span', {}, t(label)), el('input', { id: `filter-${name}`, name, type: 'text', value: filter[name], autocomplete: 'off', spellcheck: 'false' }));
  const form = el('form', { class: 'toolbar audit-filter' }, field('leerling', 'colLeerling'), field('gebruiker', 'colGebruiker'), el('button', { type: 'submit' }, t('filter')));
  const list = el('div', { class: 'audit-list', 'aria-live': 'polite' });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    for (const name of ['leerling', 'gebruiker'] as const) {
      filter[name] = String(data.get(name) ?? '').trim();
      context.setQuery(name, filter[name]);
    }
    void showEntries(list, filter);
  });
  root.append(el('h1', {}, t('logboekTitle')), el('p', { class: 'intro' }, t('logboekIntro')), form, list);
  await showEntries(list, filter);
}
