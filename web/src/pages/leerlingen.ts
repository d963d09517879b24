// Leerlingen (school, beheerder): the enrolments at one vestiging with the pupils' pseudonyms, each
// a link to that pupil's timeline, and the lookup of a pseudonym by BSN with a required reason.
// The vestiging is picked by name and code: a school user from its own vestigingen, a beheerder
// from all of them (GET /api/vestigingen, with a search field, since there are many). Should the
// names fail to load, a school user picks by code and a beheerder types the code, as before. The
// list comes a page (100 enrolments) at a time, newest first; the page is kept in the address.
import { api, ApiError } from '../api';
import { formatDate } from '../format';
import { getLang, t } from '../i18n';
import { SEARCH_ROLES } from '../roles';
import type { PupilListItem, PupilPage, Vestiging } from '../types';
import { clear, el } from '../ui/dom';
import { pageFromQuery, pager } from '../ui/pager';
import { loadVestigingen, matchesVestiging, pickerChoices, pickerLabel, vestigingIndex, vestigingLabel, type VestigingNames } from '../vestigingen';
import { type BaseContext, errorText } from './page';

/** More choices than this get a search field above the list. */
const SEARCH_FROM = 8;

/** The enrolments newest first: who is there now comes before who left years ago. */
export function newestFirst(pupils: readonly PupilListItem[]): PupilListItem[] {
  return [...pupils].sort((a, b) => (b.startdatum ?? '').localeCompare(a.startdatum ?? '') || a.leerling_id.localeCompare(b.leerling_id));
}

function pupilTable(vestiging: string, page: PupilPage<PupilListItem>, names: VestigingNames | null): HTMLElement {
  const pupils = page.rijen;
  const lang = getLang();
  const date = (value: string | null, open = false) => (value ? formatDate(value, lang) : open ? t('ongoing') : '–');
  const link = (id: string) => `#/leerling/${encodeURIComponent(id)}?vestiging=${encodeURIComponent(vestiging)}`;
  return el(
    'table',
    { class: 'data-table pupil-table' },
    el('caption', {}, `${t('pupilsCaption', { vestiging: vestigingLabel(vestiging, names) })} · ${t('pupilsCount', { aantal: String(page.totaal) })}`),
    el(
      'thead',
      {},
      el('tr', {}, ...(['colLeerling', 'colOnderwijssoort', 'colStart', 'colEinde'] as const).map((key) => el('th', { scope: 'col' }, t(key)))),
    ),
    el(
      'tbody',
      {},
      ...newestFirst(pupils).map((p) =>
        el(
          'tr',
          { 'data-leerling': p.leerling_id },
          el('td', {}, el('a', { href: link(p.leerling_id), class: 'pupil-link' }, p.leerling_id)),
          el('td', {}, p.onderwijssoort ?? '–'),
          el('td', {}, date(p.startdatum)),
          el('td', {}, date(p.einddatum, true)),
        ),
      ),
    ),
  );
}

async function showPupils(target: HTMLElement, vestiging: string, names: VestigingNames | null, pagina: number, onPage: (pagina: number) => void): Promise<void> {
  clear(target);
  const status = el('p', { class: 'loading', role: 'status' }, t('loading'));
  target.append(status);
  try {
    const page = await api.pupils(vestiging, pagina);
    status.remove();
    if (page.totaal === 0) {
      target.append(el('p', { class: 'empty' }, t('noPupils')));
      return;
    }
    const table = pupilTable(vestiging, page, names);
    // A vestiging can have thousands of enrolments over the years: a filter on the pseudonym.
    const filter = el('input', { id: 'filter-leerling', type: 'search', autocomplete: 'off', spellcheck: 'false' });
    filter.addEventListener('input', () => {
      const text = filter.value.trim().toLowerCase();
      for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) row.hidden = text !== '' && !(row.dataset.leerling ?? '').toLowerCase().includes(text);
    });
    target.append(el('label', { class: 'picker list-filter', for: 'filter-leerling' }, el('span', {}, t('filterPupils')), filter));
    if (page.paginas > 1) target.append(pager(page, onPage));
    target.append(el('div', { class: 'table-scroll pupil-scroll' }, table));
  } catch (error) {
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = `${t('errorPrefix')}: ${errorText(error)}`;
  }
}

/** A text field for the code: a beheerder when the names could not be loaded. */
function codeField(current: string): HTMLInputElement {
  return el('input', { id: 'kies-vestiging', name: 'vestiging', type: 'text', value: current, required: true, placeholder: t('vestigingPlaceholder'), autocomplete: 'off', spellcheck: 'false' });
}

/**
 * The options of the picker: the vestigingen that match the search, and the chosen one always (so
 * that the select keeps showing it); "Kies een vestiging…" while none is chosen.
 */
export function pickerOptions(choices: readonly Vestiging[], current: string, search: string): Array<{ value: string; label: string }> {
  const options = choices.filter((v) => v.vestiging_id === current || matchesVestiging(v, search)).map((v) => ({ value: v.vestiging_id, label: pickerLabel(v) }));
  // A deep link may name a vestiging that is not in the list (a beheerder may ask any code).
  if (current && !choices.some((v) => v.vestiging_id === current)) options.unshift({ value: current, label: current });
  if (!current) options.unshift({ value: '', label: t('vestigingChoose') });
  return options;
}

function vestigingForm(choices: readonly Vestiging[] | null, current: string, onChoose: (vestiging: string) => void): HTMLElement {
  let chosen = current;
  const form = el('form', { class: 'toolbar vestiging-form' });
  const choose = (value: string) => {
    const code = value.trim();
    if (!code) return;
    chosen = code;
    onChoose(code);
  };
  if (choices === null) {
    const field = codeField(current);
    form.append(el('label', { class: 'picker', for: 'kies-vestiging' }, el('span', {}, t('pickVestiging')), field), el('button', { type: 'submit' }, t('showPupils')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      choose(field.value);
    });
    return form;
  }
  const select = el('select', { id: 'kies-vestiging', name: 'vestiging' });
  const search = el('input', { id: 'zoek-vestiging', type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: t('vestigingFindHint'), 'aria-describedby': 'vestigingen-getoond' });
  const shown = el('span', { id: 'vestigingen-getoond', class: 'picker-count', role: 'status' });
  const fill = () => {
    clear(select);
    const options = pickerOptions(choices, chosen, search.value);
    for (const o of options) select.append(el('option', { value: o.value, selected: o.value === chosen, disabled: o.value === '' }, o.label));
    const matching = choices.filter((v) => matchesVestiging(v, search.value)).length;
    shown.textContent = search.value.trim() ? t('vestigingenShown', { getoond: String(matching), aantal: String(choices.length) }) : '';
  };
  if (choices.length > SEARCH_FROM) {
    form.append(el('label', { class: 'picker', for: 'zoek-vestiging' }, el('span', {}, t('vestigingFind')), search), shown);
    search.addEventListener('input', fill);
  }
  form.append(el('label', { class: 'picker', for: 'kies-vestiging' }, el('span', {}, t('pickVestiging')), select), el('button', { type: 'submit' }, t('showPupils')));
  select.addEventListener('change', () => choose(select.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Enter in the search field with exactly one match chooses it.
    const matches = search.value.trim() ? choices.filter((v) => matchesVestiging(v, search.value)) : [];
    if (matches.length === 1) {
      choose(matches[0]!.vestiging_id);
      fill();
    } else choose(select.value);
  });
  fill();
  return form;
}

/** A BSN is nine digits (the server checks the 11-proef). */
export function bsnProblem(bsn: string, reden: string): 'searchBadBsn' | 'searchMissingReason' | null {
  if (!/^\d{9}$/.test(bsn)) return 'searchBadBsn';
  if (!reden.trim()) return 'searchMissingReason';
  return null;
}

function searchForm(): HTMLElement {
  const bsn = el('input', { id: 'zoek-bsn', name: 'bsn', type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: 9, required: true, 'aria-describedby': 'zoek-uitleg' });
  const reden = el('textarea', { id: 'zoek-reden', name: 'reden', rows: 2, maxlength: 500, required: true, 'aria-describedby': 'zoek-uitleg' });
  const message = el('p', { id: 'zoek-melding', class: 'search-message', role: 'alert' });
  const form = el(
    'form',
    { class: 'search-form', novalidate: true },
    el('label', { for: 'zoek-bsn' }, t('searchBsn')),
    bsn,
    el('label', { for: 'zoek-reden' }, t('searchReason')),
    reden,
    el('button', { type: 'submit' }, t('searchSubmit')),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = bsn.value.replace(/\s/g, '');
    const problem = bsnProblem(value, reden.value);
    bsn.removeAttribute('aria-invalid');
    reden.removeAttribute('aria-invalid');
    if (problem) {
      message.textContent = t(problem);
      const field = problem === 'searchBadBsn' ? bsn : reden;
      field.setAttribute('aria-invalid', 'true');
      field.focus();
      return;
    }
    message.textContent = '';
    api
      .findPupil(value, reden.value.trim())
      .then(({ leerling_id }) => {
        bsn.value = ''; // the BSN is not kept on the page any longer than needed
        location.hash = `#/leerling/${encodeURIComponent(leerling_id)}`;
      })
      .catch((error: unknown) => {
        message.textContent = error instanceof ApiError && error.status === 404 ? t('searchNotFound') : errorText(error);
      });
  });
  return el(
    'section',
    { class: 'search', 'aria-labelledby': 'zoek-titel' },
    el('h2', { id: 'zoek-titel' }, t('searchTitle')),
    el('p', { id: 'zoek-uitleg', class: 'intro' }, t('searchIntro')),
    form,
  );
}

export async function renderLeerlingen(root: HTMLElement, context: BaseContext): Promise<void> {
  root.append(el('h1', {}, t('leerlingenTitle')), el('p', { class: 'intro' }, t('leerlingenIntro')));
  const own = context.session.vestigingen;
  const picker = el('div', { class: 'vestiging-picker' });
  root.append(picker);
  if (SEARCH_ROLES.includes(context.session.rol)) root.append(searchForm());
  if (own.length === 0 && context.session.rol !== 'beheerder') {
    picker.append(el('p', { class: 'empty' }, t('noVestigingen')));
    return;
  }
  const all = await loadVestigingen();
  const names = all ? vestigingIndex(all) : null;
  const choices = pickerChoices(context.session, all);
  const asked = context.query.get('vestiging') ?? '';
  // A school user sees only its own vestigingen; an address naming another falls back to the first.
  const current = own.length > 0 ? (own.includes(asked) ? asked : (choices?.[0]?.vestiging_id ?? own[0]!)) : asked;
  const list = el('div', { class: 'pupil-list', 'aria-live': 'polite' });
  let shown = current;
  const showPage = (pagina: number): Promise<void> => {
    context.setQuery('pagina', pagina > 1 ? String(pagina) : '');
    return showPupils(list, shown, names, pagina, (next) => void showPage(next));
  };
  picker.append(
    vestigingForm(choices, current, (vestiging) => {
      context.setQuery('vestiging', vestiging);
      shown = vestiging;
      void showPage(1);
    }),
    list,
  );
  if (current) await showPage(pageFromQuery(context.query.get('pagina')));
}
