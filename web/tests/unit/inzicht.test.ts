// The Inzicht page's own arithmetic: the Poisson noise range behind the growth chart's band and
// the niveau verdicts, the band on the growth chart's scale, the theme-7 table's rows, and the
// data-quality findings per school.
import { describe, expect, it } from 'vitest';
import { growthNoiseBand, poissonNoiseRange } from '../../src/charts/poisson-band';
import { growthIndexSpec } from '../../src/charts/growth-index';
import { SETTINGS } from '../../src/charts/common';
import { valueLabelMap } from '../../src/i18n';
import { parsePairs } from '../../src/pages/hypotheses-section';
import { findingsPerSchool } from '../../src/pages/inzicht';
import { poissonVerdict, signedPercent, themeSevenRows } from '../../src/pages/theme7-table';
import type { Row } from '../../src/types';
import * as fx from './fixtures';
import { render } from './render';

/** P(X ≤ k) from the pmf written out with factorials: an independent check for small means. */
function naiveCdf(mu: number, k: number): number {
  let sum = 0;
  let factorial = 1;
  for (let i = 0; i <= k; i += 1) {
    if (i > 0) factorial *= i;
    sum += (Math.exp(-mu) * mu ** i) / factorial;
  }
  return sum;
}

describe('the Poisson noise range', () => {
  it('matches the tables for a mean of 10 and of 1', () => {
    // Poisson(10): P(X ≤ 3) = 0.0103, P(X ≤ 4) = 0.0293; P(X ≤ 16) = 0.9730, P(X ≤ 17) = 0.9857.
    expect(poissonNoiseRange(10)).toEqual([4, 17]);
    // Poisson(1): P(X ≤ 0) = 0.368; P(X ≤ 2) = 0.920, P(X ≤ 3) = 0.981.
    expect(poissonNoiseRange(1)).toEqual([0, 3]);
    expect(poissonNoiseRange(0)).toEqual([0, 0]);
  });

  it('is exactly the counts the verdict of inzicht.md calls ruis', () => {
    for (const mu of [0.7, 3.2, 12, 27.5, 60]) {
      const [low, high] = poissonNoiseRange(mu);
      const below = (w: number) => naiveCdf(mu, w) < 0.025; // onder: P(X ≤ w) < 0.025
      const above = (w: number) => 1 - (w > 0 ? naiveCdf(mu, w - 1) : 0) < 0.025; // boven: P(X ≥ w) < 0.025
      expect(below(low) || above(low), `mu ${mu} low ${low}`).toBe(false);
      expect(below(high) || above(high), `mu ${mu} high ${high}`).toBe(false);
      if (low > 0) expect(below(low - 1)).toBe(true);
      expect(above(high + 1)).toBe(true);
      expect(poissonVerdict(high + 1, mu)).toBe('boven');
      if (low > 0) expect(poissonVerdict(low - 1, mu)).toBe('onder');
      expect(poissonVerdict(Math.round(mu), mu)).toBe('ruis');
    }
  });

  it('is about 1.96 standard deviations either side for a large mean', () => {
    const [low, high] = poissonNoiseRange(10000);
    expect(Math.abs(low - (10000 - 196))).toBeLessThanOrEqual(2);
    expect(Math.abs(high - (10000 + 196))).toBeLessThanOrEqual(2);
  });
});

describe('the noise band on the growth chart', () => {
  const counts: Row[] = [
    { datum: '2018-10-01', onderwijssoort: 'so', waarde: 10 },
    { datum: '2018-10-01', onderwijssoort: 'isk', waarde: '<5' },
  ];

  it('is the noise range of the base count times the total’s growth, as percent of the base count', () => {
    const band = growthNoiseBand(fx.ontwikkeling, counts, '2018', 'so');
    // 2019: mean 10 × 0.988 = 9.88; 2020: 10 × 0.976 = 9.76. For both P(X ≤ 3) < 0.025 ≤ P(X ≤ 4)
    // (0.011, 0.032 and 0.012, 0.034) and P(X ≤ 15) ≤ 0.975 < P(X ≤ 16) (0.955, 0.9755 and 0.959,
    // 0.978): the range [4, 16], so 4/10 − 1 = −60% to 16/10 − 1 = +60%.
    expect(band.map((b) => b.datum)).toEqual(['2019-10-01', '2020-10-01']);
    for (const row of band) {
      const mu = 10 * (1 + Number(fx.ontwikkeling.find((r) => r.datum === row.datum && r.onderwijssoort === 'totaal')!.waarde) / 100);
      const [low, high] = poissonNoiseRange(mu);
      expect(row.laag).toBeCloseTo(100 * (low / 10 - 1), 6);
      expect(row.hoog).toBeCloseTo(100 * (high / 10 - 1), 6);
    }
    expect(band).toEqual([
      { datum: '2019-10-01', onderwijssoort: 'so', laag: -60, hoog: 60 },
      { datum: '2020-10-01', onderwijssoort: 'so', laag: -60, hoog: 60 },
    ]);
  });

  it('is absent for a suppressed or missing base count', () => {
    expect(growthNoiseBand(fx.ontwikkeling, counts, '2018', 'isk')).toEqual([]);
    expect(growthNoiseBand(fx.ontwikkeling, counts, '2018', 'vso')).toEqual([]);
  });

  it('is drawn as an area beneath the lines, from its own data, the rows still the chart’s data', async () => {
    const band = growthNoiseBand(fx.ontwikkeling, counts, '2018', 'so');
    const spec = growthIndexSpec(fx.ontwikkeling, {
      width: 800,
      labels: valueLabelMap('nl'),
      description: 'test',
      series: 'onderwijssoort',
      seriesOrder: [...SETTINGS, 'totaal'],
      xTitle: 'teldatum',
      valueTitle: '%',
      band,
    });
    expect((spec as { data: { values: unknown } }).data.values).toBe(fx.ontwikkeling);
    const layers = (spec as { layer: Array<{ mark: { type: string }; data?: { values: unknown } }> }).layer;
    expect(layers[0]!.mark.type).toBe('area');
    expect(layers[0]!.data!.values).toBe(band);
    const rendered = await render(spec);
    expect(rendered.warnings).toEqual([]);
    expect(rendered.svg).toMatch(/<path[^>]*aria-roledescription="area mark"/);
  });
});

describe('the theme-7 table', () => {
  const expectation: Row[] = [
    { datum: '2020-10-01', groep: 'vo', waargenomen: 1000, verwacht: 964, verschil_pct: 3.734, oordeel: 'ruis' },
    { datum: '2020-10-01', groep: 'vso', waargenomen: 120, verwacht: 96.4, verschil_pct: 24.48, oordeel: 'boven' },
    { datum: '2020-10-01', groep: 'isk', waargenomen: '<5', verwacht: null, verschil_pct: null, oordeel: null },
    { datum: '2020-10-01', groep: 'vso-3', waargenomen: 43, verwacht: 38.56, verschil_pct: 11.51, oordeel: 'ruis' },
    { datum: '2019-10-01', groep: 'vso', waargenomen: 110, verwacht: 98, verschil_pct: 12.2, oordeel: 'ruis' },
  ];
  const counts: Row[] = [
    { datum: '2018-10-01', onderwijssoort: 'vo', waarde: 1000 },
    { datum: '2018-10-01', onderwijssoort: 'vso', waarde: 100 },
    { datum: '2018-10-01', onderwijssoort: 'isk', waarde: 6 },
  ];
  const clusters: Row[] = [{ datum: '2018-10-01', onderwijssoort: 'vso', cluster: '3', waarde: 40 }];
  const niveaus: Row[] = [
    { datum: '2018-10-01', onderwijssoort: 'vo', niveau: 'havo', waarde: 200 },
    { datum: '2020-10-01', onderwijssoort: 'vo', niveau: 'havo', waarde: 150 },
    { datum: '2020-10-01', onderwijssoort: 'vo', niveau: 'vwo', waarde: 30 },
  ];

  it('takes verwachting’s rows on the latest date and adds the change and the demographic line', () => {
    const rows = themeSevenRows(expectation, counts, clusters, niveaus, '2018');
    expect(rows.map((r) => r.groep)).toEqual(['vo', 'vso', 'isk', 'vso-3', 'vo havo', 'vo vwo']);
    const vso = rows[1]!;
    expect(vso.verandering).toBeCloseTo(20, 9); // 120 against 100
    expect(vso.demografie).toBeCloseTo(-3.6, 9); // 96.4 / 100: the vo sector's −3.6%
    expect(vso).toMatchObject({ verschil: 24.48, oordeel: 'boven', berekend: false });
    expect(rows[2]).toMatchObject({ waargenomen: '<5', verandering: null, demografie: null, verschil: null, oordeel: null });
    expect(rows[3]!.verandering).toBeCloseTo(7.5, 9); // 43 against 40
    expect(rows[3]!.demografie).toBeCloseTo(-3.6, 9);
    // A cluster whose base count the published answer hides: no change, the sector's line still.
    const hidden = themeSevenRows(expectation, counts, [], niveaus, '2018')[3]!;
    expect(hidden.verandering).toBeNull();
    expect(hidden.demografie).toBeCloseTo(-3.6, 9);
  });

  it('judges the niveaus with the vo sector’s ratio and the same Poisson verdict', () => {
    const havo = themeSevenRows(expectation, counts, clusters, niveaus, '2018')[4]!;
    // expected 200 × 0.964 = 192.8; 150 is far below (P(X ≤ 150) ≈ 0.001).
    expect(havo.verandering).toBeCloseTo(-25, 9);
    expect(havo.demografie).toBeCloseTo(-3.6, 9);
    expect(havo.verschil).toBeCloseTo(100 * (150 / 192.8 - 1), 9);
    expect(havo).toMatchObject({ oordeel: 'onder', berekend: true });
    const vwo = themeSevenRows(expectation, counts, clusters, niveaus, '2018')[5]!;
    expect(vwo).toMatchObject({ verandering: null, verschil: null, oordeel: null }); // no base count
  });

  it('writes percentages signed with one decimal, Dutch or English', () => {
    expect(signedPercent(1.234, 'nl')).toBe('+1,2');
    expect(signedPercent(-3.6, 'en')).toBe('-3.6');
    expect(signedPercent(null, 'nl')).toBe('–');
  });

  it('reads name=value pairs for a prediction and refuses a part without =', () => {
    expect(parsePairs('ijkjaar = 2019; at=2024-10-01')).toEqual({ ijkjaar: '2019', at: '2024-10-01' });
    expect(parsePairs('')).toEqual({});
    expect(parsePairs('groep=vso; oeps')).toBe('oeps');
  });
});

describe('the data-quality findings per school', () => {
  it('adds a school’s findings up, draws a lone suppressed one as <5 and leaves an unknown sum out', () => {
    const rows: Row[] = [
      { bevinding: 'onbekende_vestiging', vestiging_id: 'A', aantal: 7 },
      { bevinding: 'speciaal_zonder_tlv', vestiging_id: 'A', aantal: 5 },
      { bevinding: 'speciaal_zonder_tlv', vestiging_id: 'B', aantal: '<5' },
      { bevinding: 'speciaal_zonder_tlv', vestiging_id: 'C', aantal: 9 },
      { bevinding: 'opp_ontbreekt', vestiging_id: 'C', aantal: '<5' },
      { bevinding: 'opp_ontbreekt', vestiging_id: 'D', aantal: null },
      { bevinding: 'opp_ontbreekt', vestiging_id: 'totaal', aantal: 30 },
      { bevinding: 'verzuim_zonder_inschrijving', vestiging_id: '', aantal: 6 },
    ];
    expect(findingsPerSchool(rows)).toEqual([
      { vestiging_id: 'A', waarde: 12 },
      { vestiging_id: 'B', waarde: '<5' },
    ]);
  });
});
