// The shape of a chart's table view: wide, one column per series (heenweg | terugweg, per
// setting, per measure), with Dutch headers and the codes written as their labels or
// "naam (code)", rather than the long format with machine keys that the CSV keeps.
import { isSuppressed } from '../charts/common';
import { columnLabel, type Lang } from '../i18n';
import type { Cell, Row } from '../types';

/** How a chart's rows turn into a wide table: one column per value of `series`. */
export interface Pivot {
  series: string;
  /** The value columns (default waarde); with more than one, a column per series and value. */
  values?: readonly string[];
}

export interface TableShape {
  headers: string[];
  /** Per column: holds numbers (or suppressed counts), so it is right-aligned. */
  numeric: boolean[];
  rows: Cell[][];
}

function label(value: Cell | undefined, labels: Record<string, string>): Cell {
  if (typeof value !== 'string' || isSuppressed(value)) return value ?? null;
  return labels[value] ?? value;
}

export function tableShape(columns: readonly string[], rows: readonly Row[], pivot: Pivot | undefined, labels: Record<string, string>, lang: Lang): TableShape {
  const values = pivot ? (pivot.values ?? ['waarde']).filter((v) => columns.includes(v)) : [];
  if (!pivot || !columns.includes(pivot.series) || values.length === 0) {
    const numeric = columns.map((c) => rows.some((r) => typeof r[c] === 'number' || isSuppressed(r[c])));
    return {
      headers: columns.map((c) => columnLabel(c, lang)),
      numeric,
      rows: rows.map((r) => columns.map((c, i) => (numeric[i] ? (r[c] ?? null) : label(r[c], labels)))),
    };
  }
  const keys = columns.filter((c) => c !== pivot.series && !values.includes(c));
  const series: string[] = [];
  for (const r of rows) {
    const s = String(r[pivot.series] ?? '');
    if (!series.includes(s)) series.push(s);
  }
  const byKey = new Map<string, { key: Cell[]; cells: Map<string, Cell> }>();
  for (const r of rows) {
    const id = JSON.stringify(keys.map((k) => r[k] ?? null));
    let entry = byKey.get(id);
    if (!entry) byKey.set(id, (entry = { key: keys.map((k) => label(r[k], labels)), cells: new Map() }));
    for (const v of values) entry.cells.set(`${String(r[pivot.series] ?? '')}\u0000${v}`, r[v] ?? null);
  }
  const valueColumns = series.flatMap((s) => values.map((v) => ({ s, v })));
  return {
    headers: [
      ...keys.map((k) => columnLabel(k, lang)),
      ...valueColumns.map(({ s, v }) => (values.length > 1 ? `${labels[s] ?? s}: ${columnLabel(v, lang)}` : (labels[s] ?? s))),
    ],
    numeric: [...keys.map(() => false), ...valueColumns.map(() => true)],
    rows: [...byKey.values()].map((e) => [...e.key, ...valueColumns.map(({ s, v }) => e.cells.get(`${s}\u0000${v}`) ?? null)]),
  };
}
