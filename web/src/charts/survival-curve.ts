// The Kaplan-Meier survival curve of length of stay (measure verblijfsduur_curve): one step line
// per setting, the share of stays still running after so many days, from 100% at day 0. The 50%
// line is drawn and named: where a curve crosses it lies that setting's median (the verblijfsduur
// chart beside it). Settings differ in colour and in dash (palette.ts), so the lines stay apart
// without colour. A point that publishing hid (null) is left out; the step runs on to the next.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import { axisLabelExpression, type BaseOptions, distinctValues, fitWidth, labelTransform, legendColumns, NUMBER_FORMAT, settingColors, textFieldOf, topLevel } from './common';
import { DASHES, NEUTRAL } from './palette';

export interface SurvivalCurveOptions extends BaseOptions {
  /** The series field (onderwijssoort) and its order. */
  series: string;
  seriesOrder: readonly string[];
  xTitle: string;
  valueTitle: string;
  seriesTitle: string;
  /** The text beside the 50% line. */
  halfLabel: string;
}

/** The rows the lines are drawn from: the published points, and (0 days, 100%) for every setting that has one. */
export function curvePoints(rows: readonly Row[], series: string): Row[] {
  const shown = rows.filter((r) => typeof r.waarde === 'number' && typeof r.dagen === 'number');
  const settings = distinctValues(shown, series);
  return [...settings.map((s) => ({ [series]: s, dagen: 0, waarde: 100 }) as Row), ...shown];
}

export function survivalCurveSpec(rows: readonly Row[], options: SurvivalCurveOptions): TopLevelSpec {
  const points = curvePoints(rows, options.series);
  const series = distinctValues(points, options.series, options.seriesOrder);
  const legend = { labelExpr: axisLabelExpression(options.labels), columns: legendColumns(options.width, series.length), symbolStrokeWidth: 2, title: null };
  const lines = {
    transform: [labelTransform(options.labels, options.series)],
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2, point: { filled: true, size: 20 }, tooltip: true },
    encoding: {
      x: { field: 'dagen', type: 'quantitative', title: options.xTitle, scale: { zero: true, nice: true }, axis: { format: ',d', labelOverlap: true } },
      y: { field: 'waarde', type: 'quantitative', title: options.valueTitle, scale: { domain: [0, 100] }, axis: { format: ',d' } },
      color: { field: options.series, type: 'nominal', scale: { domain: series, range: settingColors(series) }, legend },
      strokeDash: { field: options.series, type: 'nominal', scale: { domain: series, range: series.map((_, i) => DASHES[i % DASHES.length]) }, legend },
      order: { field: 'dagen', type: 'quantitative' },
      tooltip: [
        { field: textFieldOf(options.series), type: 'nominal', title: options.seriesTitle },
        { field: 'dagen', type: 'quantitative', title: options.xTitle, format: ',d' },
        { field: 'waarde', type: 'quantitative', title: options.valueTitle, format: NUMBER_FORMAT },
      ],
    },
  };
  const half = {
    data: { values: [{ waarde: 50 }] },
    layer: [
      { mark: { type: 'rule', color: NEUTRAL, strokeDash: [4, 4], strokeWidth: 1.5 }, encoding: { y: { field: 'waarde', type: 'quantitative' } } },
      {
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, color: NEUTRAL, fontSize: 11, text: options.halfLabel },
        encoding: { y: { field: 'waarde', type: 'quantitative' }, x: { value: 'width' } },
      },
    ],
  };
  return {
    ...topLevel(options, points),
    ...fitWidth(options.width),
    height: 260,
    layer: [lines, half],
  } as TopLevelSpec;
}
