// The selection bar above the charts of a measure page: SWV, sector, bestuur, gemeente and a
// vestiging searchable by name ("naam (code)"), each offering only what the other choices leave
// (selection.ts). A choice goes into the page address (#/overzicht?swv=PO9901), as a new history
// entry, so a view can be shared, reloaded and left with "back"; the page is then drawn again and
// every measure request carries the selection (api.ts). A school user gets only what the server
// allows them (no bestuur or gemeente, only their own vestigingen); an ouder gets no bar at all.
import { api, setMeasureSelection } from '../api';
import { t } from '../i18n';
import { isMeasurePage } from '../roles';
import { type PageId, type Route, routeHash } from '../router';
import {
  allowedChoices,
  describeSelection,
  type EffectiveSelection,
  effectiveSelection,
  isEmpty,
  mixesSectors,
  narrowedOptions,
  readSelection,
  type SelectionChoices,
  type SelectionField,
  selects,
  vestigingText,
  withChoice,
  writeSelection,
} from '../selection';
import type { Session } from '../types';
import { fold } from '../vestigingen';
import { el } from './dom';

let knownChoices: SelectionChoices | null = null;

/** The choices of this session once loaded (for the charts' "what is shown" line), else null. */
export function selectionChoices(): SelectionChoices | null {
  return knownChoices;
}

function go(route: Route, chosen: { selection: EffectiveSelection['selection']; wholeRegion: boolean }): void {
  location.hash = routeHash({ ...route, query: writeSelection(route.query, chosen) });
}

function fieldSelect(name: SelectionField, label: string, options: Array<{ value: string; label: string }>, value: string | undefined, onChange: (value: string) => void): HTMLElement {
  const select = el(
    'select',
    { name, id: `kies-selectie-${name}`, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    el('option', { value: '', selected: !value }, t('selectionAll')),
    ...options.map((o) => el('option', { value: o.value, selected: value !== undefined && o.value.toLowerCase() === value.toLowerCase() }, o.label)),
  );
  return el('label', { class: 'picker', for: `kies-selectie-${name}` }, el('span', {}, label), select);
}

/** The vestiging field: a search box over "naam (code)" with the offered vestigingen as its list. */
function vestigingField(choices: SelectionChoices, offered: SelectionChoices['vestigingen'], value: string | undefined, onChange: (value: string) => void): HTMLElement {
  const status = el('span', { class: 'selection-status', role: 'status' });
  const input = el('input', {
    type: 'search',
    name: 'vestiging',
    id: 'kies-selectie-vestiging',
    list: 'selectie-vestigingen',
    autocomplete: 'off',
    placeholder: t('selectionSearchVestiging'),
    value: value ? vestigingText(value, choices) : '',
    onchange: (e: Event) => {
      const text = (e.target as HTMLInputElement).value.trim();
      if (!text) return onChange('');
      const found =
        offered.find((v) => vestigingText(v.vestiging_id, choices) === text || v.vestiging_id.toLowerCase() === text.toLowerCase()) ??
        (() => {
          const hits = offered.filter((v) => fold(`${v.naam ?? ''} ${v.vestiging_id}`).includes(fold(text)));
          return hits.length === 1 ? hits[0] : undefined;
        })();
      if (found) onChange(found.vestiging_id);
      else status.textContent = t('selectionUnknownVestiging', { zoek: text });
    },
  });
  const list = el('datalist', { id: 'selectie-vestigingen' }, ...offered.map((v) => el('option', { value: vestigingText(v.vestiging_id, choices) })));
  return el('label', { class: 'picker picker-search', for: 'kies-selectie-vestiging' }, el('span', {}, t('selectionVestiging')), input, list, status);
}

function bar(route: Route, session: Session, choices: SelectionChoices, chosen: EffectiveSelection): HTMLElement {
  const allowed = allowedChoices(choices, session);
  const selection = chosen.selection;
  const options = narrowedOptions(allowed, selection);
  const choose = (field: SelectionField) => (value: string) => go(route, { selection: withChoice(allowed, selection, field, value), wholeRegion: false });
  const fields: HTMLElement[] = [
    fieldSelect('swv', t('selectionSwv'), options.swv.map((s) => ({ value: s.code, label: s.sector ? `${s.code} (${s.sector})` : s.code })), selection.swv, choose('swv')),
    fieldSelect('sector', t('selectionSector'), options.sector.map((s) => ({ value: s, label: s })), selection.sector, choose('sector')),
  ];
  if (allowed.besturen.length) fields.push(fieldSelect('bestuur', t('selectionBestuur'), options.bestuur.map((b) => ({ value: b, label: b })), selection.bestuur, choose('bestuur')));
  if (allowed.gemeenten.length) fields.push(fieldSelect('gemeente', t('selectionGemeente'), options.gemeente.map((g) => ({ value: g, label: g })), selection.gemeente, choose('gemeente')));
  if (allowed.vestigingen.length) fields.push(vestigingField(choices, options.vestiging, selection.vestiging, choose('vestiging')));

  const regionMixes = mixesSectors(choices, {});
  const actions: HTMLElement[] = [];
  if (regionMixes && !chosen.wholeRegion) {
    const whole = el('button', { type: 'button', class: 'selection-whole-region' }, t('selectionChooseWholeRegion'));
    whole.addEventListener('click', () => go(route, { selection: {}, wholeRegion: true }));
    actions.push(whole);
  } else if (!regionMixes && !isEmpty(selection)) {
    const reset = el('button', { type: 'button', class: 'selection-reset' }, t('selectionReset'));
    reset.addEventListener('click', () => go(route, { selection: {}, wholeRegion: false }));
    actions.push(reset);
  }
  const notes: HTMLElement[] = [];
  if (chosen.defaulted) notes.push(el('p', { class: 'selection-default' }, t('selectionDefaulted')));
  if (mixesSectors(choices, selection)) notes.push(el('p', { class: 'selection-mixed' }, t('selectionMixed')));
  return el(
    'section',
    { class: 'selection-bar', 'aria-label': t('selectionLabel'), 'data-selectie': describeSelection(selection, choices) },
    el('p', { class: 'selection-shows' }, el('strong', {}, t('selectionShows', { selectie: describeSelection(selection, choices) }))),
    el('div', { class: 'toolbar', role: 'group', 'aria-label': t('selectionLabel') }, ...fields, ...actions),
    ...notes,
  );
}

/**
 * The navigation's links to the other measure pages carry a chosen selection, so it stays when the
 * user goes on to another page (and "back" returns to the address as it was). The default needs no
 * parameters: a page opened without them gets the same default.
 */
function keepInNavigation(chosen: EffectiveSelection): void {
  const query = chosen.defaulted ? new URLSearchParams() : writeSelection(new URLSearchParams(), chosen);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.app-nav a[data-page]')) {
    const page = link.dataset.page as PageId;
    if (isMeasurePage(page)) link.href = routeHash({ page, subPath: '', query });
  }
}

/**
 * Works out the page's selection (the address's, else the default), hands it to the API client
 * and gives the bar to show; null for a role without one or when the choices cannot be loaded
 * (the page then shows the whole region).
 */
export async function prepareSelection(session: Session, route: Route): Promise<HTMLElement | null> {
  if (!selects(session.rol)) {
    setMeasureSelection(null);
    return null;
  }
  let choices: SelectionChoices;
  try {
    choices = await api.selectie();
  } catch {
    setMeasureSelection(null);
    return null;
  }
  knownChoices = choices;
  const asked = readSelection(route.query);
  const chosen = effectiveSelection(asked, choices, session);
  setMeasureSelection(chosen);
  keepInNavigation(chosen);
  return bar(route, session, choices, chosen);
}
