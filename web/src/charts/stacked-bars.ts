// Stacked bars per school year, one colour per part (per provision). The stack starts at zero and
// its height is the total, so the total needs no bar of its own; the parts stay comparable at
// the bottom segment only, which is why the table view is one click away.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import { type BaseOptions, distinctValues, NUMBER_FORMAT, topLevel, fitWidth } from './common';

export interface StackedBarsOptions extends BaseOptions {
  x: string;
  xTitle: string;
  part: string;
  partTitle: string;
  valueTitle: string;
  valueFormat?: string;
}

export function stackedBarsSpec(rows: readonly Row[], options: StackedBarsOptions): TopLevelSpec {
  const format = options.valueFormat ?? NUMBER_FORMAT;
  const xValues = distinctValues(rows, options.x);
  const parts = distinctValues(rows, options.part);
  return {
    ...topLevel(options, rows),
    ...fitWidth(options.width),
    height: 280,
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: options.x, type: 'nominal', title: options.xTitle, sort: xValues, axis: { labelAngle: 0 } },
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
        scale: { scheme: 'tableau20' },
        legend: { columns: 4, symbolLimit: 40 },
      },
      order: { field: options.part, sort: 'ascending' },
      tooltip: [
        { field: options.x, type: 'nominal', title: options.xTitle },
        { field: options.part, type: 'nominal', title: options.partTitle },
        { field: 'waarde', type: 'quantitative', aggregate: 'sum', title: options.valueTitle, format },
      ],
    },
  } as TopLevelSpec;
}
