// The spec builders: each one takes the API rows unchanged as its data (so table and CSV show the
// same), compiles without warnings, starts every quantitative scale at zero, and renders marks with
// Dutch number formats.
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
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
import { linearScales, markCount, render } from './render';

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
    expect(markCount(svg, 'rect')).toBe(8);
    expect(markCount(svg, 'text')).toBe(8);
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

describe('grouped bars', () => {
  it('puts the way in and the way back side by side per school year', async () => {
    const spec = groupedBarsSpec(fx.richting, {
      ...base,
      x: 'schooljaar',
      xTitle: 'schooljaar',
      series: 'richting',
      seriesOrder: ['intensiever', 'minder-intensief'],
      seriesColors: ['#c00', '#00c'],
      valueTitle: 'leerlingen',
      valueFormat: ',d',
      showValues: true,
    });
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
  it('sets the colour scale by the moves, not by the pupils who stayed', () => {
    expect(largestMove(fx.stromen)).toBe(3010);
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
    expect(svg).toContain('>total<');
  });
});
