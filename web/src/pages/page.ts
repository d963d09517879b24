// What a page gets from the app shell: who is logged in, the page's query parameters from the
// address (so a reload or a shared link keeps the choices), the sub-path (#/maatboek/leerlingen →
// "leerlingen"), and for the measure pages the region's dates (for pickers and defaults).
import type { RegionInfo, Session } from '../types';

export interface BaseContext {
  session: Session;
  query: URLSearchParams;
  subPath: string;
  /** Records a choice in the address without adding a history entry (empty: removes it). */
  setQuery(name: string, value: string): void;
}

/** The context of a measure page (Overzicht … Maatboek). */
export interface PageContext extends BaseContext {
  info: RegionInfo;
}

export type PageRenderer = (root: HTMLElement, context: PageContext) => void | Promise<void>;

/** A page about pupils (Mijn kind, Leerlingen, Leerling, Aanvragen, Logboek): no region dates needed. */
export type PersonPageRenderer = (root: HTMLElement, context: BaseContext) => void | Promise<void>;

/** The message of an error as the pages show it. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The latest teldatum, or the data date, or today: the default for a date picker. */
export function defaultDate(info: RegionInfo): string {
  return info.datum_data ?? info.teldata.at(-1) ?? new Date().toISOString().slice(0, 10);
}

/** A query value if it is one of the allowed values, else the fallback. */
export function choose(query: URLSearchParams, name: string, allowed: readonly string[], fallback: string): string {
  const value = query.get(name);
  return value !== null && allowed.includes(value) ? value : fallback;
}

/** A query value if it is a date (YYYY-MM-DD), else the fallback. */
export function chooseDate(query: URLSearchParams, name: string, fallback: string): string {
  const value = query.get(name);
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fallback;
}

/** The default note period of a chart: the whole period of the data. */
export function wholePeriod(info: RegionInfo): { van: string; tot: string } {
  const van = info.teldata[0] ?? '';
  return { van, tot: info.datum_data ?? info.teldata.at(-1) ?? van };
}
