// The verblijfsduur_curve chart (issue 10 point 3): a step line per setting from 100% at day 0,
// colours of the settings and a dash each, the 50% line drawn and named, points hidden by
// publishing left out, and its place in the catalog beside the medians.
import { describe, expect, it } from 'vitest';
import { chartsOf, CHARTS } from '../../src/charts/catalog';
import { SETTINGS } from '../../src/charts/common';
import { DASHES, SETTING_COLORS } from '../../src/charts/palette';
import { curvePoints, survivalCurveSpec } from '../../src/charts/survival-curve';
import { valueLabelMap } from '../../src/i18n';
import type { Row } from '../../src/types';
import { compiledScales, render } from './render';

// As GET /api/measures/verblijfsduur_curve answers a role that gets published values: sbo's first
// point hidden (fewer than 5 stays ended by then).
const rows: Row[] = [
  { onderwijssoort: 'bao', dagen: 30, waarde: 91.5 },
  { onderwijssoort: 'bao', dagen: 365, waarde: 49.2 },
  { onderwijssoort: 'bao', dagen: 700, waarde: 20 },
  { onderwijssoort: 'sbo', dagen: 12, waarde: null },
  { onderwijssoort: 'sbo', dagen: 400, waarde: 70.25 },
  { onderwijssoort: 'sbo', dagen: 731, waarde: 44 },
];
const options = {
  width: 700,
  labels: valueLabelMap('nl'),
  description: 'curve',
  series: 'onderwijssoort',
  seriesOrder: SETTINGS,
  seriesTitle: 'onderwijssoort',
  xTitle: 'dagen sinds de start',
  valueTitle: 'nog in de onderwijssoort (%)',
  halfLabel: 'mediaan (50%)',
};

describe('the survival curve', () => {
  it('starts every setting at 100% on day 0 and leaves hidden points out', () => {
    const points = curvePoints(rows, 'onderwijssoort');
    expect(points.filter((p) => p.dagen === 0)).toEqual([
      { onderwijssoort: 'bao', dagen: 0, waarde: 100 },
      { onderwijssoort: 'sbo', dagen: 0, waarde: 100 },
    ]);
    expect(points.some((p) => p.waarde === null)).toBe(false);
    expect(points).toHaveLength(2 + 5);
    // A setting whose every point is hidden gets no line at all (not a lone 100%).
    expect(curvePoints([{ onderwijssoort: 'so', dagen: 5, waarde: null }], 'onderwijssoort')).toEqual([]);
  });

  it('draws step lines in the settings’ colours, each with its own dash, on a 0-100% axis', async () => {
    const spec = survivalCurveSpec(rows, options);
    const scales = compiledScales(spec);
    expect(scales.find((s) => s.name === 'color')?.range).toEqual([SETTING_COLORS.bao, SETTING_COLORS.sbo]);
    expect(scales.find((s) => s.name === 'strokeDash')?.range).toEqual(DASHES.slice(0, 2));
    expect(scales.find((s) => s.name === 'y')?.domain).toEqual([0, 100]);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain(`stroke="${SETTING_COLORS.sbo}"`);
    expect(JSON.stringify(spec)).toContain('"interpolate":"step-after"');
  });

  it('marks the 50% line, where the median is read', async () => {
    const { svg } = await render(survivalCurveSpec(rows, options));
    expect(svg).toContain('mediaan (50%)');
    expect(svg).toContain('stroke-dasharray="4,4"');
  });

  it('is in the catalog on Leerlingstromen, right after the medians', () => {
    expect(CHARTS.find((c) => c.grafiek === 'stromen-verblijfsduur-curve')?.measure).toBe('verblijfsduur_curve');
    const page = chartsOf('leerlingstromen');
    expect(page.indexOf('stromen-verblijfsduur-curve')).toBe(page.indexOf('stromen-verblijfsduur') + 1);
  });
});
