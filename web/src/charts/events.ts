// The events of the region (notes marked as gebeurtenis: a new provision, a changed procedure or
// definition) drawn over every chart with a time axis, so that a lagged effect is seen beside its
// cause. One declarative Vega-Lite layer added by one function (withEvents) to any spec whose
// builder marked its time axis (common.ts, timeAxis): a dotted vertical rule with a short label,
// the kind, date and text in the tooltip, and the events named in the chart's text alternative.
//
// The time axes are teldata on a band scale, not a continuous time scale, so an event is drawn at
// the first teldatum on or after its date (the first count that can show its effect); the label
// and the tooltip give its own date. An event before the axis' first date or after its last is
// outside the chart's period and not drawn.
import type { TopLevelSpec } from 'vega-lite';
import { formatDate, type Lang } from '../format';
import { t, type TextKey } from '../i18n';
import type { EventKind, Row } from '../types';
import { EVENT_COLOR, EVENT_DASH } from './palette';

/** An event as the charts need it (from GET /api/gebeurtenissen). */
export interface ChartEvent {
  datum: string;
  soort: EventKind;
  tekst: string;
}

const KIND_KEYS: Record<EventKind, { long: TextKey; short: TextKey }> = {
  nieuwe_voorziening: { long: 'eventKindNieuweVoorziening', short: 'eventShortNieuweVoorziening' },
  procedure_gewijzigd: { long: 'eventKindProcedureGewijzigd', short: 'eventShortProcedureGewijzigd' },
  definitie_gewijzigd: { long: 'eventKindDefinitieGewijzigd', short: 'eventShortDefinitieGewijzigd' },
  anders: { long: 'eventKindAnders', short: 'eventShortAnders' },
};

/** "Nieuwe voorziening", "Procedure gewijzigd", … */
export function eventKindLabel(soort: EventKind, lang: Lang): string {
  return t(KIND_KEYS[soort]?.long ?? 'eventKindAnders', {}, lang);
}

/** The text cut to a tooltip's length (the notes box has it whole). */
function shortText(text: string, max = 140): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

interface TimeAxisMeta {
  veld: string;
  type: string;
  sort?: string[];
}

function timeAxisOf(spec: TopLevelSpec): TimeAxisMeta | null {
  const meta = (spec as { usermeta?: { tijdas?: TimeAxisMeta } }).usermeta?.tijdas;
  return meta && typeof meta.veld === 'string' ? meta : null;
}

/** The events within the axis' dates, each with the axis date it is drawn at. */
export function eventsOnAxis(axisDates: readonly string[], events: readonly ChartEvent[]): Array<ChartEvent & { at: string }> {
  const dates = [...new Set(axisDates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)))].sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (!first || !last) return [];
  return events
    .filter((e) => e.datum >= first && e.datum <= last)
    .map((e) => ({ ...e, at: dates.find((d) => d >= e.datum) ?? last }))
    .sort((a, b) => a.datum.localeCompare(b.datum));
}

/**
 * The spec with the events in its period drawn over it, and named in its description; the spec
 * unchanged when it has no time axis or no event falls in its period. Pure: the same spec and
 * events give the same result, so a chart's cached copy (ui/chart-snapshot.ts) is redrawn exactly
 * when an event is added, changed or removed.
 */
export function withEvents(spec: TopLevelSpec, events: readonly ChartEvent[], lang: Lang): TopLevelSpec {
  const axis = timeAxisOf(spec);
  if (!axis || events.length === 0) return spec;
  const rows = ((spec as { data?: { values?: Row[] } }).data?.values ?? []) as Row[];
  const axisDates = rows.map((r) => String(r[axis.veld] ?? ''));
  const shown = eventsOnAxis(axisDates, events);
  if (shown.length === 0) return spec;
  const last = axisDates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort().at(-1);
  const values = shown.map((e) => ({
    [axis.veld]: e.at,
    gebeurtenis_label: t(KIND_KEYS[e.soort]?.short ?? 'eventShortAnders', {}, lang),
    gebeurtenis_soort: eventKindLabel(e.soort, lang),
    gebeurtenis_datum: formatDate(e.datum, lang),
    gebeurtenis_tekst: shortText(e.tekst),
    gebeurtenis_aan_eind: e.at === last,
  }));
  const x = { field: axis.veld, type: axis.type, ...(axis.sort ? { sort: axis.sort } : {}) };
  const tooltip = [
    { field: 'gebeurtenis_soort', type: 'nominal', title: t('eventTooltipKind', {}, lang) },
    { field: 'gebeurtenis_datum', type: 'nominal', title: t('eventTooltipDate', {}, lang) },
    { field: 'gebeurtenis_tekst', type: 'nominal', title: t('eventTooltipText', {}, lang) },
  ];
  // Both marks are decoration for a screen reader (aria: false); the description names the events.
  const layer = {
    name: 'gebeurtenissen',
    data: { values },
    layer: [
      { mark: { type: 'rule', color: EVENT_COLOR, strokeWidth: 2, strokeDash: EVENT_DASH, tooltip: true, aria: false }, encoding: { x, tooltip } },
      // The label right of its rule, or left of it on the axis' last date (it would leave the chart).
      ...[false, true].map((atEnd) => ({
        transform: [{ filter: `${atEnd ? '' : '!'}datum.gebeurtenis_aan_eind` }],
        mark: { type: 'text', color: EVENT_COLOR, align: atEnd ? 'right' : 'left', baseline: 'top', dx: atEnd ? -4 : 4, fontSize: 11, fontWeight: 'bold', tooltip: true, aria: false },
        encoding: { x, y: { value: 2 }, text: { field: 'gebeurtenis_label' }, tooltip },
      })),
    ],
  };
  const named = shown.map((e) => `${formatDate(e.datum, lang)}, ${eventKindLabel(e.soort, lang).toLowerCase()}: ${shortText(e.tekst, 80)}`).join('; ');
  const description = `${(spec as { description?: string }).description ?? ''} ${t('eventsInChart', { aantal: String(shown.length), gebeurtenissen: named }, lang)}`.trim();
  const s = spec as unknown as Record<string, unknown>;
  if (s.facet && s.spec) {
    const inner = s.spec as Record<string, unknown>;
    const innerLayers = Array.isArray(inner.layer) ? inner.layer : [{ mark: inner.mark, encoding: inner.encoding }];
    const { mark: _m, encoding: _e, ...innerRest } = inner;
    return { ...s, description, spec: { ...innerRest, layer: [...innerLayers, layer] } } as unknown as TopLevelSpec;
  }
  if (Array.isArray(s.layer)) return { ...s, description, layer: [...s.layer, layer] } as unknown as TopLevelSpec;
  const { mark, encoding, ...rest } = s;
  return { ...rest, description, layer: [{ mark, encoding }, layer] } as unknown as TopLevelSpec;
}
