// Names beside codes in every chart, table, tooltip and CSV download: "OBS De Regenboog (11VM00)".
// The names come from the measure answer's `namen` (column → code → naam, for the codes in its
// rows) and, for vestigingen, from GET /api/vestigingen when the answer has none (an older server).
// A code without a known name is shown as the code alone, so a missing name never breaks a chart.
import type { Row, Vestiging } from './types';

/** Column → code → naam. */
export type NameMaps = Record<string, Record<string, string>>;

/** The columns whose codes have names. */
export const NAMED_COLUMNS = ['vestiging_id', 'voorziening_id'] as const;

/** The names of one answer: its own `namen` first, the vestigingen list for what it lacks. */
export function collectNames(namen: NameMaps | undefined, vestigingen: readonly Vestiging[] | null): NameMaps {
  const names: NameMaps = {};
  for (const column of NAMED_COLUMNS) names[column] = { ...(namen?.[column] ?? {}) };
  const own = names.vestiging_id!;
  for (const v of vestigingen ?? []) if (v.naam && own[v.vestiging_id] === undefined) own[v.vestiging_id] = v.naam;
  return names;
}

/** "naam (code)" for a code with a name. */
export function nameWithCode(code: string, naam: string | undefined): string {
  return naam ? `${naam} (${code})` : code;
}

/** Display labels code → "naam (code)" for every named code, to merge into a chart's labels. */
export function nameLabels(names: NameMaps): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const column of Object.keys(names)) for (const [code, naam] of Object.entries(names[column]!)) labels[code] = nameWithCode(code, naam);
  return labels;
}

/** The name column written beside a code column in a download: vestiging_id → vestiging_naam. */
export function nameColumnOf(column: string): string {
  return `${column.replace(/_id$/, '')}_naam`;
}

/**
 * The rows with a name column after each code column that has a name for any of its codes (the
 * code column itself unchanged, so the file still joins on the codes); the others as they are.
 */
export function withNameColumns(columns: readonly string[], rows: readonly Row[], names: NameMaps): { columns: string[]; rows: Row[] } {
  const named = columns.filter((c) => names[c] && rows.some((r) => typeof r[c] === 'string' && names[c]![r[c] as string] !== undefined));
  if (named.length === 0) return { columns: [...columns], rows: [...rows] };
  const out = columns.flatMap((c) => (named.includes(c) ? [c, nameColumnOf(c)] : [c]));
  return {
    columns: out,
    rows: rows.map((r) => {
      const row: Row = { ...r };
      for (const c of named) row[nameColumnOf(c)] = typeof r[c] === 'string' ? (names[c]![r[c] as string] ?? null) : null;
      return row;
    }),
  };
}
