// The table view of a chart: the same rows and columns as the CSV download, with numbers and
// dates written the Dutch (or English) way. Empty values show as a dash, never as 0.
import { isSuppressed } from '../charts/common';
import { formatCell, type Lang } from '../format';
import type { Row } from '../types';
import { el } from './dom';

export function dataTable(columns: readonly string[], rows: readonly Row[], caption: string, lang: Lang): HTMLTableElement {
  // A column of numbers, suppressed counts ("<5") among them, is right-aligned.
  const numeric = columns.map((c) => rows.some((r) => typeof r[c] === 'number' || isSuppressed(r[c])));
  return el(
    'table',
    { class: 'data-table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...columns.map((c, i) => el('th', { scope: 'col', class: numeric[i] ? 'num' : undefined }, c)))),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el('tr', {}, ...columns.map((c, i) => el('td', { class: numeric[i] ? 'num' : undefined }, formatCell(row[c] ?? null, lang)))),
      ),
    ),
  );
}
