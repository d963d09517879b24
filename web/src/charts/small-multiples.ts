// Small multiples: one panel of bars over time per value of a field (per setting, per sub-measure),
// each panel with its own y scale that starts at zero. Used where the series differ too much in
// size for one shared axis (bao in the tens of thousands, so in the hundreds): one axis would flatten
// the small settings, a broken or dual axis would mislead. The panel titles say which is which.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import {
  axisLabelExpression,
  type BaseOptions,
  dateExpression,
  dateLabelExpression,
  distinctValues,
  labelTransform,
  NUMBER_FORMAT,
  settingColors,
  suppressedLabelLayer,
  textFieldOf,
  timeAxis,
  topLevel,
} from './common';

export interface SmallMultiplesOptions extends BaseOptions {
  /** The field with one panel per value. */
  facet: string;
  facetOrder: readonly string[];
  facetTitle?: string;
  /** The time field on the x axis (an ISO date such as datum). */
  x: string;
  xTitle: string;
  valueTitle: string;
  valueFormat?: string;
  columns?: number;
}

/** The narrowest panel, axis included, before the panels reflow to fewer columns. */
export const MIN_PANEL = 230;

export function smallMultiplesSpec(rows: readonly Row[], options: SmallMultiplesOptions): TopLevelSpec {
  const format = options.valueFormat ?? NUMBER_FORMAT;
  const panels = distinctValues(rows, options.facet, options.facetOrder);
  // Reflow: as many columns as fit the width at MIN_PANEL px each (one on a phone), at most the
  // requested number.
  const fitting = Math.max(1, Math.floor(options.width / MIN_PANEL));
  const columns = Math.max(1, Math.min(options.columns ?? 4, panels.length, fitting));
  // The panel width follows the space available, less about 100 px per panel for its y axis (labels
  // and title) and the spacing between panels.
  const panelWidth = Math.max(100, Math.floor((options.width - (columns - 1) * 14) / columns) - 100);
  const x = {
    field: options.x,
    type: 'ordinal',
    title: options.xTitle,
    axis: { labelExpr: dateLabelExpression('’%y'), labelAngle: 0, labelOverlap: 'parity' },
  };
  return {
    ...topLevel(options, rows),
    ...timeAxis(options.x),
    transform: [{ calculate: dateExpression(options.x), as: 'datum_tekst' }, labelTransform(options.labels, options.facet)],
    facet: {
      field: options.facet,
      type: 'nominal',
      sort: panels,
      title: null,
      // A panel title never wider than its panel (long setting names are shortened with an ellipsis).
      header: { labelExpr: axisLabelExpression(options.labels), labelFontWeight: 'bold', labelLimit: panelWidth },
    },
    columns,
    spacing: { row: 16, column: 14 },
    spec: {
      width: panelWidth,
      height: 120,
      layer: [
        {
          mark: { type: 'bar', tooltip: true },
          encoding: {
            x,
            y: {
              field: 'waarde',
              type: 'quantitative',
              title: options.valueTitle,
              scale: { zero: true, nice: true },
              axis: { format, tickCount: 4 },
            },
            color: {
              field: options.facet,
              type: 'nominal',
              scale: { domain: panels, range: settingColors(panels) },
              legend: null,
            },
            tooltip: [
              { field: textFieldOf(options.facet), type: 'nominal', title: options.facetTitle ?? options.facet },
              { field: 'datum_tekst', type: 'nominal', title: options.xTitle },
              { field: 'waarde', type: 'quantitative', title: options.valueTitle, format },
            ],
          },
        },
        // A suppressed count ("<5") has no bar; it is written on the zero line instead.
        suppressedLabelLayer('y', { x }),
      ],
    },
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}
