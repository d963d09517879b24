// Lines over the teldata, one per series (per setting), with a dot on every teldatum so that single
// years stay visible. The y axis starts at zero: a participation rate of 2.1% next to 2.3% must not
// look like a doubling.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import {
  axisLabelExpression,
  bandAxisLabels,
  type BaseOptions,
  dateExpression,
  dateLabelExpression,
  distinctValues,
  fitWidth,
  labelTransform,
  legendColumns,
  NUMBER_FORMAT,
  settingColors,
  textFieldOf,
  timeAxis,
  topLevel,
} from './common';
import { DASHES, SHAPES } from './palette';

export interface TimeLinesOptions extends BaseOptions {
  x: string;
  xTitle: string;
  series: string;
  seriesOrder: readonly string[];
  valueTitle: string;
  valueFormat?: string;
  seriesTitle?: string;
}

export function timeLinesSpec(rows: readonly Row[], options: TimeLinesOptions): TopLevelSpec {
  const format = options.valueFormat ?? NUMBER_FORMAT;
  const series = distinctValues(rows, options.series, options.seriesOrder);
  const xCount = distinctValues(rows, options.x).length;
  // One legend: colour, dash and shape on the same field with the same legend are merged by Vega-Lite.
  const legend = { labelExpr: axisLabelExpression(options.labels), columns: legendColumns(options.width, series.length), symbolStrokeWidth: 2 };
  const encoding = {
    x: { field: options.x, type: 'ordinal', title: options.xTitle, axis: { labelExpr: dateLabelExpression(), ...bandAxisLabels(options.width, xCount, 90) } },
    y: { field: 'waarde', type: 'quantitative', title: options.valueTitle, scale: { zero: true, nice: true }, axis: { format } },
    color: {
      field: options.series,
      type: 'nominal',
      title: null,
      scale: { domain: series, range: settingColors(series) },
      legend,
    },
    // The second encoding beside colour: every series its own dash and point shape (one legend).
    strokeDash: { field: options.series, type: 'nominal', scale: { domain: series, range: series.map((_, i) => DASHES[i % DASHES.length]) }, legend },
    shape: { field: options.series, type: 'nominal', scale: { domain: series, range: series.map((_, i) => SHAPES[i % SHAPES.length]) }, legend },
    tooltip: [
      { field: textFieldOf(options.series), type: 'nominal', title: options.seriesTitle ?? options.series },
      { field: 'datum_tekst', type: 'nominal', title: options.xTitle },
      { field: 'waarde', type: 'quantitative', title: options.valueTitle, format },
    ],
  };
  return {
    ...topLevel(options, rows),
    ...timeAxis(options.x),
    transform: [{ calculate: dateExpression(options.x), as: 'datum_tekst' }, labelTransform(options.labels, options.series)],
    ...fitWidth(options.width),
    height: 260,
    mark: { type: 'line', point: { filled: true, size: 45 }, strokeWidth: 2, tooltip: true },
    encoding,
  } as TopLevelSpec;
}
