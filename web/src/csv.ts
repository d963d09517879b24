// The CSV download of a chart: exactly the rows and columns the chart shows, written as
// `stroom measure ID --format csv` writes them (`;`-separated, header line, `.` as decimal point,
// an empty field for an empty value), so a download can be compared with the CLI byte for byte
// and read back without guessing the locale.
//
// The same rules as stroom's one CSV writer (src/ingest/csv_writer.h, docs/exports.md): RFC 4180
// quoting (a field with `;`, `"`, CR or LF in quotes, its quotes doubled), and a text cell that
// starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so that a spreadsheet shows it
// as text instead of running it as a formula. Numbers are never prefixed: -4.5 stays a number.
import type { Cell, Row } from './types';

/** True when a spreadsheet would read the text as the start of a formula. */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

function csvField(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers arrive rounded to two decimals; String() writes them without trailing zeros (50, 33.33),
  // like the CLI.
  const text = typeof value === 'number' ? String(value) : startsLikeFormula(value) ? `'${value}` : value;
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvField(c)).join(';')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(';'));
  return `${lines.join('\n')}\n`;
}

/** A file name for a chart's download: the chart id and its parameters, safe on every system. */
export function csvFileName(grafiek: string, params: Record<string, string | undefined>): string {
  const parts = [grafiek, ...Object.values(params).filter((v): v is string => Boolean(v))];
  return `${parts.join('_').replace(/[^A-Za-z0-9_.-]/g, '-')}.csv`;
}
