// Vertical bars per category (a school year or a provision), with one bar per series side by side:
// the way in next to the way back, places next to occupied next to waiting. Side by side rather
// than stacked, because the point is to compare the series with each other, from one zero line.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import {
  axisLabelExpression,
  bandAxisLabels,
  type BaseOptions,
  COUNT_FORMAT,
  dateExpression,
  dateLabelExpression,
  distinctValues,
  fitWidth,
  labelTransform,
  legendColumns,
  NUMBER_FORMAT,
  suppressedLabelLayer,
  textFieldOf,
  timeAxis,
  topLevel,
  valueTextExpression,
} from './common';

export interface GroupedBarsOptions extends BaseOptions {
  x: string;
  xTitle: string;
  xOrder?: readonly string[];
  series: string;
  seriesOrder: readonly string[];
  seriesColors: readonly string[];
  valueTitle: string;
  seriesTitle?: string;
  valueFormat?: string;
  /** The x field is an ISO date (a teldatum): its labels are written as dates. */
  xIsDate?: boolean;
  /** The room one x label needs before the labels are turned (default: from the longest label). */
  xLabelWidth?: number;
  /** Write each bar's value above it (for few bars). */
  showValues?: boolean;
  height?: number;
}

export function groupedBarsSpec(rows: readonly Row[], options: GroupedBarsOptions): TopLevelSpec {
  const format = options.valueFormat ?? NUMBER_FORMAT;
  const xValues = distinctValues(rows, options.x, options.xOrder ?? []);
  const series = distinctValues(rows, options.series, options.seriesOrder);
  const colorIndex = (s: string) => options.seriesOrder.indexOf(s);
  // About 7 px a character at 12 px, plus a gap: the room the longest x label needs.
  const labelWidth = options.xIsDate ? 90 : Math.min(150, 12 + 7 * Math.max(1, ...xValues.map((v) => (options.labels[v] ?? v).length)));
  const x = {
    field: options.x,
    type: 'nominal',
    title: options.xTitle,
    sort: xValues,
    axis: { labelExpr: options.xIsDate ? dateLabelExpression() : axisLabelExpression(options.labels), ...bandAxisLabels(options.width, xValues.length, options.xLabelWidth ?? labelWidth) },
  };
  const y = {
    field: 'waarde',
    type: 'quantitative',
    title: options.valueTitle,
    scale: { zero: true, nice: true },
    axis: { format, tickMinStep: format === COUNT_FORMAT ? 1 : undefined },
  };
  const xOffset = { field: options.series, type: 'nominal', sort: series, scale: { paddingInner: 0.05 } };
  const color = {
    field: options.series,
    type: 'nominal',
    title: null,
    scale: { domain: series, range: series.map((s) => options.seriesColors[colorIndex(s)] ?? '#8c8c8c') },
    legend: series.length > 1 ? { labelExpr: axisLabelExpression(options.labels), labelLimit: 320, columns: legendColumns(options.width, series.length, 240) } : null,
  };
  const layers: unknown[] = [
    {
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x,
        xOffset,
        y,
        color,
        tooltip: [
          { field: textFieldOf(options.x), type: 'nominal', title: options.xTitle },
          { field: textFieldOf(options.series), type: 'nominal', title: options.seriesTitle ?? options.series },
          { field: 'waarde', type: 'quantitative', title: options.valueTitle, format },
        ],
      },
    },
  ];
  if (options.showValues)
    layers.push({
      transform: [{ calculate: valueTextExpression('waarde', format), as: 'waarde_tekst' }],
      mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11, color: '#222' },
      encoding: { x, xOffset, y: { field: 'waarde', type: 'quantitative' }, text: { field: 'waarde_tekst' } },
    });
  // A suppressed count has no bar; its "<5" stands on the zero line instead.
  layers.push(suppressedLabelLayer('y', { x, xOffset }));
  return {
    ...topLevel(options, rows),
    ...(options.xIsDate ? timeAxis(options.x, 'nominal', xValues) : {}),
    transform: [
      options.xIsDate ? { calculate: dateExpression(options.x), as: textFieldOf(options.x) } : labelTransform(options.labels, options.x),
      labelTransform(options.labels, options.series),
    ],
    ...fitWidth(options.width),
    height: options.height ?? 260,
    layer: layers,
  } as TopLevelSpec;
}
