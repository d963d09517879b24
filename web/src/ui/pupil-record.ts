// One pupil's record as a person reads it: a timeline of everything that happened (enrolments,
// support decisions, absence, waiting list) in date order, then each source as a table. Only the
// pseudonymous id is ever shown, and none at all in a parent's record (GET /api/mijn-kind leaves
// the ids out, and so do the tables here); the texts say plainly what each date means. A vestiging is shown
// by its name next to its code when the names could be loaded (else by its code alone).
import { formatDate } from '../format';
import { getLang, t, type TextKey } from '../i18n';
import type { PupilRecord, SupportDecision } from '../types';
import { loadVestigingen, vestigingIndex, vestigingLabel, type VestigingNames } from '../vestigingen';
import { clear, el } from './dom';
import { scrollingTable } from './scroll-frame';

export type EventKind = 'inschrijving' | 'ondersteuning' | 'verzuim' | 'wachtlijst';

export interface TimelineEvent {
  date: string;
  kind: EventKind;
  key: TextKey;
  values: Record<string, string>;
  /** The support decision an ondersteuning event belongs to (besluit_id), when it has one. */
  besluit?: string;
}

/** How a record is shown: vestiging names (null: codes only) and one support decision to point out. */
export interface RecordOptions {
  vestigingen?: VestigingNames | null;
  /** A besluit_id (from the Aanvragen page): its events and its row are highlighted. */
  besluit?: string | null;
}

const UNKNOWN = '?';

function supportKind(d: SupportDecision): string {
  return [d.soort, d.categorie].filter(Boolean).join(' ') || UNKNOWN;
}

function isHomeSitter(value: string | boolean | null): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'ja');
}

/** Every dated fact of the record as an event, oldest first (same day: in the order of the sources). */
export function timelineEvents(record: PupilRecord, vestigingen: VestigingNames | null = null): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const add = (date: string | null, kind: EventKind, key: TextKey, values: Record<string, string>, besluit?: string | null) => {
    if (date) events.push(besluit ? { date, kind, key, values, besluit } : { date, kind, key, values });
  };
  for (const e of record.inschrijvingen) {
    const values = { onderwijssoort: e.onderwijssoort ?? UNKNOWN, vestiging: e.vestiging_id ? vestigingLabel(e.vestiging_id, vestigingen) : UNKNOWN };
    add(e.startdatum, 'inschrijving', 'evEnrolStart', values);
    add(e.einddatum, 'inschrijving', 'evEnrolEnd', values);
  }
  for (const d of record.ondersteuning) {
    const soort = supportKind(d);
    add(d.aanvraagdatum, 'ondersteuning', 'evRequest', { soort }, d.besluit_id);
    add(d.besluitdatum, 'ondersteuning', 'evDecision', { soort, uitkomst: d.uitkomst ?? UNKNOWN }, d.besluit_id);
    add(d.startdatum, 'ondersteuning', 'evSupportStart', { soort }, d.besluit_id);
    add(d.einddatum, 'ondersteuning', 'evSupportEnd', { soort }, d.besluit_id);
  }
  for (const v of record.verzuim) {
    const soort = v.soort ?? UNKNOWN;
    add(v.startdatum, 'verzuim', isHomeSitter(v.thuiszitter) ? 'evAbsenceStartHome' : 'evAbsenceStart', { soort });
    add(v.einddatum, 'verzuim', 'evAbsenceEnd', { soort });
  }
  for (const w of record.wachtlijst) {
    const values = { voorziening: w.voorziening_id ?? UNKNOWN };
    add(w.aanmelddatum, 'wachtlijst', 'evWaitRegistered', values);
    add(w.plaatsingsdatum, 'wachtlijst', 'evWaitPlaced', values);
    add(w.afgemeld, 'wachtlijst', 'evWaitWithdrawn', values);
  }
  // Array.prototype.sort is stable, so events of one day keep the order above.
  return events.sort((a, b) => a.date.localeCompare(b.date));
}

function dateText(value: string | null, open = false): string {
  if (value) return formatDate(value, getLang());
  return open ? t('ongoing') : '–';
}

function text(value: string | null): string {
  return value === null || value === '' ? '–' : value;
}

interface Column<R> {
  title: TextKey;
  value: (row: R) => string;
}

type RowAttributes = Record<string, string | boolean | undefined>;

function recordTable<R>(title: TextKey, allColumns: Array<Column<R> | null>, rows: readonly R[], rowAttributes: (row: R) => RowAttributes = () => ({})): HTMLElement {
  const columns = allColumns.filter((c): c is Column<R> => c !== null);
  const id = `sectie-${title}`;
  const body = rows.length
    ? el(
        'table',
        { class: 'data-table record-table' },
        el('caption', { class: 'visually-hidden' }, t(title)),
        el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, t(c.title))))),
        el('tbody', {}, ...rows.map((row) => el('tr', rowAttributes(row), ...columns.map((c) => el('td', {}, c.value(row)))))),
      )
    : el('p', { class: 'empty' }, t('sectionEmpty'));
  // A table scrolls sideways inside its frame on a phone (scroll-frame.ts), the page does not.
  const framed = rows.length ? scrollingTable(body, id) : body;
  return el('section', { class: 'record-section', 'aria-labelledby': id, 'data-sectie': title }, el('h2', { id }, t(title)), framed);
}

export function timelineList(record: PupilRecord, options: RecordOptions = {}): HTMLElement {
  const lang = getLang();
  const events = timelineEvents(record, options.vestigingen ?? null);
  const marked = (e: TimelineEvent) => Boolean(options.besluit && e.besluit === options.besluit);
  return el(
    'section',
    { class: 'timeline', 'aria-labelledby': 'tijdlijn-titel' },
    el('h2', { id: 'tijdlijn-titel' }, t('timeline')),
    events.length
      ? el(
          'ol',
          { class: 'timeline-list' },
          ...events.map((e) =>
            el(
              'li',
              { class: `event event-${e.kind}${marked(e) ? ' highlighted' : ''}`, 'data-kind': e.kind, 'data-besluit': e.besluit },
              el('time', { datetime: e.date }, formatDate(e.date, lang)),
              el('span', { class: 'event-text' }, t(e.key, e.values)),
            ),
          ),
        )
      : el('p', { class: 'empty' }, t('timelineEmpty')),
  );
}

/** The whole record: timeline first, then the four sources as tables. */
export function pupilRecordView(record: PupilRecord, options: RecordOptions = {}): HTMLElement {
  const vestiging = (id: string | null) => (id ? vestigingLabel(id, options.vestigingen) : '–');
  return el(
    'div',
    { class: 'pupil-record', 'data-leerling': record.leerling_id },
    timelineList(record, options),
    recordTable(
      'sectionInschrijvingen',
      [
        { title: 'colVestiging', value: (r) => vestiging(r.vestiging_id) },
        { title: 'colOnderwijssoort', value: (r) => text(r.onderwijssoort) },
        { title: 'colCluster', value: (r) => text(r.cluster) },
        { title: 'colNiveau', value: (r) => text(r.niveau) },
        { title: 'colStart', value: (r) => dateText(r.startdatum) },
        { title: 'colEinde', value: (r) => dateText(r.einddatum, true) },
      ],
      record.inschrijvingen,
    ),
    recordTable(
      'sectionOndersteuning',
      [
        record.ondersteuning.some((r) => r.besluit_id !== undefined) ? { title: 'colBesluit', value: (r) => text(r.besluit_id ?? null) } : null,
        { title: 'colSoort', value: (r) => text(r.soort) },
        { title: 'colCategorie', value: (r) => text(r.categorie) },
        { title: 'colVoorziening', value: (r) => text(r.voorziening_id) },
        { title: 'colAanvraag', value: (r) => dateText(r.aanvraagdatum) },
        { title: 'colBesluitdatum', value: (r) => dateText(r.besluitdatum) },
        { title: 'colStart', value: (r) => dateText(r.startdatum) },
        { title: 'colEinde', value: (r) => dateText(r.einddatum, Boolean(r.startdatum)) },
        { title: 'colUitkomst', value: (r) => text(r.uitkomst) },
      ],
      record.ondersteuning,
      (r) => ({ 'data-besluit': r.besluit_id ?? undefined, class: options.besluit && r.besluit_id === options.besluit ? 'highlighted' : undefined }),
    ),
    recordTable(
      'sectionVerzuim',
      [
        record.verzuim.some((r) => r.melding_id !== undefined) ? { title: 'colMelding', value: (r) => text(r.melding_id ?? null) } : null,
        { title: 'colVestiging', value: (r) => vestiging(r.vestiging_id) },
        { title: 'colSoort', value: (r) => text(r.soort) },
        { title: 'colThuiszitter', value: (r) => (isHomeSitter(r.thuiszitter) ? t('yes') : t('no')) },
        { title: 'colStart', value: (r) => dateText(r.startdatum) },
        { title: 'colEinde', value: (r) => dateText(r.einddatum, true) },
        { title: 'colReden', value: (r) => text(r.reden) },
      ],
      record.verzuim,
    ),
    recordTable(
      'sectionWachtlijst',
      [
        { title: 'colVoorziening', value: (r) => text(r.voorziening_id) },
        { title: 'colAanmelding', value: (r) => dateText(r.aanmelddatum) },
        { title: 'colPlaatsing', value: (r) => dateText(r.plaatsingsdatum) },
        { title: 'colAfgemeld', value: (r) => dateText(r.afgemeld) },
      ],
      record.wachtlijst,
    ),
  );
}

/** The record with every list present (a source without rows may be left out by the server). */
export function normalizeRecord(record: Partial<PupilRecord>): PupilRecord {
  return {
    ...(record.leerling_id === undefined ? {} : { leerling_id: record.leerling_id }),
    inschrijvingen: record.inschrijvingen ?? [],
    ondersteuning: record.ondersteuning ?? [],
    verzuim: record.verzuim ?? [],
    wachtlijst: record.wachtlijst ?? [],
  };
}

/**
 * Loads a record into target, with a loading line and the server's message on failure. The
 * vestiging names are loaded alongside (once per session); without them the codes are shown.
 */
export async function showPupilRecord(
  target: HTMLElement,
  load: () => Promise<PupilRecord>,
  options: Pick<RecordOptions, 'besluit'> & { after?: (record: PupilRecord) => HTMLElement } = {},
): Promise<void> {
  clear(target);
  const status = el('p', { class: 'loading', role: 'status' }, t('loading'));
  target.append(status);
  target.setAttribute('aria-busy', 'true');
  try {
    const [loaded, vestigingen] = await Promise.all([load(), loadVestigingen()]);
    const record = normalizeRecord(loaded);
    status.remove();
    target.append(pupilRecordView(record, { besluit: options.besluit, vestigingen: vestigingen ? vestigingIndex(vestigingen) : null }));
    if (options.after) target.append(options.after(record));
  } catch (error) {
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = `${t('errorPrefix')}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    target.removeAttribute('aria-busy');
  }
}
