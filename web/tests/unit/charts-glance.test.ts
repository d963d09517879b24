// Charts that read at a glance (issue 10): the palette's contrast computed, totaal never among its
// parts, axis labels that do not overlap, small multiples that reflow, the flow matrix scaled on
// the flows between settings; the catalog that gives every registered measure a chart; names
// beside codes; the wide table view.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { categoryBarsSpec } from '../../src/charts/category-bars';
import { CHARTS, measuresWithoutChart } from '../../src/charts/catalog';
import { changeBarsSpec } from '../../src/charts/change-bars';
import { BASE_CONFIG, SETTINGS } from '../../src/charts/common';
import { flowMatrixSpec, largestMove } from '../../src/charts/flow-matrix';
import { groupedBarsSpec } from '../../src/charts/grouped-bars';
import { growthIndexSpec } from '../../src/charts/growth-index';
import { keyFiguresSpec } from '../../src/charts/key-figures';
import { BACKGROUND, contrastRatio, DASHES, SERIES_PALETTE, seriesColors, SETTING_COLORS, SHAPES } from '../../src/charts/palette';
import { smallMultiplesSpec } from '../../src/charts/small-multiples';
import { stackedBarsSpec } from '../../src/charts/stacked-bars';
import { timeLinesSpec } from '../../src/charts/time-lines';
import { valueLabelMap } from '../../src/i18n';
import { collectNames, nameLabels, withNameColumns } from '../../src/names';
import { MEASURE_PAGES } from '../../src/roles';
import type { Row } from '../../src/types';
import { tableShape } from '../../src/ui/wide-table';
import * as fx from './fixtures';
import { compiledScales, render } from './render';

const base = { width: 800, labels: valueLabelMap('nl'), description: 'test' };

function domainOf(spec: TopLevelSpec, name: string): unknown {
  return compiledScales(spec).find((s) => s.name === name)?.domain;
}

describe('the palette', () => {
  it('has at least 3:1 contrast against the background for every colour (computed, WCAG 2)', () => {
    // The formula against known values first: black on white is 21:1, white on white 1:1.
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    for (const [name, colour] of [...Object.entries(SETTING_COLORS), ...SERIES_PALETTE.map((c, i) => [`palette ${i}`, c] as const)])
      expect(contrastRatio(colour, BACKGROUND), `${name} ${colour}`).toBeGreaterThanOrEqual(3);
  });
  it('gives every setting its own colour, and lines a second encoding (dash and shape)', async () => {
    const settings = Object.keys(SETTING_COLORS).filter((s) => SETTINGS.includes(s as never));
    expect(new Set(settings.map((s) => SETTING_COLORS[s])).size).toBe(SETTINGS.length);
    const spec = timeLinesSpec(fx.deelname, { ...base, x: 'datum', xTitle: 'teldatum', series: 'onderwijssoort', seriesOrder: SETTINGS, valueTitle: '%' });
    const dash = compiledScales(spec).find((s) => s.name === 'strokeDash');
    const shape = compiledScales(spec).find((s) => s.name === 'shape');
    expect(dash?.range).toEqual(DASHES.slice(0, (dash?.domain as unknown[]).length));
    expect(shape?.range).toEqual(SHAPES.slice(0, (shape?.domain as unknown[]).length));
    const { svg } = await render(spec);
    expect(svg).toContain('stroke-dasharray'); // drawn, not only declared
  });
});

describe('totaal is never in the same bars as its parts', () => {
  it('category bars: no totaal bar; the total is written above the parts', async () => {
    const spec = categoryBarsSpec(fx.leerlingenOnDate, {
      ...base,
      category: 'onderwijssoort',
      categoryTitle: 'o',
      valueTitle: 'l',
      order: [...SETTINGS, 'totaal'],
      colorBySetting: true,
      valueFormat: ',d',
    });
    expect(domainOf(spec, 'y')).toEqual([...SETTINGS]);
    const { svg } = await render(spec);
    const total = fx.leerlingenOnDate.find((r) => r.onderwijssoort === 'totaal')!.waarde as number;
    expect(svg).toContain(`>totaal: ${new Intl.NumberFormat('nl-NL').format(total)}<`);
  });
  it('stacked bars: a totaal part is left out of the stack', () => {
    const rows: Row[] = [...fx.kosten, { schooljaar: '2018-2019', voorziening_id: 'totaal', waarde: 999999 }];
    const spec = stackedBarsSpec(rows, { ...base, x: 'schooljaar', xTitle: 's', part: 'voorziening_id', partTitle: 'v', valueTitle: '€' });
    const colour = domainOf(spec, 'color') as string[];
    expect(colour).not.toContain('totaal');
    expect(colour.length).toBeGreaterThan(0);
  });
});

describe('axis labels never overlap', () => {
  it('every axis hides overlapping labels (labelOverlap), and a crowded band axis turns its labels', async () => {
    expect(BASE_CONFIG.axis.labelOverlap).toBe('parity');
    const years = Array.from({ length: 10 }, (_, i) => `${2015 + i}-${2016 + i}`);
    const rows: Row[] = years.flatMap((schooljaar) => [
      { schooljaar, maat: 'geopend', waarde: 10 },
      { schooljaar, maat: 'gesloten', waarde: 8 },
    ]);
    const options = { ...base, x: 'schooljaar', xTitle: 's', series: 'maat', seriesOrder: ['geopend', 'gesloten'], seriesColors: ['#0072B2', '#D55E00'], valueTitle: 'n' };
    const wide = groupedBarsSpec(rows, options) as unknown as { layer: Array<{ encoding: { x: { axis: Record<string, unknown> } } }> };
    expect(wide.layer[0]!.encoding.x.axis).toMatchObject({ labelOverlap: 'parity', labelAngle: 0 });
    const narrow = groupedBarsSpec(rows, { ...options, width: 390 }) as unknown as typeof wide;
    expect(narrow.layer[0]!.encoding.x.axis).toMatchObject({ labelOverlap: 'parity', labelAngle: -45 });
    // Rendered: on a narrow chart the dates of a trend are turned (rotate in the SVG).
    const trend: Row[] = Array.from({ length: 8 }, (_, i) => ({ datum: `${2018 + i}-10-01`, onderwijssoort: 'so', waarde: i }));
    const { svg } = await render(timeLinesSpec(trend, { ...base, width: 300, x: 'datum', xTitle: 't', series: 'onderwijssoort', seriesOrder: SETTINGS, valueTitle: '%' }));
    expect(svg).toMatch(/rotate\(315\)/); // -45 degrees
  });
});

describe('charts reflow on a narrow screen', () => {
  it('small multiples take their columns from the width: one on a phone, four on a desktop', () => {
    const of = (width: number) => (smallMultiplesSpec(fx.leerlingenOverTime, { ...base, width, facet: 'onderwijssoort', facetOrder: SETTINGS, x: 'datum', xTitle: 't', valueTitle: 'l', columns: 4 }) as { columns: number }).columns;
    expect(of(330)).toBe(1);
    expect(of(700)).toBe(3);
    expect(of(1200)).toBe(4);
  });
  it('key figures stand one under the other when they do not fit side by side', async () => {
    const spec = keyFiguresSpec(fx.thuiszitters, { ...base, width: 300, name: 'maat', order: ['actief', 'per1000', 'mediaan_weken'] }) as { width: number; height: number };
    expect(spec.width).toBeLessThanOrEqual(300);
    expect(spec.height).toBeGreaterThan(3 * 60);
    const { svg } = await render(spec as TopLevelSpec);
    expect(svg).toContain('per 1000 leerlingen');
  });
});

describe('the flow matrix', () => {
  it('scales its colour on the flows between settings; stayed and buiten have their own colours', async () => {
    const spec = flowMatrixSpec(fx.stromen, { ...base, order: [...SETTINGS, 'buiten'], fromTitle: 'van', toTitle: 'naar', valueTitle: 'l' });
    expect(domainOf(spec, 'color')).toEqual([0, largestMove(fx.stromen)]);
    const { svg } = await render(spec);
    expect(svg).toContain('fill="#e3e3e3"'); // stayed
    expect(svg).toContain('fill="#dde6ee"'); // in or out of the region
    expect(svg).toContain('>3.010<'); // its number is still written
  });
});

describe('the catalog of charts', () => {
  const maatboek = readFileSync(fileURLToPath(new URL('../../../docs/maatboek.md', import.meta.url)), 'utf8');
  const registered = [...maatboek.matchAll(/^## ([a-z0-9_]+)$/gm)].map((m) => m[1]!);
  it('gives every measure of the maatboek (generated from the registry) a chart', () => {
    expect(registered.length).toBeGreaterThanOrEqual(17);
    expect(measuresWithoutChart(registered)).toEqual([]);
    // …and fails for a measure without one.
    expect(measuresWithoutChart([...registered, 'nieuwe_maat'])).toEqual(['nieuwe_maat']);
  });
  it('names each chart once, on a measure page, drawing a registered measure', () => {
    expect(new Set(CHARTS.map((c) => c.grafiek)).size).toBe(CHARTS.length);
    for (const c of CHARTS) {
      expect(MEASURE_PAGES as readonly string[]).toContain(c.page);
      expect(registered).toContain(c.measure);
    }
  });
});

describe('names beside codes', () => {
  const vestigingen = [
    { vestiging_id: '11VM00', naam: 'OBS De Regenboog', gemeente: 'Utrecht', sector: 'po' },
    { vestiging_id: '22AB00', naam: 'Het Lyceum', gemeente: 'Zeist', sector: 'vo' },
  ];
  it('takes the answer’s namen first, /api/vestigingen for what it lacks', () => {
    const names = collectNames({ vestiging_id: { '11VM00': 'De Regenboog (nieuw)' }, voorziening_id: { VZ01: 'Rebound' } }, vestigingen);
    expect(names.vestiging_id).toEqual({ '11VM00': 'De Regenboog (nieuw)', '22AB00': 'Het Lyceum' });
    expect(nameLabels(names)).toMatchObject({ '11VM00': 'De Regenboog (nieuw) (11VM00)', VZ01: 'Rebound (VZ01)' });
    expect(collectNames(undefined, null)).toEqual({ vestiging_id: {}, voorziening_id: {} });
  });
  it('puts a name column beside a code column in the download, the code kept', () => {
    const rows: Row[] = [
      { datum: '2025-06-01', vestiging_id: '11VM00', waarde: 7 },
      { datum: '2025-06-01', vestiging_id: 'overig', waarde: 12 },
    ];
    const named = withNameColumns(['datum', 'vestiging_id', 'waarde'], rows, collectNames(undefined, vestigingen));
    expect(named.columns).toEqual(['datum', 'vestiging_id', 'vestiging_naam', 'waarde']);
    expect(named.rows.map((r) => r.vestiging_naam)).toEqual(['OBS De Regenboog', null]);
    expect(withNameColumns(['datum', 'waarde'], [{ datum: 'x', waarde: 1 }], collectNames(undefined, vestigingen)).columns).toEqual(['datum', 'waarde']);
  });
  it('writes "naam (code)" in the chart', async () => {
    const rows: Row[] = [{ datum: '2025-06-01', vestiging_id: '11VM00', waarde: 7 }];
    const labels = { ...base.labels, ...nameLabels(collectNames(undefined, vestigingen)) };
    const { svg } = await render(categoryBarsSpec(rows, { ...base, labels, category: 'vestiging_id', categoryTitle: 'v', valueTitle: 'l' }));
    expect(svg).toContain('OBS De Regenboog (11VM00)');
  });
});

describe('the table view', () => {
  it('is wide: one row per school year, one column per direction, Dutch headers', () => {
    const shape = tableShape(['schooljaar', 'richting', 'waarde'], fx.richting, { series: 'richting' }, valueLabelMap('nl'), 'nl');
    expect(shape.headers).toEqual(['Schooljaar', 'heenweg: naar intensiever', 'terugweg: naar minder intensief']);
    const years = [...new Set(fx.richting.map((r) => r.schooljaar))];
    expect(shape.rows.map((r) => r[0])).toEqual(years);
    for (const row of shape.rows) {
      const of = (richting: string) => fx.richting.find((r) => r.schooljaar === row[0] && r.richting === richting)?.waarde ?? null;
      expect(row.slice(1)).toEqual([of('intensiever'), of('minder-intensief')]);
    }
    expect(shape.numeric).toEqual([false, true, true]);
  });
  it('gives a column per series and value when there are two values, and labels the codes', () => {
    const rows: Row[] = [
      { datum: '2024-10-01', onderwijssoort: 'bao', verschil: -78, procent: -0.67 },
      { datum: '2024-10-01', onderwijssoort: 'totaal', verschil: -209, procent: -1.04 },
    ];
    const shape = tableShape(['datum', 'onderwijssoort', 'verschil', 'procent'], rows, { series: 'onderwijssoort', values: ['verschil', 'procent'] }, valueLabelMap('nl'), 'nl');
    expect(shape.headers).toEqual(['Datum', 'basisonderwijs (bao): Verschil', 'basisonderwijs (bao): Verschil (%)', 'totaal: Verschil', 'totaal: Verschil (%)']);
    expect(shape.rows).toEqual([['2024-10-01', -78, -0.67, -209, -1.04]]);
    const long = tableShape(['datum', 'vestiging_id', 'waarde'], [{ datum: 'd', vestiging_id: '11VM00', waarde: 3 }], undefined, { '11VM00': 'OBS De Regenboog (11VM00)' }, 'nl');
    expect(long.headers).toEqual(['Datum', 'Vestiging', 'Waarde']);
    expect(long.rows).toEqual([['d', 'OBS De Regenboog (11VM00)', 3]]);
  });
});

describe('the new charts', () => {
  it('change bars start from zero and write the sign', async () => {
    const rows: Row[] = [
      { datum: '2023-10-01', verschil: 2, procent: 3.33 },
      { datum: '2024-10-01', verschil: -1, procent: -1.64 },
    ];
    const spec = changeBarsSpec(rows, { ...base, x: 'datum', xTitle: 't', value: 'procent', valueTitle: '%' });
    const { svg } = await render(spec);
    expect(svg).toContain('>+3,33<');
    expect(svg).toMatch(/>[-\u2212]1,64</);
  });
  it('growth lines read another value field (leerlingen_2jaar: procent)', async () => {
    const rows: Row[] = [
      { datum: '2024-10-01', onderwijssoort: 'bao', verschil: -78, procent: -0.67 },
      { datum: '2025-10-01', onderwijssoort: 'bao', verschil: 12, procent: 0.5 },
      { datum: '2024-10-01', onderwijssoort: 'totaal', verschil: -209, procent: -1.04 },
      { datum: '2025-10-01', onderwijssoort: 'totaal', verschil: 3, procent: 0.1 },
    ];
    const spec = growthIndexSpec(rows, { ...base, series: 'onderwijssoort', seriesOrder: [...SETTINGS, 'totaal'], xTitle: 't', valueTitle: '%', value: 'procent' });
    const y = compiledScales(spec).find((s) => s.name === 'y')!;
    expect(JSON.stringify(y.domain)).toContain('procent');
    await render(spec);
  });
});

describe('series colours', () => {
  it('never give a non-setting series the colour of a setting in the same chart', () => {
    const values = ['sbo', 'laag', 'midden', 'hoog'];
    const colours = seriesColors(values);
    expect(new Set(colours).size).toBe(values.length);
    expect(colours[0]).toBe(SETTING_COLORS.sbo);
  });
});
