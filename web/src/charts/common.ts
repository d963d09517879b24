// What every chart spec shares: the settings and their colours, label and date expressions, the
// number formats and the base config. The spec builders in this folder are pure functions from
// rows to a Vega-Lite spec; the rows go in unchanged as `data.values`, so the table view and the
// CSV download (built from the same rows) show exactly what the chart shows.
import type { TopLevelSpec } from 'vega-lite';
import type { Row } from '../types';
import { seriesColors } from './palette';

/** The settings in the maatboek's fixed order. */
export const SETTINGS = ['bao', 'sbo', 'so', 'vo', 'pro', 'vso', 'isk'] as const;

/** The colours live in palette.ts (colour-blind safe, 3:1 contrast); re-exported for the pages. */
export { SETTING_COLORS } from './palette';

/** The value that sums the others: never drawn in the same bars as its parts. */
export const TOTAL = 'totaal';

/** The number format for counts and values in axes, labels and tooltips (locale-aware in Vega). */
export const NUMBER_FORMAT = ',.2~f';
export const COUNT_FORMAT = ',d';

/** Options every builder takes; the texts come from i18n so the builders stay language-free. */
export interface BaseOptions {
  width: number;
  /** Display labels for data values (so → so, totaal → total, …); unknown values are shown as they are. */
  labels: Record<string, string>;
  /** A one-line description for screen readers. */
  description: string;
}

/** A Vega expression that maps datum[field] through labels, falling back to the value itself. */
export function labelExpression(labels: Record<string, string>, field: string): string {
  return `(${JSON.stringify(labels)})[datum[${JSON.stringify(field)}]] || datum[${JSON.stringify(field)}]`;
}

/** A Vega expression that writes an ISO date (YYYY-MM-DD) field with the chart's time locale. */
export function dateExpression(field: string, pattern = '%-d %b %Y'): string {
  return `utcFormat(toDate(datum[${JSON.stringify(field)}]), '${pattern}')`;
}

/** The same for axis labels, where the value is datum.value. */
export function dateLabelExpression(pattern = '%-d %b %Y'): string {
  return `utcFormat(toDate(datum.value), '${pattern}')`;
}

/** The values of field in first-seen order, ordered by `order` where it names them. */
export function distinctValues(rows: readonly Row[], field: string, order: readonly string[] = []): string[] {
  const seen: string[] = [];
  for (const row of rows) {
    const value = row[field];
    if (typeof value === 'string' && !seen.includes(value)) seen.push(value);
  }
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  return seen.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i).map((x) => x.v);
}

/** Colours for the given series values, in the same order (settings their own colour). */
export function settingColors(values: readonly string[]): string[] {
  return seriesColors(values);
}

/** The name of the calculated field that holds field's display text (label or "naam (code)"). */
export function textFieldOf(field: string): string {
  return `${field}_tekst`;
}

/** A transform that writes field's display text into textFieldOf(field), for tooltips. */
export function labelTransform(labels: Record<string, string>, field: string): { calculate: string; as: string } {
  return { calculate: labelExpression(labels, field), as: textFieldOf(field) };
}

/**
 * Axis labels that never overlap: Vega drops every other label while they would (labelOverlap),
 * and on a narrow chart with many labels they are turned 45 degrees as well.
 */
export function bandAxisLabels(width: number, count: number, labelWidth = 70): { labelOverlap: 'parity'; labelAngle: number; labelAlign?: 'right'; labelLimit: number } {
  const rotate = count * labelWidth > width;
  return rotate
    ? { labelOverlap: 'parity', labelAngle: -45, labelAlign: 'right', labelLimit: 140 }
    : { labelOverlap: 'parity', labelAngle: 0, labelLimit: 140 };
}

/** How many legend entries fit on one line of the given width (legends wrap below the chart). */
export function legendColumns(width: number, entries: number, entryWidth = 250): number {
  return Math.max(1, Math.min(entries, Math.floor(width / entryWidth)));
}

/** The config shared by all charts: quiet axes, no chart border, readable fonts. */
export const BASE_CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  view: { stroke: null },
  // labelOverlap: where labels would overlap, Vega hides every other one until they do not.
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#444', grid: true, gridColor: '#e6e6e6', labelOverlap: 'parity', labelSeparation: 4 },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', orient: 'bottom', direction: 'horizontal', labelLimit: 220 },
  header: { labelFontSize: 13, titleFontSize: 12 },
  bar: { discreteBandSize: { band: 0.85 } },
} as const;

/** The top-level part of every spec. */
export function topLevel(options: BaseOptions, rows: readonly Row[]): Pick<TopLevelSpec, '$schema' | 'description' | 'config'> & {
  data: { values: Row[] };
} {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: options.description,
    // The rows as they came from the API: the table view and the CSV download use these same rows.
    data: { values: rows as Row[] },
    config: BASE_CONFIG as TopLevelSpec['config'],
  };
}

/** An axis/legend/header labelExpr that maps datum.value through labels. */
export function axisLabelExpression(labels: Record<string, string>): string {
  return `(${JSON.stringify(labels)})[datum.value] || datum.value`;
}

/**
 * A suppressed count: for every role but beheerder the server writes a count of 1 to 4 as "<5"
 * (as `stroom measure --publish` does). A chart cannot draw it as a length, so it is written as
 * text where its bar would start, never drawn as 0 and never left out silently.
 */
export function isSuppressed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('<');
}

/** The Vega test for a suppressed value in datum[field]. */
export function suppressedTest(field = 'waarde'): string {
  const f = JSON.stringify(field);
  return `isString(datum[${f}]) && indexof(datum[${f}], '<') === 0`;
}

/**
 * A Vega expression for a value as text: locale-formatted, the marker as it is for a suppressed
 * count ("<5"), an en dash when empty (never 0).
 */
export function valueTextExpression(field: string, format = NUMBER_FORMAT): string {
  const f = JSON.stringify(field);
  return `isNumber(datum[${f}]) ? format(datum[${f}], '${format}') : isString(datum[${f}]) && datum[${f}] !== '' ? datum[${f}] : '–'`;
}

/**
 * A text layer that writes the suppressed values ("<5") at the zero of the value axis, where their
 * bar would start. `position` names the value channel (x for horizontal bars, y for vertical).
 */
export function suppressedLabelLayer(position: 'x' | 'y', encoding: Record<string, unknown>, before: readonly unknown[] = []): unknown {
  return {
    transform: [...before, { filter: suppressedTest() }],
    mark:
      position === 'x'
        ? { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 12, color: '#222' }
        : { type: 'text', align: 'center', baseline: 'bottom', dy: -3, fontSize: 11, color: '#222' },
    encoding: { ...encoding, [position]: { datum: 0, type: 'quantitative' }, text: { field: 'waarde', type: 'nominal' } },
  };
}

/**
 * The whole chart, axis labels and legend included, fits the given width: long labels (a reason,
 * a school) take room from the plot instead of pushing the chart past its panel.
 */
export function fitWidth(width: number): { width: number; autosize: { type: 'fit-x'; contains: 'padding' } } {
  return { width: Math.max(240, width), autosize: { type: 'fit-x', contains: 'padding' } };
}

/**
 * Marks the field of a chart's time axis (ISO dates, type as its x encoding), so that the events
 * of the region are drawn over it by charts/events.ts (withEvents). Only a builder knows which axis
 * is time; the event layer itself is added in one place, for every chart that has one.
 */
export function timeAxis(
  field: string,
  type: 'ordinal' | 'nominal' = 'ordinal',
  sort?: readonly string[],
): { usermeta: { tijdas: { veld: string; type: string; sort?: string[] } } } {
  // The sort of the chart's own x encoding, so the layers' x domains union without a conflict.
  return { usermeta: { tijdas: { veld: field, type, ...(sort ? { sort: [...sort] } : {}) } } };
}
