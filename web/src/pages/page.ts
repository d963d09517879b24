// What a page gets from the app shell: the region's dates (for pickers and defaults), the page's
// query parameters from the address (so a reload or a shared link keeps the choices), and the
// sub-path (#/maatboek/leerlingen → "leerlingen").
import type { RegionInfo } from '../types';

export interface PageContext {
  info: RegionInfo;
  query: URLSearchParams;
  subPath: string;
  /** Records a choice in the address without adding a history entry. */
  setQuery(name: string, value: string): void;
}

export type PageRenderer = (root: HTMLElement, context: PageContext) => void | Promise<void>;

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
