// Logboek (beheerder): the audit log of reads of personal data (a page of a pupil list is one entry
// with the pupils on it), refused attempts, BSN searches, logins and logouts, account changes,
// backups and restores, newest first. Filtered on the server by pupil (which also finds the list
// pages that showed the pupil), user, action and date, with the same selection as a CSV download
// (the server writes the file). The filter is kept in the address.
import { api, auditUrl, AUDIT_FILTERS, type AuditFilter } from '../api';
import { formatDateTime } from '../format';
import { getLang, roleLabel, t, type TextKey } from '../i18n';
import type { AuditEntry } from '../types';
import { clear, el } from '../ui/dom';
import { type BaseContext, errorText } from './page';

/** The server lists at most this many entries; the CSV has all of them. */
const AUDIT_LIST_LIMIT = 1000;

/** The actions stroom writes (docs/privacy.md), for the filter's choices. */
export const AUDIT_ACTIONS = [
  'lezen',
  'lezen-lijst',
  'geweigerd',
  'zoeken-bsn',
  'zoeken-bsn-niet-gevonden',
  'inloggen',
  'inloggen-mislukt',
  'uitloggen',
  'logboek-inzien',
  'gebruiker-toegevoegd',
  'gebruiker-geblokkeerd',
  'gebruiker-geactiveerd',
  'wachtwoord-gewijzigd',
  'back-up',
  'hersteld',
  'bewaartermijn-toegepast',
] as const;

/** The pupil of an entry, or the pupils on the list page it records. */
function pupilCell(e: AuditEntry): string | Node {
  if (e.leerling_id) return el('code', {}, e.leerling_id);
  const pupils = e.leerlingen ?? [];
  if (pupils.length === 0) return '–';
  return el(
    'details',
    { class: 'audit-pupils' },
    el('summary', {}, t('pupilsOnPage', { aantal: String(pupils.length) })),
    el('code', {}, pupils.join(' ')),
  );
}

const COLUMNS: Array<[TextKey, (e: AuditEntry) => string | Node]> = [
  ['colTijdstip', (e) => el('time', { datetime: e.tijdstip }, formatDateTime(e.tijdstip, getLang()))],
  ['colGebruiker', (e) => e.gebruiker],
  ['colRol', (e) => roleLabel(e.rol)],
  ['colActie', (e) => e.actie],
  ['colLeerling', pupilCell],
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

function filterField(filter: AuditFilter, name: (typeof AUDIT_FILTERS)[number]): HTMLElement {
  const id = `filter-${name}`;
  const value = filter[name] ?? '';
  const labels = { leerling: 'colLeerling', gebruiker: 'colGebruiker', actie: 'filterActie', van: 'filterVan', tot: 'filterTot' } as const;
  let control: HTMLElement;
  if (name === 'actie') {
    const known: readonly string[] = AUDIT_ACTIONS;
    const choices = value && !known.includes(value) ? [...known, value] : known;
    control = el(
      'select',
      { id, name },
      el('option', { value: '', selected: value === '' }, t('allActions')),
      ...choices.map((a) => el('option', { value: a, selected: a === value }, a)),
    );
  } else {
    const date = name === 'van' || name === 'tot';
    control = el('input', { id, name, type: date ? 'date' : 'text', value, autocomplete: 'off', spellcheck: 'false' });
  }
  return el('label', { class: 'picker', for: id }, el('span', {}, t(labels[name])), control);
}

export async function renderLogboek(root: HTMLElement, context: BaseContext): Promise<void> {
  const filter: AuditFilter = {};
  for (const name of AUDIT_FILTERS) filter[name] = context.query.get(name) ?? '';
  const form = el('form', { class: 'toolbar audit-filter' }, ...AUDIT_FILTERS.map((name) => filterField(filter, name)), el('button', { type: 'submit' }, t('filter')));
  const list = el('div', { class: 'audit-list', 'aria-live': 'polite' });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    for (const name of AUDIT_FILTERS) {
      filter[name] = String(data.get(name) ?? '').trim();
      context.setQuery(name, filter[name]);
    }
    void showEntries(list, filter);
  });
  root.append(el('h1', {}, t('logboekTitle')), el('p', { class: 'intro' }, t('logboekIntro')), form, list);
  await showEntries(list, filter);
}
