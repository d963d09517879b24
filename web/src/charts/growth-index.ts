// Growth against a base year: per setting the change in percent since the base date, with the
// total drawn beside them as a thick dashed black line, the demographic line. A setting that grows
// faster than the total grows in share; one that follows the total only follows the population.
// The zero line (= the base year) is always drawn and always inside the axis. Optionally a
// setting's Poisson noise band around the demographic line (poisson-band.ts) is drawn beneath.
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
  settingColors,
  textFieldOf,
  timeAxis,
  topLevel,
} from './common';
import { DASHES, SHAPES } from './palette';
import type { BandRow } from './poisson-band';

export interface GrowthIndexOptions extends BaseOptions {
  series: string;
  seriesOrder: readonly string[];
  xTitle: string;
  valueTitle: string;
  /** The series drawn as the demographic line. */
  totalValue?: string;
  /** The field with the percent change (default waarde; leerlingen_2jaar has procent). */
  value?: string;
  seriesTitle?: string;
  /** One setting's noise band around the demographic line (its own data; not in the table or CSV). */
  band?: readonly BandRow[];
  /** The band's tooltip titles (lower and upper edge). */
  bandTitles?: [string, string];
}

export function growthIndexSpec(rows: readonly Row[], options: GrowthIndexOptions): TopLevelSpec {
  const total = options.totalValue ?? 'totaal';
  const series = distinctValues(rows, options.series, options.seriesOrder);
  const legend = { labelExpr: axisLabelExpression(options.labels), columns: legendColumns(options.width, series.length), symbolStrokeWidth: 2 };
  const value = options.value ?? 'waarde';
  const xCount = distinctValues(rows, 'datum').length;
  const x = { field: 'datum', type: 'ordinal', title: options.xTitle, axis: { labelExpr: dateLabelExpression(), ...bandAxisLabels(options.width, xCount, 90) } };
  const y = {
    field: value,
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
    legend,
  };
  // The second encoding: each setting its own point shape (the total is the thick dashed line).
  const shape = { field: options.series, type: 'nominal', scale: { domain: series, range: series.map((_, i) => SHAPES[i % SHAPES.length]) }, legend };
  const strokeDash = {
    field: options.series,
    type: 'nominal',
    scale: { domain: series, range: series.map((s, i) => (s === total ? [7, 4] : DASHES[i % DASHES.length])) },
    legend,
  };
  const isTotal = `datum[${JSON.stringify(options.series)}] === ${JSON.stringify(total)}`;
  const tooltip = [
    { field: textFieldOf(options.series), type: 'nominal', title: options.seriesTitle ?? options.series },
    { field: 'datum_tekst', type: 'nominal', title: options.xTitle },
    { field: value, type: 'quantitative', title: options.valueTitle, format: '+,.2~f' },
  ];
  return {
    ...topLevel(options, rows),
    ...timeAxis('datum'),
    transform: [{ calculate: dateExpression('datum'), as: 'datum_tekst' }, labelTransform(options.labels, options.series)],
    ...fitWidth(options.width),
    height: 280,
    layer: [
      ...bandLayer(options, x, y),
      { mark: { type: 'rule', color: '#555' }, encoding: { y: { datum: 0 } } },
      {
        transform: [{ filter: `!(${isTotal})` }],
        mark: { type: 'line', point: { filled: true, size: 45 }, strokeWidth: 2, tooltip: true },
        encoding: { x, y, color, shape, strokeDash, tooltip },
      },
      {
        transform: [{ filter: isTotal }],
        mark: { type: 'line', point: { filled: true, size: 40 }, strokeWidth: 3.5, tooltip: true },
        encoding: { x, y, color, shape, strokeDash, tooltip },
      },
    ],
  } as TopLevelSpec;
}

/** The band as an area in its setting's colour, beneath the lines, on the same x and y scales. */
function bandLayer(options: GrowthIndexOptions, x: object, y: { title: string }): object[] {
  const band = options.band ?? [];
  if (band.length === 0) return [];
  const [lowTitle, highTitle] = options.bandTitles ?? ['laag', 'hoog'];
  const color = settingColors([band[0]!.onderwijssoort])[0];
  return [
    {
      data: { values: band },
      mark: { type: 'area', color, opacity: 0.22, tooltip: true },
      encoding: {
        x,
        y: { ...y, field: 'laag' },
        y2: { field: 'hoog' },
        tooltip: [
          { field: 'laag', type: 'quantitative', title: lowTitle, format: '+,.1~f' },
          { field: 'hoog', type: 'quantitative', title: highTitle, format: '+,.1~f' },
        ],
      },
    },
  ];
}
