// The dates a measure may be asked for (docs/measures.md, "Dates"): within the data's range
// (GET /api/info: eerste_datum … laatste_datum), and for every role but beheerder only the first
// day of a month (the teldata, 1 October, are such days), because the server refuses any other
// date for answers with small counts suppressed. The date pickers are bounded and snap to these.
import { seesSuppressedCounts } from './roles';
import type { RegionInfo, Role } from './types';

export interface DateBounds {
  min?: string;
  max?: string;
  /** Only the first day of a month may be asked for. */
  firstOfMonth: boolean;
}

export function dateBounds(info: RegionInfo, role: Role | string): DateBounds {
  return { min: info.eerste_datum ?? undefined, max: info.laatste_datum ?? undefined, firstOfMonth: seesSuppressedCounts(role) };
}

/** The first day of the month after the one of an ISO date. */
function nextMonthStart(iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The allowed date nearest below a wanted one (ISO dates compare as strings). */
export function allowedDate(wanted: string, bounds: DateBounds): string {
  let date = wanted;
  if (bounds.max !== undefined && date > bounds.max) date = bounds.max;
  if (bounds.min !== undefined && date < bounds.min) date = bounds.min;
  if (!bounds.firstOfMonth) return date;
  const monthStart = `${date.slice(0, 8)}01`;
  // The data may begin mid-month: then the first allowed day is the next month's first.
  return bounds.min !== undefined && monthStart < bounds.min ? nextMonthStart(monthStart) : monthStart;
}
