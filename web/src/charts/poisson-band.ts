// The noise band around the demographic line of a growth chart: for one setting, the counts that
// the verwachting verdict (inzicht.md) would call `ruis` had the setting followed the total since
// the base year, written on the chart's scale (percent change since the base year). A setting
// whose line leaves its band grew (or shrank) more than demography and chance explain.
import type { Row } from '../types';

/** The lowest and highest count w with P(X ≤ w) ≥ 0.025 and P(X ≥ w) ≥ 0.025, X Poisson of mean mu. */
export function poissonNoiseRange(mu: number): [number, number] {
  if (!(mu > 0)) return [0, 0];
  // The probabilities summed from 0 in logs (e^-mu underflows for a large mean; the early terms
  // are then 0 and add nothing); exact to far below the 2.5% edges for any count a region has.
  const logMu = Math.log(mu);
  let logP = -mu;
  let cdf = 0;
  let low = -1;
  for (let k = 0; ; k += 1) {
    if (k > 0) logP += logMu - Math.log(k);
    cdf += Math.exp(logP);
    if (low < 0 && cdf >= 0.025) low = k;
    // The highest w with P(X ≥ w) = 1 - P(X ≤ w - 1) ≥ 0.025 is the first k past 0.975.
    if (cdf > 0.975) return [low, k];
  }
}

export interface BandRow {
  datum: string;
  onderwijssoort: string;
  /** The band's edges in percent change since the base year. */
  laag: number;
  hoog: number;
}

/**
 * The band of one setting on every teldatum after the base date: the expected count is the
 * setting's count on the base date times the total's growth (ontwikkeling's `totaal`, the line
 * drawn), and its noise range is written as percent change against the base count. No band where
 * the base count is missing, suppressed (<5) or 0.
 */
export function growthNoiseBand(growth: readonly Row[], counts: readonly Row[], ijkjaar: string, setting: string, total = 'totaal'): BandRow[] {
  const base = `${ijkjaar}-10-01`;
  const baseCount = counts.find((row) => row.datum === base && row.onderwijssoort === setting)?.waarde;
  if (typeof baseCount !== 'number' || baseCount <= 0) return [];
  return growth.flatMap((row) => {
    if (row.onderwijssoort !== total || typeof row.waarde !== 'number' || String(row.datum) <= base) return [];
    const [low, high] = poissonNoiseRange(baseCount * (1 + row.waarde / 100));
    const percent = (count: number) => Math.round(10000 * (count / baseCount - 1)) / 100;
    return [{ datum: String(row.datum), onderwijssoort: setting, laag: percent(low), hoog: percent(high) }];
  });
}
