// The tab's copy of the charts it drew. A chart page opened again in the same session (a reload,
// the next visit, back from another page) shows each chart whose spec is exactly the one drawn
// before from this copy at once, and the live Vega view (tooltips, resizing) replaces it when the
// browser is idle. Evaluating Vega's chunk and the first, cold run of Vega-Lite and Vega cost a
// chart page 400-500 ms on a quiet machine before anything was drawn (docs/performance.md); the
// copy is the same SVG those would draw, because it is kept with the exact spec (data included)
// and language that drew it, and it is only used when both are equal.
//
// The page's data requests are kept as well (their addresses), so that the next visit asks them
// beside /api/sessie, before the page has rendered (main.ts), and the copies can be checked as
// soon as the page is there.
//
// What is kept: per chart id the last drawn spec (JSON) and its SVG markup, per page the addresses
// of the measures it asked, in sessionStorage:
// this tab only, gone when it closes, and dropped when the session is seen to end (logout, 401),
// so the next person at the screen finds nothing. These are the aggregate rows the user's role was
// given by the API, not pupil records (docs/privacy.md).
import { CHARTS } from '../charts/catalog';
import type { PageId } from '../router';

const PREFIX = 'stroom.grafiek.';
const ASKED_PREFIX = 'stroom.vraag.';

interface Snapshot {
  lang: string;
  /** The width the spec was made for (the chart's frame then). */
  width: number;
  /** The window's width then: the frame has the same width only in a window as wide. */
  viewport: number;
  spec: string;
  markup: string;
}

function read(grafiek: string): Snapshot | null {
  try {
    const text = sessionStorage.getItem(PREFIX + grafiek);
    return text ? (JSON.parse(text) as Snapshot) : null;
  } catch {
    return null; // storage unavailable or an entry from another build: no copy
  }
}

// The chart ids with a copy, read from storage once per document (listing sessionStorage's keys
// costs milliseconds) and kept up to date by storeSnapshot and dropSnapshots.
let stored: Set<string> | undefined;

function storedCharts(): Set<string> {
  if (!stored) {
    try {
      stored = new Set(Object.keys(sessionStorage).filter((key) => key.startsWith(PREFIX)).map((key) => key.slice(PREFIX.length)));
    } catch {
      stored = new Set();
    }
  }
  return stored;
}

/** Whether this tab drew any chart in its session. */
export function hasAnySnapshot(): boolean {
  return storedCharts().size > 0;
}

/** Whether this tab drew a chart of the page before: its first viewport may come from the copies. */
export function pageHasSnapshots(page: PageId): boolean {
  return CHARTS.some((chart) => chart.page === page && storedCharts().has(chart.grafiek));
}

/** Whether this tab drew a chart of the page the chart is on. */
export function snapshotsOnPageOf(grafiek: string): boolean {
  const page = CHARTS.find((chart) => chart.grafiek === grafiek)?.page;
  return page !== undefined && pageHasSnapshots(page);
}

/** Keeps the measure addresses the page asked (api.ts takeAskedMeasures). */
export function rememberAsked(page: PageId, urls: readonly string[]): void {
  try {
    sessionStorage.setItem(ASKED_PREFIX + page, JSON.stringify(urls));
  } catch {
    // full or unavailable: the next visit asks after rendering, as the first did
  }
}

/** The measure addresses the page asked on its last visit in this tab's session. */
export function askedBefore(page: PageId): string[] {
  try {
    const urls: unknown = JSON.parse(sessionStorage.getItem(ASKED_PREFIX + page) ?? '[]');
    return Array.isArray(urls) ? urls.filter((url): url is string => typeof url === 'string' && url.startsWith('api/measures/')) : [];
  } catch {
    return [];
  }
}

/** Forgets every copy and every page's requests (the session ended). */
export function dropSnapshots(): void {
  try {
    for (const grafiek of storedCharts()) sessionStorage.removeItem(PREFIX + grafiek);
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(ASKED_PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // storage unavailable: nothing was kept
  }
  storedCharts().clear();
}

// Vega sets two style attributes (the cursor of the embed, the SVG's background), which the
// Content-Security-Policy (no inline styles) would refuse when the markup is parsed again; they
// are kept as data-style and set through the CSSOM, which the policy allows.
function withoutStyleAttributes(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const styled of [copy, ...copy.querySelectorAll('[style]')]) {
    const style = styled.getAttribute('style');
    if (style === null) continue;
    styled.setAttribute('data-style', style);
    styled.removeAttribute('style');
  }
  return copy.outerHTML;
}

/** Keeps the drawn chart (the element vega-embed drew into) with the spec, width and language that drew it. */
export function storeSnapshot(grafiek: string, drew: Omit<Snapshot, 'markup' | 'viewport'>, drawn: Element): void {
  const entry = JSON.stringify({ ...drew, viewport: window.innerWidth, markup: withoutStyleAttributes(drawn) } satisfies Snapshot);
  try {
    sessionStorage.setItem(PREFIX + grafiek, entry);
    storedCharts().add(grafiek);
  } catch {
    // Full: the other charts' copies make room (this page's charts matter most now), once.
    try {
      dropSnapshots();
      sessionStorage.setItem(PREFIX + grafiek, entry);
      storedCharts().add(grafiek);
    } catch {
      // still too large or storage disabled: the chart is drawn live next time
    }
  }
}

/**
 * The copy of the chart, or null unless it was drawn in this language from exactly the spec that
 * `specAt` makes at the copy's width, in a window as wide as the copy's. The frame's width is not
 * measured: that would lay out the page before the copy is in it (a forced layout per chart); the
 * window's width is known without layout, and in a window as wide the frame is as wide.
 */
export function restoreSnapshot(grafiek: string, lang: string, specAt: (width: number) => string): Element | null {
  const snapshot = read(grafiek);
  if (!snapshot || snapshot.lang !== lang || snapshot.viewport !== window.innerWidth || snapshot.spec !== specAt(snapshot.width)) return null;
  const parsed = new DOMParser().parseFromString(snapshot.markup, 'text/html').body.firstElementChild;
  if (!parsed) return null;
  for (const styled of [parsed, ...parsed.querySelectorAll<HTMLElement | SVGElement>('[data-style]')]) {
    (styled as HTMLElement).style.cssText = styled.getAttribute('data-style') ?? '';
    styled.removeAttribute('data-style');
  }
  return document.adoptNode(parsed);
}
