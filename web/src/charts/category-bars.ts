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
  NUMBER_FORMAT,
  settingColors,
  suppressedLabelLayer,
  topLevel,
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
  const categories = options.order
    ? distinctValues(rows, options.category, options.order)
    : byValueDescending(rows, options.category);
  const long = categories.length > 20;
  const y = {
    field: options.category,
    type: 'nominal',
    title: options.categoryTitle,
    sort: categories,
    axis: { labelExpr: axisLabelExpression(options.labels), labelLimit: 220 },
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
    : { value: '#4e79a7' };
  const layers: unknown[] = [
    {
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y,
        x,
        color,
        tooltip: [
          { field: options.category, type: 'nominal', title: options.categoryTitle },
          { field: 'waarde', type: 'quantitative', title: options.valueTitle, format },
        ],
      },
    },
    {
      transform: [{ calculate: valueTextExpression('waarde', format), as: 'waarde_tekst' }],
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 12, color: '#222' },
      encoding: { y, x: { ...x, axis: undefined, title: undefined }, text: { field: 'waarde_tekst' } },
    },
    suppressedLabelLayer('x', { y }),
  ];
  if (options.referenceValue !== undefined)
    layers.push({
      mark: { type: 'rule', color: '#222', strokeDash: [4, 3] },
      encoding: { x: { datum: options.referenceValue } },
    });
  return {
    ...topLevel(options, rows),
    ...fitWidth(options.width),
    // A fixed height per bar, as a number: a step height would stop the chart from fitting its width.
    height: categories.length * (long ? 15 : 22),
    layer: layers,
  } as TopLevelSpec;
}
