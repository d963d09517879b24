// The shapes of the stroom HTTP API (src/server/ in the C++ tree), as the web app reads them.

/** One cell of a measure row: labels are strings, counts and numbers are numbers, empty is null. */
export type Cell = string | number | null;

/** One row of a measure, keyed by the measure's CSV columns (see docs/maatboek.md). */
export type Row = Record<string, Cell>;

/** GET /api/measures: one entry per registered measure. */
export interface MeasureInfo {
  id: string;
  naam: string;
  definitie: string;
  eenheid: string;
  bronnen: string;
  verplicht: string[];
  optioneel: string[];
}

/** GET /api/measures/{id}: the measure's rows with its definition, source and data date. */
export interface MeasureResult {
  id: string;
  naam: string;
  definitie: string;
  eenheid: string;
  bron: string;
  datum_data: string | null;
  kolommen: string[];
  rijen: Row[];
}

/** GET /api/info: the dates the pickers offer. */
export interface RegionInfo {
  teldata: string[];
  datum_data: string | null;
  schooljaren: string[];
}

/** A note (narratief) attached to a chart for a date range. */
export interface Note {
  id: number;
  grafiek: string;
  van: string;
  tot: string;
  tekst: string;
  auteur: string;
  aangemaakt: string;
}

export type NewNote = Omit<Note, 'id' | 'aangemaakt'>;

/** Query parameters a measure accepts. */
export interface MeasureParams {
  at?: string;
  ijkjaar?: string;
  peildatum?: string;
  schooljaar?: string;
}
