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
  loadVega().catch(() => undefined);
}
