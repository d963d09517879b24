// The from → to flow matrix of one school year: rows are the dominant setting on the previous
// teldatum, columns the setting on the teldatum, each cell says how many pupils made that move.
// Pupils who stayed (the diagonal) outnumber every move by far; they are shown as grey cells with
// their number, and the colour scale is set by the moves alone so that a flow of 12 from so back to
// bao stays visible next to thousands who stayed. Every cell carries its exact number, so the colour
// is a guide and never the only carrier of a value.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import {
  axisLabelExpression,
  type BaseOptions,
  COUNT_FORMAT,
  labelExpression,
  labelTransform,
  suppressedTest,
  textFieldOf,
  topLevel,
  valueTextExpression,
} from './common';

export interface FlowMatrixOptions extends BaseOptions {
  order: readonly string[];
  fromTitle: string;
  toTitle: string;
  valueTitle: string;
}

/** The value for in or out of the region (a row or column of its own, outside the colour scale). */
export const OUTSIDE = 'buiten';

/** Whether a cell is a flow between two settings of the region: the cells the colour scale is for. */
export function isRealFlow(row: Row): boolean {
  return row.van !== row.naar && row.van !== OUTSIDE && row.naar !== OUTSIDE;
}

/**
 * The regular transfer from primary to secondary (bao → vo): a whole age group every year, far
 * larger than any other flow. It gets the darkest colour (the scale is clamped) and its number, but
 * does not set the scale, so that the flows into and out of special education differ visibly.
 */
export function isRegularTransfer(row: Row): boolean {
  return row.van === 'bao' && row.naar === 'vo';
}

/**
 * The largest count among the flows between settings (van ≠ naar, neither `buiten`, not bao → vo); 1 when there
 * are none, to keep a valid scale. Who stayed and who came from or went out of the region are far
 * more and would flatten every real flow to the same pale colour.
 */
export function largestMove(rows: readonly Row[]): number {
  let max = 0;
  for (const row of rows)
    if (isRealFlow(row) && !isRegularTransfer(row) && typeof row.waarde === 'number') max = Math.max(max, row.waarde);
  return Math.max(1, max);
}

export function flowMatrixSpec(rows: readonly Row[], options: FlowMatrixOptions): TopLevelSpec {
  const order = [...options.order];
  for (const row of rows)
    for (const field of ['van', 'naar'])
      if (typeof row[field] === 'string' && !order.includes(row[field] as string)) order.push(row[field] as string);
  const max = largestMove(rows);
  const stayed = 'datum.van === datum.naar';
  const outside = `datum.van === '${OUTSIDE}' || datum.naar === '${OUTSIDE}'`;
  // The row labels (setting names) take up to 230 px, the legend 70; the cells share the rest. On a
  // narrow screen (a phone) the axes name the settings by their codes (the tooltip and the table
  // still give the names) and the legend goes below, so the matrix fits.
  const narrow = options.width < 560;
  const cell = narrow
    ? Math.max(22, Math.floor((options.width - 90) / order.length))
    : Math.max(30, Math.min(64, Math.floor((options.width - 320) / order.length)));
  // Both axes list the settings in the same order; only the field, title and side differ.
  const axisOf = (field: 'van' | 'naar', title: string, orient?: 'top') => ({
    field,
    type: 'nominal',
    sort: order,
    scale: { domain: order },
    title,
    // The column labels are turned so that long setting names never overlap; every label is kept.
    axis: {
      ...(orient ? { orient, labelAngle: -40, labelAlign: 'left', labelBaseline: 'middle' } : {}),
      labelExpr: narrow ? 'datum.value' : axisLabelExpression(options.labels),
      labelLimit: 230,
      labelOverlap: false,
      domain: false,
      ticks: false,
    },
  });
  const x = axisOf('naar', options.toTitle, 'top');
  const y = axisOf('van', options.fromTitle);
  const tooltip = [
    // The settings by name (speciaal onderwijs (so)), also where the axes show codes.
    { field: textFieldOf('van'), type: 'nominal', title: options.fromTitle },
    { field: textFieldOf('naar'), type: 'nominal', title: options.toTitle },
    // The written value, so a suppressed count reads "<5" here too (never NaN).
    { field: 'waarde_tekst', type: 'nominal', title: options.valueTitle },
  ];
  return {
    ...topLevel(options, rows),
    width: cell * order.length,
    height: cell * order.length,
    transform: [
      { calculate: valueTextExpression('waarde', COUNT_FORMAT), as: 'waarde_tekst' },
      labelTransform(options.labels, 'van'),
      labelTransform(options.labels, 'naar'),
      // What a screen reader says for a cell (Vega-Lite would format "<5" as a number: NaN).
      {
        calculate: [
          `${JSON.stringify(`${options.fromTitle}: `)} + (${labelExpression(options.labels, 'van')})`,
          `${JSON.stringify(`; ${options.toTitle}: `)} + (${labelExpression(options.labels, 'naar')})`,
          `${JSON.stringify(`; ${options.valueTitle}: `)} + datum.waarde_tekst`,
        ].join(' + '),
        as: 'beschrijving',
      },
    ],
    config: { ...topLevel(options, rows).config, axis: { grid: false, labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal' } },
    layer: [
      {
        // 'show': a suppressed cell ("<5", not a number) keeps its rect; the condition colours it.
        mark: { type: 'rect', stroke: '#fff', strokeWidth: 1, tooltip: true, invalid: 'show' },
        encoding: {
          x,
          y,
          color: {
            // Grey for who stayed; a suppressed move (1 to 4 pupils, "<5") gets the scale's lightest
            // colour, as a small number would.
            condition: [
              { test: stayed, value: '#e3e3e3' },
              // In or out of the region: its own light blue-grey, outside the scale, number written.
              { test: outside, value: '#dde6ee' },
              { test: suppressedTest(), value: '#fdeedf' },
            ],
            field: 'waarde',
            type: 'quantitative',
            title: options.valueTitle,
            // A linear scale from zero, set by the moves: darker means more pupils, proportionally.
            scale: { scheme: 'oranges', domain: [0, max], zero: true, clamp: true },
            legend: narrow
              ? { orient: 'bottom', direction: 'horizontal', format: COUNT_FORMAT, gradientLength: Math.min(200, cell * order.length) }
              : { orient: 'right', direction: 'vertical', format: COUNT_FORMAT, gradientLength: 160 },
          },
          description: { field: 'beschrijving' },
          tooltip,
        },
      },
      {
        mark: { type: 'text', fontSize: narrow ? 9 : 11 },
        encoding: {
          x,
          y,
          text: { field: 'waarde_tekst', type: 'nominal' },
          color: { condition: { test: `!(${stayed}) && !(${outside}) && datum.waarde > ${max / 2}`, value: '#fff' }, value: '#222' },
          tooltip,
        },
      },
    ],
  } as TopLevelSpec;
}
