// The API client: every request the web app makes goes through here, so errors are handled once
// and surface as ApiError with the server's Dutch message. It also holds the session's CSRF token
// (in memory only, never in storage) and sends it with every POST, and it tells the app shell when
// the server answers 401, so that the login page is shown wherever that happens.
import type {
  AccessLog,
  AuditEntry,
  Hypothesis,
  MeasureInfo,
  MeasureParams,
  MeasureResult,
  NewEvidence,
  NewHypothesis,
  NewNote,
  NoteChange,
  Note,
  PupilListItem,
  PupilPage,
  PupilRecord,
  RegionInfo,
  Session,
  SupportRequest,
  SwvContact,
  Vestiging,
} from './types';
import { type EffectiveSelection, type Selection, SELECTION_FIELDS, type SelectionChoices } from './selection';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Seconds to wait before trying again (Retry-After of a 429), when the server said so. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The token the server gave at login or in /api/sessie; sent as X-CSRF-Token on every POST. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request other than the login itself gets 401: the session is gone. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header); // the header may also be an HTTP date
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** The login itself: a 401 there means a wrong password, not an expired session. */
  login?: boolean;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && !options.login && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'de server is niet bereikbaar');
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new ApiError(response.status, `onverwacht antwoord van de server (${response.status})`);
  }
  if (!response.ok) {
    const fout = (body as { fout?: unknown } | null)?.fout;
    const error = new ApiError(response.status, typeof fout === 'string' ? fout : `fout ${response.status}`, retryAfterSeconds(response));
    if (response.status === 401 && !options.login) onUnauthorized?.();
    throw error;
  }
  return body as T;
}

/** The query string for a measure; empty parameters are left out. */
export function measureQuery(params: MeasureParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

// The page's selection (swv, sector, bestuur, gemeente, vestiging; see selection.ts), added to
// every measure request here, in the one place measure URLs are built. A request that names a
// selection field itself (the school beside its SWV) is sent with its own selection only.
let measureSelection: Selection = {};

/** Sets the selection every measure request of the page carries (null: none, the whole region). */
export function setMeasureSelection(chosen: EffectiveSelection | null): void {
  measureSelection = chosen ? { ...chosen.selection } : {};
}

/** The selection of the measure requests now. */
export function currentMeasureSelection(): Selection {
  return { ...measureSelection };
}

export function measureUrl(id: string, params: MeasureParams = {}): string {
  const own = SELECTION_FIELDS.some((field) => params[field]);
  return `api/measures/${encodeURIComponent(id)}${measureQuery(own ? params : { ...params, ...measureSelection })}`;
}

/** Filters of GET /api/audit: one pupil, one user (empty: all). */
/** The Logboek's selection; each is a query parameter of GET /api/audit (van, tot: YYYY-MM-DD). */
export interface AuditFilter {
  leerling?: string;
  gebruiker?: string;
  actie?: string;
  van?: string;
  tot?: string;
}

export const AUDIT_FILTERS = ['leerling', 'gebruiker', 'actie', 'van', 'tot'] as const;

/** The first page is the list's address without a page number. */
function pageParameter(pagina: number): string {
  return pagina > 1 ? `&pagina=${pagina}` : '';
}

/** The audit log's address, as JSON or as a CSV file (a plain link: the session cookie goes along). */
export function auditUrl(filter: AuditFilter = {}, csv = false): string {
  const query = new URLSearchParams();
  if (csv) query.set('formaat', 'csv');
  for (const name of AUDIT_FILTERS) {
    const value = filter[name];
    if (value) query.set(name, value);
  }
  const text = query.toString();
  return `api/audit${text ? `?${text}` : ''}`;
}

// Measure results are kept for the visit: the server computes them from a model loaded once at its
// start, so the same question gets the same answer, and several charts often ask it (richting).
// They depend on the user (small counts are suppressed for every role but beheerder), so the
// cache is emptied when the session changes.
const measureCache = new Map<string, Promise<MeasureResult>>();

/** The measure addresses asked since the last takeAskedMeasures(): what a page asks for. */
const askedMeasures = new Set<string>();

function cachedMeasureAt(url: string): Promise<MeasureResult> {
  askedMeasures.add(url);
  let pending = measureCache.get(url);
  if (!pending) {
    pending = request<MeasureResult>(url);
    measureCache.set(url, pending);
    pending.catch(() => measureCache.delete(url)); // a failure may be temporary; ask again next time
  }
  return pending;
}

/** The measure addresses asked since the last call (the page just rendered asked these). */
export function takeAskedMeasures(): string[] {
  const urls = [...askedMeasures];
  askedMeasures.clear();
  return urls;
}

/**
 * Asks measures ahead, by address (as takeAskedMeasures gave them on an earlier visit): the page
 * that asks them then finds them in the cache, or on their way. A failure (401: the session
 * ended) is dropped from the cache, so the page's own request is made again.
 */
export function askMeasuresAhead(urls: readonly string[]): void {
  for (const url of urls) cachedMeasureAt(url).catch(() => undefined);
}

// The vestigingen (public names, the same for every role) are asked once per session: the
// Leerlingen picker and every pupil record need them. Emptied with the measures when the user changes.
let vestigingenCache: Promise<Vestiging[]> | null = null;

function cachedVestigingen(): Promise<Vestiging[]> {
  if (!vestigingenCache) {
    const pending = request<Vestiging[]>('api/vestigingen');
    vestigingenCache = pending;
    pending.catch(() => {
      if (vestigingenCache === pending) vestigingenCache = null; // ask again next time
    });
  }
  return vestigingenCache;
}

// The choices of the selection bar (GET /api/selectie), asked once per session like the vestigingen.
let selectionCache: Promise<SelectionChoices> | null = null;

function cachedSelectionChoices(): Promise<SelectionChoices> {
  if (!selectionCache) {
    const pending = request<SelectionChoices>('api/selectie');
    selectionCache = pending;
    pending.catch(() => {
      if (selectionCache === pending) selectionCache = null;
    });
  }
  return selectionCache;
}

/** Forgets everything cached for the previous user. */
export function clearCaches(): void {
  measureCache.clear();
  vestigingenCache = null;
  selectionCache = null;
  measureSelection = {};
}

export const api = {
  login: (gebruiker: string, wachtwoord: string) => request<Session>('api/login', { method: 'POST', body: { gebruiker, wachtwoord }, login: true }),
  session: () => request<Session>('api/sessie'),
  logout: () => request<unknown>('api/logout', { method: 'POST' }),
  measures: () => request<MeasureInfo[]>('api/measures'),
  measure: (id: string, params: MeasureParams = {}) => cachedMeasureAt(measureUrl(id, params)),
  info: () => request<RegionInfo>('api/info'),
  notes: (grafiek: string) => request<Note[]>(`api/notities?grafiek=${encodeURIComponent(grafiek)}`),
  addNote: (note: NewNote) => request<Note>('api/notities', { method: 'POST', body: note }),
  /** Every note of the region that is an event, by date (drawn on every chart in its period). */
  events: () => request<Note[]>('api/gebeurtenissen'),
  editNote: (id: number, change: NoteChange) => request<Note>(`api/notities/${id}/wijzig`, { method: 'POST', body: change }),
  deleteNote: (id: number) => request<{ verwijderd: number }>(`api/notities/${id}/verwijder`, { method: 'POST', body: {} }),
  vestigingen: () => cachedVestigingen(),
  selectie: () => cachedSelectionChoices(),
  /** Not cached, like every pupil list: personal data, and the server logs each page shown. */
  pupils: (vestiging: string, pagina = 1) =>
    request<PupilPage<PupilListItem>>(`api/leerlingen?vestiging=${encodeURIComponent(vestiging)}${pageParameter(pagina)}`),
  supportRequests: (pagina = 1) => request<PupilPage<SupportRequest>>(`api/leerlingen?aanvragen=1${pageParameter(pagina)}`),
  pupil: (id: string) => request<PupilRecord>(`api/leerlingen/${encodeURIComponent(id)}`),
  myChild: () => request<PupilRecord>('api/mijn-kind'),
  myChildAccess: () => request<AccessLog>('api/mijn-kind/inzage'),
  contact: () => request<SwvContact>('api/contact'),
  findPupil: (bsn: string, reden: string) => request<{ leerling_id: string }>('api/leerlingen/zoek', { method: 'POST', body: { bsn, reden } }),
  audit: (filter: AuditFilter = {}) => request<AuditEntry[]>(auditUrl(filter)),
  /** Not cached: each read evaluates the predictions live (docs/insight.md). */
  hypotheses: () => request<Hypothesis[]>('api/hypothesen'),
  addHypothesis: (h: NewHypothesis) => request<Hypothesis>('api/hypothesen', { method: 'POST', body: h }),
  addEvidence: (id: number, item: NewEvidence) => request<Hypothesis>(`api/hypothesen/${id}/bewijs`, { method: 'POST', body: item }),
};
