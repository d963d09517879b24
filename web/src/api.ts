// The API client: every request the web app makes goes through here, so errors are handled once
// and surface as ApiError with the server's Dutch message.
import type { MeasureInfo, MeasureParams, MeasureResult, NewNote, Note, RegionInfo } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'de server is niet bereikbaar');
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(response.status, `onverwacht antwoord van de server (${response.status})`);
  }
  if (!response.ok) {
    const fout = (body as { fout?: unknown } | null)?.fout;
    throw new ApiError(response.status, typeof fout === 'string' ? fout : `fout ${response.status}`);
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

export function measureUrl(id: string, params: MeasureParams = {}): string {
  return `api/measures/${encodeURIComponent(id)}${measureQuery(params)}`;
}

// Measure results are kept for the visit: the server computes them from a model loaded once at its
// start, so the same question gets the same answer, and several charts often ask it (richting).
const measureCache = new Map<string, Promise<MeasureResult>>();

function cachedMeasure(id: string, params: MeasureParams): Promise<MeasureResult> {
  const url = measureUrl(id, params);
  let pending = measureCache.get(url);
  if (!pending) {
    pending = request<MeasureResult>(url);
    measureCache.set(url, pending);
    pending.catch(() => measureCache.delete(url)); // a failure may be temporary; ask again next time
  }
  return pending;
}

export const api = {
  measures: () => request<MeasureInfo[]>('api/measures'),
  measure: (id: string, params: MeasureParams = {}) => cachedMeasure(id, params),
  info: () => request<RegionInfo>('api/info'),
  notes: (grafiek: string) => request<Note[]>(`api/notities?grafiek=${encodeURIComponent(grafiek)}`),
  addNote: (note: NewNote) =>
    request<Note>('api/notities', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(note),
    }),
};
