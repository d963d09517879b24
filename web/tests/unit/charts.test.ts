// The spec builders: each one takes the API rows unchanged as its data (so table and CSV show the
// same), compiles without warnings, starts every quantitative scale at zero, and renders marks with
// Dutch number formats.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { byValueDescending, categoryBarsSpec } from '../../src/charts/category-bars';
import { SETTINGS } from '../../src/charts/common';
import { flowMatrixSpec, largestMove } from '../../src/charts/flow-matrix';
import { groupedBarsSpec } from '../../src/charts/grouped-bars';
import { growthIndexSpec } from '../../src/charts/growth-index';
import { keyFiguresSpec } from '../../src/charts/key-figures';
import { smallMultiplesSpec } from '../../src/charts/small-multiples';
import { stackedBarsSpec } from '../../src/charts/stacked-bars';
import { timeLinesSpec } from '../../src/charts/time-lines';
import { valueLabelMap } from '../../src/i18n';
import type { Row } from '../../src/types';
import * as fx from './fixtures';
import { linearScales, markCount, render, withoutCodeGeneration } from './render';

const base = { width: 800, labels: valueLabelMap('nl'), description: 'test' };

function dataOf(spec: TopLevelSpec): unknown {
  return (spec as { data?: { values?: unknown } }).data?.values;
}

/** Every chart's common promises: rows in unchanged, no warnings, every linear scale from zero. */
async function checkHonest(spec: TopLevelSpec, rows: Row[]) {
  expect(dataOf(spec)).toBe(rows);
  const rendered = await render(spec);
  expect(rendered.warnings, rendered.warnings.join('; ')).toEqual([]);
  const linear = linearScales(rendered.scales);
  for (const scale of linear) {
    const domain = scale.domain;
    const explicitFromZero = Array.isArray(domain) && domain[0] === 0;
    expect(scale.zero === true || explicitFromZero, `scale ${String(scale.name)} starts at zero`).toBe(true);
  }
  return rendered;
}

describe('category bars', () => {
  it('draws one bar and one label per setting, in the settings order, from zero', async () => {
    const spec = categoryBarsSpec(fx.leerlingenOnDate, {
      ...base,
      category: 'onderwijssoort',
      categoryTitle: 'onderwijssoort',
      valueTitle: 'leerlingen',
      order: [...SETTINGS, 'totaal'],
      colorBySetting: true,
      valueFormat: ',d',
    });
    const { svg } = await checkHonest(spec, fx.leerlingenOnDate);
    // Seven bars: totaal is no bar among its parts but written above them (the eighth text).
    expect(markCount(svg, 'rect')).toBe(7);
    expect(markCount(svg, 'text')).toBe(8);
    expect(svg).toContain('>totaal: 38.774<');
    expect(svg).toContain('22.528'); // Dutch thousands separator in the bar label
    expect(svg).toContain('38.774');
  });
  it('sorts categories without an order by value, largest first', () => {
    expect(byValueDescending(fx.perReden, 'reden')).toEqual(['psychische klachten', 'gedragsproblemen', 'thuissituatie']);
    expect(byValueDescending([{ x: 'a', waarde: null }, { x: 'b', waarde: 1 }], 'x')).toEqual(['b', 'a']);
  });
  it('draws a reference line and keeps it inside the axis', async () => {
    const rows: Row[] = [
      { voorziening_id: 'VZ01', maat: 'bezettingsgraad', waarde: 58.33 },
      { voorziening_id: 'VZ02', maat: 'bezettingsgraad', waarde: null },
    ];
    const spec = categoryBarsSpec(rows, { ...base, category: 'voorziening_id', categoryTitle: 'v', valueTitle: '%', referenceValue: 100 });
    const { svg } = await checkHonest(spec, rows);
    expect(svg).toContain('58,33'); // decimal comma
    expect(svg).toContain('>100<'); // the axis reaches the reference value
  });
});

/** Both ways per school year, as the Leerlingstromen page draws them. */
const richtingOptions = {
  ...base,
  x: 'schooljaar',
  xTitle: 'schooljaar',
  series: 'richting',
  seriesOrder: ['intensiever', 'minder-intensief'],
  seriesColors: ['#c00', '#00c'],
  valueTitle: 'leerlingen',
  valueFormat: ',d',
  showValues: true,
};

describe('grouped bars', () => {
  it('puts the way in and the way back side by side per school year', async () => {
    const spec = groupedBarsSpec(fx.richting, richtingOptions);
    const { svg } = await checkHonest(spec, fx.richting);
    expect(markCount(svg, 'rect')).toBe(4);
    expect(svg).toContain('heenweg: naar intensiever');
    expect(svg).toContain('terugweg: naar minder intensief');
  });
});

describe('small multiples', () => {
  it('draws one panel per setting, each with its own y scale from zero', async () => {
    const spec = smallMultiplesSpec(fx.leerlingenOverTime, {
      ...base,
      facet: 'onderwijssoort',
      facetOrder: [...SETTINGS, 'totaal'],
      x: 'datum',
      xTitle: 'teldatum',
      valueTitle: 'leerlingen',
      valueFormat: ',d',
    });
    const { svg, scales } = await checkHonest(spec, fx.leerlingenOverTime);
    expect(markCount(svg, 'rect')).toBe(24);
    expect((spec as { resolve?: unknown }).resolve).toEqual({ scale: { y: 'independent' } });
    // One y scale defined per panel (instantiated in each), starting at zero.
    expect(linearScales(scales).map((s) => [s.name, s.zero])).toEqual([['child_y', true]]);
    expect(svg).toContain('’23'); // the teldatum 2023-10-01 as a short year
  });
});

describe('time lines', () => {
  it('draws a line per setting with a y axis from zero', async () => {
    const spec = timeLinesSpec(fx.deelname, {
      ...base,
      x: 'datum',
      xTitle: 'teldatum',
      series: 'onderwijssoort',
      seriesOrder: SETTINGS,
      valueTitle: 'procent',
    });
    const { svg } = await checkHonest(spec, fx.deelname);
    expect(markCount(svg, 'line')).toBe(4);
    expect(svg).toContain('1 okt 2023'); // Dutch month abbreviation
  });
});

describe('growth index', () => {
  it('draws the settings, the total as the demographic line and the zero line', async () => {
    const spec = growthIndexSpec(fx.ontwikkeling, {
      ...base,
      series: 'onderwijssoort',
      seriesOrder: [...SETTINGS, 'totaal'],
      xTitle: 'teldatum',
      valueTitle: '%',
    });
    const { svg } = await checkHonest(spec, fx.ontwikkeling);
    // so and isk in the settings layer, totaal in its own dashed layer.
    expect(markCount(svg, 'line')).toBe(3);
    expect(svg).toMatch(/stroke-dasharray="7,4"/);
    expect(svg).toContain('+40'); // growth is signed
    const layers = (spec as { layer: Array<{ mark: { type: string } }> }).layer;
    expect(layers[0]!.mark.type).toBe('rule');
  });
});

describe('stacked bars', () => {
  it('stacks the provisions per school year from zero, in euros', async () => {
    const spec = stackedBarsSpec(fx.kosten, {
      ...base,
      x: 'schooljaar',
      xTitle: 'schooljaar',
      part: 'voorziening_id',
      partTitle: 'voorziening',
      valueTitle: 'euro',
      valueFormat: '$,.0f',
    });
    const { svg } = await checkHonest(spec, fx.kosten);
    expect(markCount(svg, 'rect')).toBe(4);
    expect(svg).toContain('€ 250.000');
  });
});

describe('flow matrix', () => {
  it('sets the colour scale by the flows between settings, not by who stayed or crossed the border', () => {
    // vo → buiten (3010) and buiten → bao (2999) are larger, but in or out of the region; bao → vo
    // (2671) is the regular transfer of a whole age group.
    const others = fx.stromen.filter((r) => r.van !== r.naar && r.van !== 'buiten' && r.naar !== 'buiten' && !(r.van === 'bao' && r.naar === 'vo'));
    expect(largestMove(fx.stromen)).toBe(Math.max(...others.map((r) => r.waarde as number)));
    expect(largestMove(fx.stromen)).toBeLessThan(2671);
    expect(largestMove([{ van: 'so', naar: 'so', waarde: 400 }])).toBe(1);
  });
  it('draws one cell with its number per row', async () => {
    const spec = flowMatrixSpec(fx.stromen, {
      ...base,
      order: [...SETTINGS, 'buiten'],
      fromTitle: 'van',
      toTitle: 'naar',
      valueTitle: 'leerlingen',
    });
    const { svg } = await checkHonest(spec, fx.stromen);
    expect(markCount(svg, 'rect')).toBe(fx.stromen.length);
    expect(markCount(svg, 'text')).toBe(fx.stromen.length);
    expect(svg).toContain('19.222');
    expect(svg).toContain('#e3e3e3'); // the diagonal in grey
  });
});

describe('key figures', () => {
  it('writes each figure with its name, in Dutch', async () => {
    const spec = keyFiguresSpec(fx.thuiszitters, { ...base, name: 'maat', order: ['actief', 'per1000', 'mediaan_weken'] });
    const { svg } = await checkHonest(spec, fx.thuiszitters);
    expect(svg).toContain('>163<');
    expect(svg).toContain('>4,21<');
    expect(svg).toContain('>12,5<');
    expect(svg).toContain('per 1000 leerlingen');
  });
  it('shows an empty value as a dash, not as zero', async () => {
    const rows: Row[] = [{ datum: '2025-06-01', maat: 'mediaan_weken', waarde: null }];
    const { svg } = await render(keyFiguresSpec(rows, { ...base, name: 'maat', order: ['mediaan_weken'] }));
    expect(svg).toContain('>–<');
  });
});

describe('English', () => {
  it('renders numbers and labels the English way', async () => {
    const spec = categoryBarsSpec(fx.leerlingenOnDate, {
      ...base,
      labels: valueLabelMap('en'),
      category: 'onderwijssoort',
      categoryTitle: 'setting',
      valueTitle: 'pupils',
      order: [...SETTINGS, 'totaal'],
      valueFormat: ',d',
    });
    const { svg } = await render(spec, 'en');
    expect(svg).toContain('22,528');
    expect(svg).toContain('>total: 38,774<');
  });
});

describe('suppressed counts (every role but beheerder)', () => {
  // As the server sends them: a count of 1 to 4 as "<5", a value derived from one as null.
  const onDate: Row[] = [
    { datum: '2023-10-01', onderwijssoort: 'bao', waarde: 22528 },
    { datum: '2023-10-01', onderwijssoort: 'so', waarde: '<5' },
    { datum: '2023-10-01', onderwijssoort: 'isk', waarde: 0 },
  ];

  it('category bars: no bar for "<5", the marker written at zero, never NaN or 0', async () => {
    const spec = categoryBarsSpec(onDate, { ...base, category: 'onderwijssoort', categoryTitle: 'o', valueTitle: 'leerlingen', order: [...SETTINGS], valueFormat: ',d' });
    const { svg } = await checkHonest(spec, onDate);
    expect(markCount(svg, 'rect')).toBe(2); // bao and isk (0 is a real value with an empty bar)
    expect(svg).toContain('&lt;5');
    expect(svg).toContain('22.528');
    expect(svg).not.toContain('NaN');
  });

  it('sorts "<5" after every number of 5 or more and before 0', () => {
    const rows: Row[] = [{ v: 'a', waarde: 0 }, { v: 'b', waarde: '<5' }, { v: 'c', waarde: 7 }, { v: 'd', waarde: null }];
    expect(byValueDescending(rows, 'v')).toEqual(['c', 'b', 'a', 'd']);
  });

  it('grouped bars and small multiples write "<5" on the zero line', async () => {
    const richting: Row[] = [
      { schooljaar: '2019-2020', richting: 'intensiever', waarde: 12 },
      { schooljaar: '2019-2020', richting: 'minder-intensief', waarde: '<5' },
    ];
    const grouped = groupedBarsSpec(richting, richtingOptions);
    const a = await checkHonest(grouped, richting);
    expect(markCount(a.svg, 'rect')).toBe(1);
    expect(a.svg).toContain('&lt;5');
    expect(a.svg).not.toContain('NaN');

    const overTime: Row[] = [
      { datum: '2022-10-01', onderwijssoort: 'so', waarde: 6 },
      { datum: '2023-10-01', onderwijssoort: 'so', waarde: '<5' },
    ];
    const multiples = smallMultiplesSpec(overTime, { ...base, facet: 'onderwijssoort', facetOrder: [...SETTINGS], x: 'datum', xTitle: 't', valueTitle: 'l', valueFormat: ',d' });
    const b = await checkHonest(multiples, overTime);
    expect(markCount(b.svg, 'rect')).toBe(1);
    expect(markCount(b.svg, 'text')).toBeGreaterThanOrEqual(1);
    expect(b.svg).toContain('&lt;5');
    expect(b.svg).not.toContain('NaN');
  });

  it('flow matrix: a suppressed move is a light cell that says "<5"', async () => {
    const rows: Row[] = [
      { schooljaar: '2025-2026', van: 'bao', naar: 'bao', waarde: 19222 },
      { schooljaar: '2025-2026', van: 'bao', naar: 'sbo', waarde: 93 },
      { schooljaar: '2025-2026', van: 'so', naar: 'bao', waarde: '<5' },
    ];
    const spec = flowMatrixSpec(rows, { ...base, order: [...SETTINGS, 'buiten'], fromTitle: 'van', toTitle: 'naar', valueTitle: 'leerlingen' });
    const { svg } = await checkHonest(spec, rows);
    expect(markCount(svg, 'rect')).toBe(3);
    expect(svg).toContain('&lt;5');
    expect(svg).toContain('#fdeedf');
    expect(svg).toContain('19.222');
    expect(svg).not.toContain('NaN');
  });

  it('key figures write "<5" and an empty derived value as a dash', async () => {
    const rows: Row[] = [
      { datum: '2025-06-01', maat: 'actief', waarde: '<5' },
      { datum: '2025-06-01', maat: 'per1000', waarde: null },
    ];
    const { svg } = await render(keyFiguresSpec(rows, { ...base, name: 'maat', order: ['actief', 'per1000'] }));
    expect(svg).toContain('>&lt;5<');
    expect(svg).toContain('>–<');
  });
});

describe('rendering under the Content-Security-Policy', () => {
  it('the test renderer refuses generated code, so every chart above rendered without it', async () => {
    const spec = compile({ data: { values: [{ a: 1 }] }, transform: [{ calculate: 'datum.a * 2', as: 'b' }], mark: 'bar', encoding: { x: { field: 'b', type: 'quantitative' } } } as TopLevelSpec).spec;
    // Vega's default expression compiler builds functions with `new Function`, which the CSP forbids.
    await expect(
      withoutCodeGeneration(async () => {
        await new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG();
      }),
    ).rejects.toThrow(/code generation/);
  });
});
