// The shapes of the stroom HTTP API (src/server/ in the C++ tree), as the web app reads them.

/**
 * One cell of a measure row: labels are strings, counts and numbers are numbers, empty is null.
 * For every role but beheerder the server suppresses small counts: a count of 1 to 4 arrives as the
 * string "<5", and a value derived from one, or a count hidden so that no small one can be worked
 * out by subtraction, as null (as `stroom measure --publish` writes them; docs/privacy.md).
 */
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
  /**
   * The names of the codes in the rows, per column (vestiging_id, voorziening_id): code → naam.
   * Optional: an older server sends none, and the app then takes vestigingen from /api/vestigingen.
   */
  namen?: Record<string, Record<string, string>>;
  /** The selection the server applied (swv, sector, …); empty or absent: the whole region. */
  selectie?: Record<string, string>;
}

/** GET /api/info: the dates the pickers offer. */
export interface RegionInfo {
  teldata: string[];
  datum_data: string | null;
  schooljaren: string[];
  /** The period the data covers: the server refuses dates outside it. */
  eerste_datum: string | null;
  laatste_datum: string | null;
  /** The areas of tellingen (NL, SWV codes …), for the Inzicht page's comparison. */
  gebieden?: string[];
}

/** A note (narratief) attached to a chart for a date range; the author is the logged-in user. */
export interface Note {
  id: number;
  grafiek: string;
  van: string;
  tot: string;
  tekst: string;
  /** The user name of the author, taken by the server from the session. */
  auteur: string;
  /** The author's role when the note was written. */
  rol: string;
  aangemaakt: string;
  /** When the author last edited it; absent when never edited. */
  gewijzigd?: string;
  /** Set when the note is an event (gebeurtenis), drawn on every chart whose period holds its date. */
  gebeurtenis?: NoteEvent;
}

/** The kinds of event a note may be marked as (server: kEventKinds in store/notes_repository.h). */
export const EVENT_KINDS = ['nieuwe_voorziening', 'procedure_gewijzigd', 'definitie_gewijzigd', 'anders'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface NoteEvent {
  datum: string;
  soort: EventKind;
}

/** POST /api/notities: the author is not sent, the server takes it from the session. */
export type NewNote = Pick<Note, 'grafiek' | 'van' | 'tot' | 'tekst'> & { gebeurtenis?: NoteEvent | null };
/** What an edit sends: the whole note but its chart (no gebeurtenis: the note is no longer an event). */
export type NoteChange = Omit<NewNote, 'grafiek'>;

/** The roles of docs/privacy.md, by their Dutch names as the API writes them. */
export type Role = 'beheerder' | 'analist' | 'school' | 'commissie' | 'ouder';

/** POST /api/login and GET /api/sessie: who is logged in, and the CSRF token for their POSTs. */
export interface Session {
  gebruiker: string;
  rol: Role;
  /** school: the vestigingen whose pupils the user may see. */
  vestigingen: string[];
  /** ouder: the one child the user may see. */
  leerling: string | null;
  csrf: string;
}

/**
 * A page of a pupil list (GET /api/leerlingen?vestiging=ID or ?aanvragen=1, &pagina=N): at most
 * per_pagina rows. The server writes one audit entry per page, with the pupils on it.
 */
export interface PupilPage<Row> {
  pagina: number;
  paginas: number;
  per_pagina: number;
  totaal: number;
  rijen: Row[];
}

/** GET /api/leerlingen?vestiging=ID: the enrolments at that vestiging, one per row. */
export interface PupilListItem {
  leerling_id: string;
  onderwijssoort: string | null;
  startdatum: string | null;
  einddatum: string | null;
}

/** GET /api/vestigingen (every role): the public names of the school locations, sorted by naam. */
export interface Vestiging {
  vestiging_id: string;
  naam: string | null;
  gemeente: string | null;
  sector: string | null;
}

/**
 * GET /api/leerlingen?aanvragen=1 (commissie, beheerder): one row per support request, newest
 * request first, a page at a time.
 */
export interface SupportRequest {
  leerling_id: string;
  besluit_id: string | null;
  soort: string | null;
  categorie: string | null;
  aanvraagdatum: string | null;
  besluitdatum: string | null;
  uitkomst: string | null;
}

export interface Enrolment {
  vestiging_id: string | null;
  onderwijssoort: string | null;
  cluster: string | null;
  niveau: string | null;
  startdatum: string | null;
  einddatum: string | null;
}

export interface SupportDecision {
  /** Absent in a parent's record (no internal ids). */
  besluit_id?: string | null;
  soort: string | null;
  categorie: string | null;
  voorziening_id: string | null;
  aanvraagdatum: string | null;
  besluitdatum: string | null;
  startdatum: string | null;
  einddatum: string | null;
  uitkomst: string | null;
}

export interface AbsenceReport {
  /** Absent in a parent's record. */
  melding_id?: string | null;
  vestiging_id: string | null;
  soort: string | null;
  /** "ja" or "nee" as imported (a boolean is read the same way). */
  thuiszitter: string | boolean | null;
  startdatum: string | null;
  einddatum: string | null;
  reden: string | null;
}

export interface WaitingListEntry {
  voorziening_id: string | null;
  aanmelddatum: string | null;
  plaatsingsdatum: string | null;
  /** The date the registration was withdrawn, if it was. */
  afgemeld: string | null;
}

/** GET /api/leerlingen/{id}: everything registered about one (pseudonymous) pupil. */
export interface PupilRecord {
  /** Absent in GET /api/mijn-kind: a parent is never shown an internal id. */
  leerling_id?: string;
  inschrijvingen: Enrolment[];
  ondersteuning: SupportDecision[];
  verzuim: AbsenceReport[];
  wachtlijst: WaitingListEntry[];
}

/** GET /api/audit: one read or change of personal data (or a login attempt), newest first. */
export interface AuditEntry {
  id: number;
  tijdstip: string;
  gebruiker: string;
  rol: string;
  actie: string;
  leerling_id: string | null;
  bron: string;
  detail: string | null;
  adres: string | null;
  /** A page of a pupil list: the pupils on it (empty for other entries). */
  leerlingen: string[];
}

/** Query parameters a measure accepts. */
export interface MeasureParams {
  at?: string;
  ijkjaar?: string;
  peildatum?: string;
  schooljaar?: string;
  /** vergelijking: the area of tellingen to compare against (default NL). */
  gebied?: string;
  /** The part of the region (docs/measures.md "Selectie"); api.ts adds the page's selection. */
  swv?: string;
  sector?: string;
  bestuur?: string;
  gemeente?: string;
  vestiging?: string;
}

/** GET /api/mijn-kind/inzage: who looked at the parent's child, by role and organisation. */
export interface AccessLogEntry {
  tijdstip: string;
  /** e.g. "school (De Regenboog)", "samenwerkingsverband (beheerder)". */
  wie: string;
  wat: string;
  /** Only when the SWV chose to show staff names. */
  naam?: string;
}

export interface AccessLog {
  regels: AccessLogEntry[];
  maximaal: number;
  namen_getoond: boolean;
}

/** GET /api/contact: the SWV's contact details; a field not set is absent. */
export interface SwvContact {
  naam?: string;
  telefoon?: string;
  email?: string;
  adres?: string;
  website?: string;
}

/** A hypothesis of GET /api/hypothesen (docs/insight.md). */
export interface Hypothesis {
  id: number;
  tekst: string;
  voorspelling: Prediction;
  alternatieven: string[];
  bewijs: EvidenceItem[];
  status: HypothesisStatus;
  auteur: string;
  rol: string;
  aangemaakt: string;
  gewijzigd?: string;
  waargenomen: { uitkomst: 'klopt' | 'klopt_niet' | 'onbepaald'; uitleg: string; rijen: Row[]; datum_data: string | null };
  triangulatie: { status: 'getrianguleerd' | 'niet getrianguleerd'; bronnen: string[]; aantal: number; nodig: number };
  waarschuwing?: string;
}

export const HYPOTHESIS_STATUSES = ['open', 'ondersteund', 'weersproken'] as const;
export type HypothesisStatus = (typeof HYPOTHESIS_STATUSES)[number];
export const DIRECTIONS = ['stijgt', 'daalt', 'boven', 'onder'] as const;
export const EVIDENCE_KINDS = ['maat', 'telling', 'notitie', 'document'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface Prediction {
  maat: string;
  parameters: Record<string, string>;
  groepen: Record<string, string>;
  kolom?: string;
  richting: (typeof DIRECTIONS)[number];
}

/** An evidence item as read: the common fields and those of its kind (docs/insight.md "Evidence"). */
export interface EvidenceItem {
  id: number;
  soort: EvidenceKind;
  bron: string;
  omschrijving?: string;
  auteur: string;
  rol: string;
  aangemaakt: string;
  maat?: string;
  parameters?: Record<string, string>;
  teldatum?: string;
  gebied?: string;
  onderwijssoort?: string;
  cluster?: string;
  aantal?: number | null;
  notitie?: number;
  notitie_grafiek?: string | null;
  notitie_tekst?: string | null;
  url?: string;
}

export type NewHypothesis = Pick<Hypothesis, 'tekst' | 'voorspelling' | 'alternatieven' | 'status'>;
export type NewEvidence = Omit<EvidenceItem, 'id' | 'auteur' | 'rol' | 'aangemaakt' | 'aantal' | 'notitie_grafiek' | 'notitie_tekst'>;
