// The school locations by name: GET /api/vestigingen gives every role the public names, once per
// session (cached in api.ts). Pages show "naam (code)" where the name is known and the code alone
// where it is not, so a failed request never breaks a page: it only loses the names.
import { api } from './api';
import type { Session, Vestiging } from './types';

export type VestigingNames = ReadonlyMap<string, Vestiging>;

/** The vestigingen, or null when they cannot be loaded (the pages then show codes). */
export async function loadVestigingen(): Promise<Vestiging[] | null> {
  try {
    return await api.vestigingen();
  } catch {
    return null;
  }
}

export function vestigingIndex(list: readonly Vestiging[] | null): Map<string, Vestiging> {
  return new Map((list ?? []).map((v) => [v.vestiging_id, v]));
}

/** "OBS De Regenboog (11VM00)", or the code alone when its name is not known. */
export function vestigingLabel(id: string, names?: VestigingNames | null): string {
  const naam = names?.get(id)?.naam;
  return naam ? `${naam} (${id})` : id;
}

/** The label in the picker: name, gemeente and code, so that two schools of one name differ. */
export function pickerLabel(v: Vestiging): string {
  if (!v.naam) return v.vestiging_id;
  return `${v.naam}${v.gemeente ? ` · ${v.gemeente}` : ''} (${v.vestiging_id})`;
}

/**
 * The vestigingen sorted by name (lower case, accents ignored, as a Dutch reader looks them up),
 * then by code. Not with localeCompare(…, 'nl'): that makes a collator per comparison, and even one
 * collator costs ICU's start-up, together 10-15 ms of a chart page's first screen (selection bar).
 */
export function sortedByName<V extends Pick<Vestiging, 'naam' | 'vestiging_id'>>(list: readonly V[]): V[] {
  const key = (v: V): string => fold(v.naam ?? v.vestiging_id);
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return list
    .map((v) => ({ v, key: key(v) }))
    .sort((a, b) => order(a.key, b.key) || order(a.v.vestiging_id, b.v.vestiging_id))
    .map(({ v }) => v);
}

/**
 * What the Leerlingen picker offers: a user with vestigingen in the session (school) only those,
 * with their names where known; a beheerder every vestiging, or null when the list could not be
 * loaded (the page then asks for the code). Sorted by name, then code.
 */
export function pickerChoices(session: Pick<Session, 'rol' | 'vestigingen'>, all: readonly Vestiging[] | null): Vestiging[] | null {
  if (session.vestigingen.length > 0) {
    const index = vestigingIndex(all);
    return sortedByName(session.vestigingen.map((id) => index.get(id) ?? { vestiging_id: id, naam: null, gemeente: null, sector: null }));
  }
  if (session.rol === 'beheerder') return all ? sortedByName(all) : null;
  return [];
}

/** Lower case without accents, for searching lists: "Één" finds "een". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Whether every word of the search text occurs in the name, gemeente or code. */
export function matchesVestiging(v: Vestiging, search: string): boolean {
  const haystack = fold([v.naam, v.gemeente, v.vestiging_id].filter(Boolean).join(' '));
  return fold(search).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}
