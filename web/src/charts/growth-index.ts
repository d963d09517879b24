// Growth against a base year: per setting the change in percent since the base date, with the
// total drawn beside them as a thick dashed black line, the demographic line. A setting that grows
// faster than the total grows in share; one that follows the total only follows the population.
// The zero line (= the base year) is always drawn and always inside the axis.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import { axisLabelExpression, type BaseOptions, dateExpression, dateLabelExpression, distinctValues, settingColors, topLevel, fitWidth } from './common';

export interface GrowthIndexOptions extends BaseOptions {
  series: string;
  seriesOrder: readonly string[];
  xTitle: string;
  valueTitle: string;
  /** The series drawn as the demographic line. */
  totalValue?: string;
}

export function growthIndexSpec(rows: readonly Row[], options: GrowthIndexOptions): TopLevelSpec {
  const total = options.totalValue ?? 'totaal';
  const series = distinctValues(rows, options.series, options.seriesOrder);
  const x = { field: 'datum', type: 'ordinal', title: options.xTitle, axis: { labelExpr: dateLabelExpression(), labelAngle: 0 } };
  const y = {
    field: 'waarde',
    type: 'quantitative',
    title: options.valueTitle,
    scale: { zero: true, nice: true },
    // Percent change as the API gives it (46 = 146% of the base year), signed so +12 reads as growth.
    axis: { format: '+,.0f', labelExpr: `datum.value === 0 ? '0' : datum.label` },
  };
  const color = {
    field: options.series,
    type: 'nominal',
    title: null,
    scale: { domain: series, range: settingColors(series) },
    legend: { labelExpr: axisLabelExpression(options.labels) },
  };
  const isTotal = `datum[${JSON.stringify(options.series)}] === ${JSON.stringify(total)}`;
  const tooltip = [
    { field: options.series, type: 'nominal' },
    { field: 'datum_tekst', type: 'nominal', title: options.xTitle },
    { field: 'waarde', type: 'quantitative', title: options.valueTitle, format: '+,.2~f' },
  ];
  return {
    ...topLevel(options, rows),
    transform: [{ calculate: dateExpression('datum'), as: 'datum_tekst' }],
    ...fitWidth(options.width),
    height: 280,
    layer: [
      { mark: { type: 'rule', color: '#555' }, encoding: { y: { datum: 0 } } },
      {
        transform: [{ filter: `!(${isTotal})` }],
        mark: { type: 'line', point: true, strokeWidth: 2, tooltip: true },
        encoding: { x, y, color, tooltip },
      },
      {
        transform: [{ filter: isTotal }],
        mark: { type: 'line', point: { filled: true, size: 40 }, strokeWidth: 3.5, strokeDash: [7, 4], tooltip: true },
        encoding: { x, y, color, tooltip },
      },
    ],
  } as TopLevelSpec;
}
