// The table view of a chart: the chart's rows as a wide table (wide-table.ts) with Dutch headers,
// numbers and dates written the Dutch (or English) way. Empty values show as a dash, never as 0.
import { formatCell, type Lang } from '../format';
import { el } from './dom';
import type { TableShape } from './wide-table';

export function dataTable(shape: TableShape, caption: string, lang: Lang): HTMLTableElement {
  const cls = (i: number) => (shape.numeric[i] ? 'num' : undefined);
  return el(
    'table',
    { class: 'data-table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...shape.headers.map((h, i) => el('th', { scope: 'col', class: cls(i) }, h)))),
    el('tbody', {}, ...shape.rows.map((row) => el('tr', {}, ...row.map((cell, i) => el('td', { class: cls(i) }, formatCell(cell, lang)))))),
  );
}
