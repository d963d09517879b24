// The part of the region a measure page looks at: an SWV, a sector, a bestuur, a gemeente and a
// vestiging (GET /api/selectie lists the choices; every /api/measures/<id> takes them as query
// parameters and applies them on the server, docs/measures.md "Selectie"). This file is the pure
// logic: reading and writing the selection in the page address, what a role may choose, which
// choices remain once others are made, the default (a PO and a VO partnership are never added
// together unless the user asks for the whole region) and how a chart says what it shows.
import { t } from './i18n';
import type { Session } from './types';
import { sortedByName } from './vestigingen';

export const SELECTION_FIELDS = ['swv', 'sector', 'bestuur', 'gemeente', 'vestiging'] as const;
export type SelectionField = (typeof SELECTION_FIELDS)[number];
export type Selection = Partial<Record<SelectionField, string>>;

/** The address parameter that says "the whole region, PO and VO added" explicitly. */
export const WHOLE_REGION_PARAM = 'regio';
export const WHOLE_REGION_VALUE = 'heel';

/** One vestiging of GET /api/selectie. */
export interface SelectableVestiging {
  vestiging_id: string;
  naam: string | null;
  gemeente: string | null;
  bestuur: string | null;
  swv: string | null;
  sector: string | null;
}

/** GET /api/selectie. */
export interface SelectionChoices {
  swv: Array<{ code: string; sector: string | null; naam?: string | null }>;
  besturen: string[];
  gemeenten: string[];
  sectoren: string[];
  vestigingen: SelectableVestiging[];
}

/** What the address asks for: the fields given, and whether the whole region was asked for. */
export interface AddressSelection {
  selection: Selection;
  wholeRegion: boolean;
}

/** The selection the page uses, and whether it was chosen for the user (the default). */
export interface EffectiveSelection extends AddressSelection {
  defaulted: boolean;
}

export function isEmpty(selection: Selection): boolean {
  return SELECTION_FIELDS.every((f) => !selection[f]);
}

export function readSelection(query: URLSearchParams): AddressSelection {
  const selection: Selection = {};
  for (const field of SELECTION_FIELDS) {
    const value = query.get(field)?.trim();
    if (value) selection[field] = value;
  }
  return { selection, wholeRegion: isEmpty(selection) && query.get(WHOLE_REGION_PARAM) === WHOLE_REGION_VALUE };
}

/** The query with the selection written into it (other parameters, such as ?at=, kept). */
export function writeSelection(query: URLSearchParams, chosen: AddressSelection): URLSearchParams {
  const out = new URLSearchParams(query);
  for (const field of SELECTION_FIELDS) {
    const value = chosen.selection[field];
    if (value) out.set(field, value);
    else out.delete(field);
  }
  if (chosen.wholeRegion && isEmpty(chosen.selection)) out.set(WHOLE_REGION_PARAM, WHOLE_REGION_VALUE);
  else out.delete(WHOLE_REGION_PARAM);
  return out;
}

/** Whether the role chooses at all (ouder sees no aggregates, so no selection bar). */
export function selects(role: string): boolean {
  return role !== 'ouder';
}

/**
 * The choices a role gets (docs/privacy.md "Selections"): a school user the SWVs, the sectors and
 * only their own vestigingen, no bestuur or gemeente; every other role all of them.
 */
export function allowedChoices(choices: SelectionChoices, session: Pick<Session, 'rol' | 'vestigingen'>): SelectionChoices {
  if (session.rol !== 'school') return choices;
  const own = new Set(session.vestigingen);
  return { ...choices, besturen: [], gemeenten: [], vestigingen: choices.vestigingen.filter((v) => own.has(v.vestiging_id)) };
}

/** The selection without what the role may not choose (a school user's bestuur, another school). */
export function allowedSelection(selection: Selection, allowed: SelectionChoices, session: Pick<Session, 'rol'>): Selection {
  if (session.rol !== 'school') return { ...selection };
  const out: Selection = { ...selection };
  delete out.bestuur;
  delete out.gemeente;
  if (out.vestiging && !allowed.vestigingen.some((v) => v.vestiging_id === out.vestiging)) delete out.vestiging;
  return out;
}

const same = (a: string | null | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

/** The sector of a vestiging as the server reads it: its sector, else its SWV code's prefix. */
export function sectorOf(v: SelectableVestiging): string | null {
  if (v.sector) return v.sector.toLowerCase();
  const prefix = v.swv?.slice(0, 2).toLowerCase();
  return prefix === 'po' || prefix === 'vo' ? prefix : null;
}

function fieldOf(v: SelectableVestiging, field: SelectionField): string | null {
  if (field === 'vestiging') return v.vestiging_id;
  if (field === 'sector') return sectorOf(v);
  return v[field];
}

/** The vestigingen the selection keeps (all its fields, but `except`): the server's intersection. */
export function matching(vestigingen: readonly SelectableVestiging[], selection: Selection, except?: SelectionField): SelectableVestiging[] {
  return vestigingen.filter((v) =>
    SELECTION_FIELDS.every((field) => field === except || !selection[field] || (field === 'vestiging' ? v.vestiging_id === selection[field] : same(fieldOf(v, field), selection[field]!))),
  );
}

export interface SelectionOptions {
  swv: Array<{ code: string; sector: string | null }>;
  sector: string[];
  bestuur: string[];
  gemeente: string[];
  vestiging: SelectableVestiging[];
}

/**
 * What each field still offers given the other fields: the values of the vestigingen that the
 * other choices keep (choosing an SWV narrows the vestigingen, besturen and gemeenten offered, and
 * choosing a vestiging the SWVs). A value already chosen stays offered, so it can be seen and undone.
 */
export function narrowedOptions(choices: SelectionChoices, selection: Selection): SelectionOptions {
  const values = (field: SelectionField) => new Set(matching(choices.vestigingen, selection, field).map((v) => fieldOf(v, field)).filter((x): x is string => Boolean(x)));
  const keep = (field: SelectionField, list: readonly string[]) => {
    const present = values(field);
    return list.filter((value) => [...present].some((p) => same(p, value)) || same(selection[field], value));
  };
  const swvCodes = values('swv');
  return {
    swv: choices.swv.filter((s) => [...swvCodes].some((c) => same(c, s.code)) || same(selection.swv, s.code)).map((s) => ({ code: s.code, sector: s.sector })),
    sector: keep('sector', choices.sectoren),
    bestuur: keep('bestuur', choices.besturen),
    gemeente: keep('gemeente', choices.gemeenten),
    vestiging: sortedByName(matching(choices.vestigingen, selection, 'vestiging')),
  };
}

/** Whether the selection's vestigingen belong to both sectors (their counts would be added). */
export function mixesSectors(choices: SelectionChoices, selection: Selection): boolean {
  const sectors = new Set(matching(choices.vestigingen, selection).map(sectorOf));
  return sectors.has('po') && sectors.has('vo');
}

/**
 * The selection a page uses. What the address asks for (less what the role may not choose) when
 * it asks anything, or the whole region when it says so. Otherwise, when the region has
 * vestigingen of both sectors, one SWV, so that a PO and a VO partnership are never added
 * together without the user asking: a school user's own school's SWV, else the first SWV.
 */
export function effectiveSelection(asked: AddressSelection, choices: SelectionChoices, session: Pick<Session, 'rol' | 'vestigingen'>): EffectiveSelection {
  const allowed = allowedChoices(choices, session);
  const selection = allowedSelection(asked.selection, allowed, session);
  if (!isEmpty(selection)) return { selection, wholeRegion: false, defaulted: false };
  if (asked.wholeRegion || !mixesSectors(choices, {})) return { selection, wholeRegion: asked.wholeRegion, defaulted: false };
  const ownSwv = session.rol === 'school' ? allowed.vestigingen.find((v) => v.swv)?.swv : undefined;
  const swv = ownSwv ?? choices.swv[0]?.code;
  return swv ? { selection: { swv }, wholeRegion: false, defaulted: true } : { selection, wholeRegion: false, defaulted: false };
}

/** "naam (code)" of a vestiging, or the code alone when its name is not known. */
export function vestigingText(id: string, choices: SelectionChoices | null): string {
  const naam = choices?.vestigingen.find((v) => v.vestiging_id === id)?.naam;
  return naam ? `${naam} (${id})` : id;
}

/** "Samenwerkingsverband PO9901 (po)". */
export function swvText(code: string, choices: SelectionChoices | null): string {
  const entry = choices?.swv.find((s) => same(s.code, code));
  const sector = entry?.sector ?? (/^(po|vo)/i.test(code) ? code.slice(0, 2).toLowerCase() : null);
  return `${t('selectionSwv')} ${entry?.code ?? code}${sector ? ` (${sector})` : ''}`;
}

/** What a selection (as an answer's `selectie` gives it) shows, in words: "Hele regio" when empty, and whether po and vo are added. */
export function describeSelection(selection: Selection, choices: SelectionChoices | null): string {
  const parts: string[] = [];
  if (selection.swv) parts.push(swvText(selection.swv, choices));
  if (selection.sector) parts.push(`${t('selectionSector')} ${selection.sector.toLowerCase()}`);
  if (selection.bestuur) parts.push(`${t('selectionBestuur')} ${selection.bestuur}`);
  if (selection.gemeente) parts.push(`${t('selectionGemeente')} ${selection.gemeente}`);
  if (selection.vestiging) parts.push(`${t('selectionVestiging')} ${vestigingText(selection.vestiging, choices)}`);
  const text = parts.length ? parts.join(' · ') : t('selectionWholeRegion');
  return choices && mixesSectors(choices, selection) ? `${text} (${t('selectionAdded')})` : text;
}

/**
 * The selection after one field is set (or cleared, with ''): the other fields that no longer fit
 * (a PO school once a VO partnership is chosen) are dropped, so a choice never leaves an empty
 * intersection behind it.
 */
export function withChoice(choices: SelectionChoices, selection: Selection, field: SelectionField, value: string): Selection {
  const out: Selection = { ...selection };
  if (value) out[field] = value;
  else delete out[field];
  for (const other of SELECTION_FIELDS) {
    if (other === field || !out[other]) continue;
    const fit = matching(choices.vestigingen, { [field]: out[field], [other]: out[other] });
    if (fit.length === 0) delete out[other];
  }
  return out;
}
