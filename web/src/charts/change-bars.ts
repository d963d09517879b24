// A signed change per teldatum as vertical bars from the zero line (thuiszitters_2jaar: the change
// in percent against two years before), each bar with its value written on it. One series only,
// so colour carries nothing but the sign: growth dark, decline light, and the sign is written too.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import { bandAxisLabels, type BaseOptions, dateExpression, dateLabelExpression, distinctValues, fitWidth, timeAxis, topLevel, valueTextExpression } from './common';
import { SERIES_PALETTE } from './palette';

export interface ChangeBarsOptions extends BaseOptions {
  /** The date field on the x axis. */
  x: string;
  xTitle: string;
  /** The field with the signed change. */
  value: string;
  valueTitle: string;
  valueFormat?: string;
}

export function changeBarsSpec(rows: readonly Row[], options: ChangeBarsOptions): TopLevelSpec {
  const format = options.valueFormat ?? '+,.2~f';
  const xValues = distinctValues(rows, options.x);
  const x = { field: options.x, type: 'ordinal', title: options.xTitle, sort: xValues, axis: { labelExpr: dateLabelExpression(), ...bandAxisLabels(options.width, xValues.length, 90) } };
  const y = { field: options.value, type: 'quantitative', title: options.valueTitle, scale: { zero: true, nice: true }, axis: { format: '+,.0f' } };
  const v = JSON.stringify(options.value);
  return {
    ...topLevel(options, rows),
    ...timeAxis(options.x, 'ordinal', xValues),
    transform: [
      { calculate: dateExpression(options.x), as: 'datum_tekst' },
      { calculate: `isNumber(datum[${v}]) && datum[${v}] > 0 ? '+' + format(datum[${v}], ',.2~f') : ${valueTextExpression(options.value)}`, as: 'waarde_tekst' },
    ],
    ...fitWidth(options.width),
    height: 240,
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x,
          y,
          color: { condition: { test: `datum[${v}] >= 0`, value: SERIES_PALETTE[0] }, value: SERIES_PALETTE[1] },
          tooltip: [
            { field: 'datum_tekst', type: 'nominal', title: options.xTitle },
            { field: options.value, type: 'quantitative', title: options.valueTitle, format },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 11, color: '#222', baseline: 'bottom', dy: -3 },
        encoding: { x, y, text: { field: 'waarde_tekst' } },
      },
      { mark: { type: 'rule', color: '#555' }, encoding: { y: { datum: 0 } } },
    ],
  } as TopLevelSpec;
}
