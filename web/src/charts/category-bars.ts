// Horizontal bars, one per category (a setting, a school, a reason, a provision), each with its
// value written beside it. Used where the categories have no order in time. The value axis always
// starts at zero, and a reference line (e.g. 100% occupancy) can be drawn.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import {
  axisLabelExpression,
  type BaseOptions,
  COUNT_FORMAT,
  distinctValues,
  fitWidth,
  isSuppressed,
  labelTransform,
  NUMBER_FORMAT,
  settingColors,
  suppressedLabelLayer,
  textFieldOf,
  topLevel,
  TOTAL,
  valueTextExpression,
} from './common';

export interface CategoryBarsOptions extends BaseOptions {
  category: string;
  categoryTitle: string;
  valueTitle: string;
  /** A fixed category order (settings); without it the bars are sorted by value, largest first. */
  order?: readonly string[];
  /** Colour the bars by setting, with the shared setting colours. */
  colorBySetting?: boolean;
  valueFormat?: string;
  /** A vertical reference line at this value (for example 100 for a full provision). */
  referenceValue?: number;
  /**
   * The written name of the total ("totaal"): a row with category `totaal` gets no bar among its
   * parts but is written above them as text ("totaal: 38.774"), so it is shown, tabulated and
   * downloaded without being compared with its own parts.
   */
  totalTitle?: string;
}

/**
 * Categories by value, largest first; ties and empty values in their original order. A suppressed
 * count ("<5", between 1 and 4) comes after every number of 5 or more and before 0.
 */
export function byValueDescending(rows: readonly Row[], field: string): string[] {
  const value = (r: Row) => (typeof r.waarde === 'number' ? r.waarde : isSuppressed(r.waarde) ? 0.5 : Number.NEGATIVE_INFINITY);
  const sorted = [...rows].sort((a, b) => (value(a) === value(b) ? 0 : value(a) < value(b) ? 1 : -1));
  return distinctValues(sorted, field);
}

export function categoryBarsSpec(rows: readonly Row[], options: CategoryBarsOptions): TopLevelSpec {
  const format = options.valueFormat ?? NUMBER_FORMAT;
  // The order is computed here rather than left to a Vega-Lite sort, because the bar and label
  // layers must share one explicit domain order.
  const hasTotal = rows.some((r) => r[options.category] === TOTAL);
  const categories = (options.order ? distinctValues(rows, options.category, options.order) : byValueDescending(rows, options.category)).filter(
    (c) => c !== TOTAL,
  );
  const partsOnly = { filter: `datum[${JSON.stringify(options.category)}] !== ${JSON.stringify(TOTAL)}` };
  const long = categories.length > 20;
  const y = {
    field: options.category,
    type: 'nominal',
    title: options.categoryTitle,
    sort: categories,
    scale: { domain: categories },
    // Every category keeps its label (a school must not lose its name to thinning): the bars are
    // spaced for one line of text each, so labelOverlap is off here.
    axis: { labelExpr: axisLabelExpression(options.labels), labelLimit: Math.max(120, Math.min(260, Math.floor(options.width * 0.4))), labelOverlap: false, labelFontSize: long ? 11 : 12 },
  };
  const x = {
    field: 'waarde',
    type: 'quantitative',
    title: options.valueTitle,
    // Honest by default: the bar's length is the value, so the axis starts at zero.
    scale: { zero: true, nice: true },
    // A long list of bars gets its value axis at the top, where the reader starts.
    axis: { format, tickMinStep: format === COUNT_FORMAT ? 1 : undefined, orient: long ? 'top' : 'bottom' },
  };
  const color = options.colorBySetting
    ? { field: options.category, type: 'nominal', scale: { domain: categories, range: settingColors(categories) }, legend: null }
    : { value: '#0072B2' };
  const layers: unknown[] = [
    {
      transform: [partsOnly],
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y,
        x,
        color,
        tooltip: [
          { field: textFieldOf(options.category), type: 'nominal', title: options.categoryTitle },
          { field: 'waarde', type: 'quantitative', title: options.valueTitle, format },
        ],
      },
    },
    {
      transform: [partsOnly, { calculate: valueTextExpression('waarde', format), as: 'waarde_tekst' }],
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 12, color: '#222' },
      encoding: { y, x: { ...x, axis: undefined, title: undefined }, text: { field: 'waarde_tekst' } },
    },
    suppressedLabelLayer('x', { y }, [partsOnly]),
  ];
  if (hasTotal)
    layers.push({
      transform: [
        { filter: `datum[${JSON.stringify(options.category)}] === ${JSON.stringify(TOTAL)}` },
        { calculate: `${JSON.stringify(`${options.totalTitle ?? options.labels[TOTAL] ?? TOTAL}: `)} + (${valueTextExpression('waarde', format)})`, as: 'totaal_tekst' },
      ],
      mark: { type: 'text', align: 'left', baseline: 'bottom', fontSize: 13, fontWeight: 'bold', color: '#222', dy: -6 },
      encoding: { x: { value: 0 }, y: { value: 0 }, text: { field: 'totaal_tekst' } },
    });
  if (options.referenceValue !== undefined)
    layers.push({
      mark: { type: 'rule', color: '#222', strokeDash: [4, 3] },
      encoding: { x: { datum: options.referenceValue } },
    });
  return {
    ...topLevel(options, rows),
    transform: [labelTransform(options.labels, options.category)],
    ...fitWidth(options.width),
    // A fixed height per bar, as a number: a step height would stop the chart from fitting its width.
    height: categories.length * (long ? 16 : 22),
    layer: layers,
  } as TopLevelSpec;
}
