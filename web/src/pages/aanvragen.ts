// Aanvragen (commissie, beheerder): every request for support with the decision on it, newest
// request first, from GET /api/leerlingen?aanvragen=1, a page of 100 at a time (the page in the
// address), with a filter on text and outcome within the page. Each row links to the pupil's
// timeline, which points out that request. The server writes one audit entry per page shown, with
// the pupils on it; a page is therefore asked once per visit, not cached.
import { api } from '../api';
import { formatDate, formatNumber } from '../format';
import { getLang, t, type TextKey } from '../i18n';
import type { PupilPage, SupportRequest } from '../types';
import { clear, el } from '../ui/dom';
import { pageFromQuery, pager } from '../ui/pager';
import { fold } from '../vestigingen';
import { type BaseContext, errorText } from './page';

/** What the list is narrowed to: words in the row (all of them) and one outcome ('' for all). */
export interface RequestFilter {
  tekst: string;
  uitkomst: string;
}

/** The date a request is ordered by: the request itself, or the decision when it has no request date. */
function requestDate(r: SupportRequest): string {
  return r.aanvraagdatum ?? r.besluitdatum ?? '';
}

/** Newest request first (as the server sends them), then by decision id. */
export function newestRequestsFirst(rows: readonly SupportRequest[]): SupportRequest[] {
  return [...rows].sort((a, b) => requestDate(b).localeCompare(requestDate(a)) || (a.besluit_id ?? '').localeCompare(b.besluit_id ?? ''));
}

/** The text a row is searched in: pupil, decision, kind, category, outcome and the dates as written in the API. */
export function requestSearchText(r: SupportRequest): string {
  return fold([r.leerling_id, r.besluit_id, r.soort, r.categorie, r.uitkomst, r.aanvraagdatum, r.besluitdatum].filter(Boolean).join(' '));
}

export function requestMatches(r: SupportRequest, filter: RequestFilter, searchText = requestSearchText(r)): boolean {
  if (filter.uitkomst && (r.uitkomst ?? '') !== filter.uitkomst) return false;
  return fold(filter.tekst)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => searchText.includes(word));
}

/** The outcomes that occur, for the filter's choices. */
export function outcomes(rows: readonly SupportRequest[]): string[] {
  return [...new Set(rows.map((r) => r.uitkomst).filter((u): u is string => Boolean(u)))].sort((a, b) => a.localeCompare(b, 'nl'));
}

/** The pupil's timeline, pointing out this request. */
export function requestLink(r: SupportRequest): string {
  const base = `#/leerling/${encodeURIComponent(r.leerling_id)}`;
  return r.besluit_id ? `${base}?besluit=${encodeURIComponent(r.besluit_id)}` : base;
}

const COLUMNS: Array<[TextKey, (r: SupportRequest, date: (v: string | null) => string) => string | Node]> = [
  ['colLeerling', (r) => el('a', { href: requestLink(r), class: 'pupil-link' }, r.leerling_id)],
  ['colBesluit', (r) => r.besluit_id ?? '–'],
  ['colSoort', (r) => [r.soort, r.categorie].filter(Boolean).join(' ') || '–'],
  ['colAanvraag', (r, date) => date(r.aanvraagdatum)],
  ['colBesluitdatum', (r, date) => date(r.besluitdatum)],
  ['colUitkomst', (r) => r.uitkomst ?? '–'],
];

function requestTable(rows: readonly SupportRequest[]): HTMLTableElement {
  const lang = getLang();
  const date = (value: string | null) => (value ? formatDate(value, lang) : '–');
  return el(
    'table',
    { class: 'data-table request-table' },
    el('caption', {}, t('aanvragenCaption')),
    el('thead', {}, el('tr', {}, ...COLUMNS.map(([key]) => el('th', { scope: 'col' }, t(key))))),
    el(
      'tbody',
      {},
      ...rows.map((r) =>
        el('tr', { 'data-leerling': r.leerling_id, 'data-besluit': r.besluit_id ?? undefined }, ...COLUMNS.map(([, value]) => el('td', {}, value(r, date)))),
      ),
    ),
  );
}

function filterForm(rows: readonly SupportRequest[], filter: RequestFilter, onChange: () => void): HTMLElement {
  const text = el('input', { id: 'filter-aanvragen', name: 'tekst', type: 'search', value: filter.tekst, autocomplete: 'off', spellcheck: 'false' });
  const choices = outcomes(rows);
  if (filter.uitkomst && !choices.includes(filter.uitkomst)) filter.uitkomst = '';
  const outcome = el(
    'select',
    { id: 'filter-uitkomst', name: 'uitkomst' },
    el('option', { value: '', selected: filter.uitkomst === '' }, t('allOutcomes')),
    ...choices.map((u) => el('option', { value: u, selected: u === filter.uitkomst }, u)),
  );
  text.addEventListener('input', () => {
    filter.tekst = text.value;
    onChange();
  });
  outcome.addEventListener('change', () => {
    filter.uitkomst = outcome.value;
    onChange();
  });
  const form = el(
    'form',
    { class: 'toolbar request-filter', role: 'search' },
    el('label', { class: 'picker', for: 'filter-aanvragen' }, el('span', {}, t('filterPupils')), text),
    el('label', { class: 'picker', for: 'filter-uitkomst' }, el('span', {}, t('colUitkomst')), outcome),
  );
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}

export async function renderAanvragen(root: HTMLElement, context: BaseContext): Promise<void> {
  root.append(el('h1', {}, t('aanvragenTitle')), el('p', { class: 'intro' }, t('aanvragenIntro')));
  const holder = el('div', { class: 'request-list' });
  root.append(holder);
  const filter: RequestFilter = { tekst: context.query.get('zoek') ?? '', uitkomst: context.query.get('uitkomst') ?? '' };
  const showPage = (pagina: number): Promise<void> => {
    context.setQuery('pagina', pagina > 1 ? String(pagina) : '');
    return showRequests(holder, pagina, filter, context, (next) => void showPage(next));
  };
  await showPage(pageFromQuery(context.query.get('pagina')));
}

async function showRequests(holder: HTMLElement, pagina: number, filter: RequestFilter, context: BaseContext, onPage: (pagina: number) => void): Promise<void> {
  clear(holder);
  const status = el('p', { class: 'loading', role: 'status' }, t('loading'));
  holder.append(status);
  let page: PupilPage<SupportRequest>;
  try {
    page = await api.supportRequests(pagina);
  } catch (error) {
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = `${t('errorPrefix')}: ${errorText(error)}`;
    return;
  }
  clear(holder);
  if (page.totaal === 0) {
    holder.append(el('p', { class: 'empty' }, t('aanvragenEmpty')));
    return;
  }
  const rows = newestRequestsFirst(page.rijen);
  const table = requestTable(rows);
  const lines = [...table.tBodies[0]!.rows];
  const searchTexts = rows.map(requestSearchText);
  const count = el('p', { class: 'list-count', role: 'status' });
  const lang = getLang();
  const apply = () => {
    let shown = 0;
    rows.forEach((r, i) => {
      const visible = requestMatches(r, filter, searchTexts[i]);
      lines[i]!.hidden = !visible;
      if (visible) shown += 1;
    });
    // The whole list's size; with a filter, what it leaves of this page.
    count.textContent =
      shown === rows.length
        ? t('aanvragenCount', { aantal: formatNumber(page.totaal, lang) })
        : `${t('aanvragenShown', { getoond: formatNumber(shown, lang), aantal: formatNumber(rows.length, lang) })} (${t('pageOf', { pagina: formatNumber(page.pagina, lang), paginas: formatNumber(page.paginas, lang) })})`;
  };
  const form = filterForm(rows, filter, () => {
    apply();
    // In the address, so that a reload or the browser's back button keeps the filter.
    context.setQuery('zoek', filter.tekst.trim());
    context.setQuery('uitkomst', filter.uitkomst);
  });
  apply();
  holder.append(form, count);
  if (page.paginas > 1) holder.append(pager(page, onPage));
  holder.append(el('div', { class: 'table-scroll pupil-scroll' }, table));
}
