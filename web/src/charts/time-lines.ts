// Lines over the teldata, one per series (per setting), with a dot on every teldatum so that single
// years stay visible. The y axis starts at zero: a participation rate of 2.1% next to 2.3% must not
// look like a doubling.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import { axisLabelExpression, type BaseOptions, dateExpression, dateLabelExpression, distinctValues, NUMBER_FORMAT, settingColors, topLevel, fitWidth } from './common';

export interface TimeLinesOptions extends BaseOptions {
  x: string;
  xTitle: string;
  series: string;
  seriesOrder: readonly string[];
  valueTitle: string;
  valueFormat?: string;
}

export function timeLinesSpec(rows: readonly Row[], options: TimeLinesOptions): TopLevelSpec {
  const format = options.valueFormat ?? NUMBER_FORMAT;
  const series = distinctValues(rows, options.series, options.seriesOrder);
  const encoding = {
    x: { field: options.x, type: 'ordinal', title: options.xTitle, axis: { labelExpr: dateLabelExpression(), labelAngle: 0 } },
    y: { field: 'waarde', type: 'quantitative', title: options.valueTitle, scale: { zero: true, nice: true }, axis: { format } },
    color: {
      field: options.series,
      type: 'nominal',
      title: null,
      scale: { domain: series, range: settingColors(series) },
      legend: { labelExpr: axisLabelExpression(options.labels) },
    },
    tooltip: [
      { field: options.series, type: 'nominal' },
      { field: 'datum_tekst', type: 'nominal', title: options.xTitle },
      { field: 'waarde', type: 'quantitative', title: options.valueTitle, format },
    ],
  };
  return {
    ...topLevel(options, rows),
    transform: [{ calculate: dateExpression(options.x), as: 'datum_tekst' }],
    ...fitWidth(options.width),
    height: 260,
    mark: { type: 'line', point: true, tooltip: true },
    encoding,
  } as TopLevelSpec;
}
