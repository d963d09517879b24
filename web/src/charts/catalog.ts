// The one list of which chart draws which measure, on which page. The pages take their chart ids
// and measure ids from here (chart()), and the tests check that every registered measure (the
// maatboek in the unit tests, GET /api/measures end to end) has at least one chart: a new measure
// without a chart fails them.
import type { PageId } from '../router';

export interface ChartEntry {
  /** The chart's id: its notes, its CSV file name and data-grafiek in the page. */
  grafiek: string;
  /** The measure it draws (the Definitie link goes to it). */
  measure: string;
  /** The page it is on. */
  page: PageId;
}

export const CHARTS = [
  { grafiek: 'overzicht-leerlingen', measure: 'leerlingen', page: 'overzicht' },
  { grafiek: 'overzicht-leerlingen-tijd', measure: 'leerlingen', page: 'overzicht' },
  { grafiek: 'overzicht-deelname', measure: 'deelname', page: 'overzicht' },
  { grafiek: 'overzicht-ontwikkeling', measure: 'ontwikkeling', page: 'overzicht' },
  { grafiek: 'overzicht-leerlingen-2jaar', measure: 'leerlingen_2jaar', page: 'overzicht' },
  { grafiek: 'stromen-heen-terug', measure: 'richting', page: 'leerlingstromen' },
  { grafiek: 'stromen-direct', measure: 'richting', page: 'leerlingstromen' },
  { grafiek: 'stromen-ratio', measure: 'richting', page: 'leerlingstromen' },
  { grafiek: 'stromen-matrix', measure: 'stromen', page: 'leerlingstromen' },
  { grafiek: 'stromen-grensverkeer', measure: 'grensverkeer', page: 'leerlingstromen' },
  { grafiek: 'stromen-verblijfsduur', measure: 'verblijfsduur', page: 'leerlingstromen' },
  { grafiek: 'stromen-verblijfsduur-curve', measure: 'verblijfsduur_curve', page: 'leerlingstromen' },
  { grafiek: 'thuiszitters-datum', measure: 'thuiszitters', page: 'thuiszitters' },
  { grafiek: 'thuiszitters-trend', measure: 'thuiszitters', page: 'thuiszitters' },
  { grafiek: 'thuiszitters-2jaar', measure: 'thuiszitters_2jaar', page: 'thuiszitters' },
  { grafiek: 'thuiszitters-per-reden', measure: 'thuiszitters_per_reden', page: 'thuiszitters' },
  { grafiek: 'thuiszitters-per-school', measure: 'thuiszitters_per_school', page: 'thuiszitters' },
  { grafiek: 'thuiszitters-meldingen', measure: 'thuiszitter_meldingen', page: 'thuiszitters' },
  { grafiek: 'voorzieningen-capaciteit', measure: 'wachtlijst', page: 'voorzieningen' },
  { grafiek: 'voorzieningen-bezettingsgraad', measure: 'wachtlijst', page: 'voorzieningen' },
  { grafiek: 'voorzieningen-kosten', measure: 'kosten', page: 'voorzieningen' },
  { grafiek: 'voorzieningen-tlv-toegekend', measure: 'tlv_toegekend', page: 'voorzieningen' },
  { grafiek: 'voorzieningen-tlv-mei-juli', measure: 'tlv_aanvragen_mei_juli', page: 'voorzieningen' },
  { grafiek: 'inzicht-verwachting', measure: 'verwachting', page: 'inzicht' },
  { grafiek: 'inzicht-vergelijking', measure: 'vergelijking', page: 'inzicht' },
  { grafiek: 'inzicht-clusters', measure: 'leerlingen_cluster', page: 'inzicht' },
  { grafiek: 'inzicht-niveaus', measure: 'leerlingen_niveau', page: 'inzicht' },
  { grafiek: 'inzicht-kwaliteit', measure: 'kwaliteit', page: 'inzicht' },
] as const satisfies readonly ChartEntry[];

export type ChartId = (typeof CHARTS)[number]['grafiek'];

/** The chart's id and measure for its definition in a page: `{ ...chart('stromen-matrix'), … }`. */
export function chart(grafiek: ChartId): { grafiek: string; measure: string } {
  const entry = CHARTS.find((c) => c.grafiek === grafiek)!;
  return { grafiek: entry.grafiek, measure: entry.measure };
}

/** The measures of the given list that no chart draws (should be none). */
export function measuresWithoutChart(measureIds: readonly string[]): string[] {
  const drawn = new Set<string>(CHARTS.map((c) => c.measure));
  return measureIds.filter((id) => !drawn.has(id));
}

/** The charts of one page, in the page's order. */
export function chartsOf(page: PageId): string[] {
  return CHARTS.filter((c) => c.page === page).map((c) => c.grafiek);
}
