// Vega, Vega-Lite and vega-embed on demand: a dynamic import, so they are a chunk of their own
// that only a page drawing a chart fetches (the login page and the pupil pages never do). The
// module is fetched once; later calls get the same promise.
import type { expressionInterpreter } from 'vega-interpreter';
import type embed from 'vega-embed';

export interface Vega {
  embed: typeof embed;
  expressionInterpreter: typeof expressionInterpreter;
}

let loading: Promise<Vega> | undefined;

export function loadVega(): Promise<Vega> {
  loading ??= Promise.all([import('vega-embed'), import('vega-interpreter')]).then(([embedModule, interpreter]) => ({
    embed: embedModule.default,
    expressionInterpreter: interpreter.expressionInterpreter,
  }));
  // A failed fetch (server restarted with a new build, network gone) is tried again next time.
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Starts fetching and evaluating Vega while the chart's data is still on its way, so the two
 * overlap instead of following each other; a failure is left to the drawing, which tries again.
 */
export function prefetchVega(): void {
  rememberVega(true);
  loadVega().catch(() => undefined);
}

// Whether this tab has drawn charts in its session: then a new document load of a chart page
// (a reload, the next visit) starts Vega at once, beside /api/sessie, instead of after it. Only
// this flag is kept (sessionStorage: this tab, until it closes), no data; it is dropped when the
// session ends, so the login page after a logout loads no Vega. A session that ended unseen (the
// server restarted) makes the one login page after it fetch Vega needlessly, from the cache.
const VEGA_HINT = 'stroom.grafieken';

/** Sets or drops the flag (storage may be unavailable: then there is no head start). */
export function rememberVega(used: boolean): void {
  try {
    if (used) sessionStorage.setItem(VEGA_HINT, '1');
    else sessionStorage.removeItem(VEGA_HINT);
  } catch {
    // private mode or storage disabled: nothing to remember
  }
}

/** Whether this tab drew charts in a session that has not been seen to end. */
export function vegaRemembered(): boolean {
  try {
    return sessionStorage.getItem(VEGA_HINT) === '1';
  } catch {
    return false;
  }
}
