// Stacked bars per school year, one colour per part (per provision). The stack starts at zero and
// its height is the total, so the total needs no bar of its own; the parts stay comparable at
// the bottom segment only, which is why the table view is one click away.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import {
  axisLabelExpression,
  bandAxisLabels,
  type BaseOptions,
  distinctValues,
  fitWidth,
  labelTransform,
  legendColumns,
  NUMBER_FORMAT,
  settingColors,
  textFieldOf,
  topLevel,
  TOTAL,
} from './common';

export interface StackedBarsOptions extends BaseOptions {
  x: string;
  xTitle: string;
  part: string;
  partTitle: string;
  valueTitle: string;
  valueFormat?: string;
  partOrder?: readonly string[];
}

export function stackedBarsSpec(rows: readonly Row[], options: StackedBarsOptions): TopLevelSpec {
  const format = options.valueFormat ?? NUMBER_FORMAT;
  const xValues = distinctValues(rows, options.x);
  // The total is the height of a stack: a part named totaal would count everything twice.
  const parts = distinctValues(rows, options.part, options.partOrder ?? []).filter((p) => p !== TOTAL);
  return {
    ...topLevel(options, rows),
    ...fitWidth(options.width),
    height: 280,
    transform: [{ filter: `datum[${JSON.stringify(options.part)}] !== ${JSON.stringify(TOTAL)}` }, labelTransform(options.labels, options.part),
      { calculate: `indexof(${JSON.stringify(parts)}, datum[${JSON.stringify(options.part)}])`, as: 'volgorde' },
    ],
    mark: { type: 'bar', tooltip: true, stroke: '#fff', strokeWidth: 1 },
    encoding: {
      x: { field: options.x, type: 'nominal', title: options.xTitle, sort: xValues, axis: { ...bandAxisLabels(options.width, xValues.length, 80), labelExpr: axisLabelExpression(options.labels) } },
      y: {
        field: 'waarde',
        type: 'quantitative',
        aggregate: 'sum',
        title: options.valueTitle,
        stack: 'zero',
        scale: { zero: true, nice: true },
        axis: { format },
      },
      color: {
        field: options.part,
        type: 'nominal',
        title: options.partTitle,
        sort: parts,
        scale: { domain: parts, range: settingColors(parts) },
        // The legend lists the parts in stack order (bottom first), wrapping below the chart.
        legend: { columns: legendColumns(options.width, parts.length, 220), symbolLimit: 40, labelExpr: axisLabelExpression(options.labels) },
      },
      order: { field: 'volgorde', type: 'quantitative', sort: 'ascending' },
      tooltip: [
        { field: options.x, type: 'nominal', title: options.xTitle },
        { field: textFieldOf(options.part), type: 'nominal', title: options.partTitle },
        { field: 'waarde', type: 'quantitative', aggregate: 'sum', title: options.valueTitle, format },
      ],
    },
  } as TopLevelSpec;
}
