// The event layer (charts/events.ts): events of the region drawn as rules over every chart with a
// time axis, in its period only, at the first teldatum on or after the event, named in the text
// alternative, in a colour of at least 3:1 contrast, and part of the spec (so a cached copy of a
// chart is not reused once an event is added).
import { describe, expect, it } from 'vitest';
import { categoryBarsSpec } from '../../src/charts/category-bars';
import { SETTINGS } from '../../src/charts/common';
import { type ChartEvent, eventsOnAxis, withEvents } from '../../src/charts/events';
import { groupedBarsSpec } from '../../src/charts/grouped-bars';
import { growthIndexSpec } from '../../src/charts/growth-index';
import { contrastRatio, EVENT_COLOR } from '../../src/charts/palette';
import { smallMultiplesSpec } from '../../src/charts/small-multiples';
import { timeLinesSpec } from '../../src/charts/time-lines';
import { valueLabelMap } from '../../src/i18n';
import * as fx from './fixtures';
import { render } from './render';

const base = { width: 800, labels: valueLabelMap('nl'), description: 'Deelname per setting.' };

/** The event rules in a rendered chart: rule paths stroked in the event colour. */
function eventRules(svg: string): number {
  let count = 0;
  for (const group of svg.split('class="mark-rule role-mark').slice(1)) {
    const body = group.slice(0, group.indexOf('</g>'));
    count += (body.match(new RegExp(`<line[^>]*stroke="${EVENT_COLOR}"`, 'gi')) ?? []).length;
  }
  return count;
}

const inPeriod: ChartEvent = { datum: '2023-03-15', soort: 'nieuwe_voorziening', tekst: 'Observatieklas geopend' };
const outside: ChartEvent = { datum: '2024-01-10', soort: 'procedure_gewijzigd', tekst: 'Na de laatste teldatum' };

describe('events on the time axis', () => {
  it('places an event at the first teldatum on or after it, and leaves out what is outside the period', () => {
    const axis = ['2022-10-01', '2023-10-01', '2022-10-01', '2021-10-01'];
    const at = (datum: string) => eventsOnAxis(axis, [{ datum, soort: 'anders', tekst: 't' }]).map((e) => e.at);
    expect(at('2021-10-01')).toEqual(['2021-10-01']); // the first date itself
    expect(at('2021-10-02')).toEqual(['2022-10-01']);
    expect(at('2023-10-01')).toEqual(['2023-10-01']); // the last date itself
    expect(at('2021-09-30')).toEqual([]);
    expect(at('2023-10-02')).toEqual([]);
    expect(eventsOnAxis(['2019-2020'], [{ datum: '2020-01-01', soort: 'anders', tekst: 't' }])).toEqual([]);
  });

  it('draws each event in its period as a rule with a label on a line chart, and says so in its description', async () => {
    const plain = timeLinesSpec(fx.deelname, { ...base, x: 'datum', xTitle: 'teldatum', series: 'onderwijssoort', seriesOrder: SETTINGS, valueTitle: 'procent' });
    const spec = withEvents(plain, [inPeriod, outside], 'nl');
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(eventRules(svg)).toBe(1);
    expect(svg).toContain('>Voorziening</text>');
    expect(spec.description).toBe(
      'Deelname per setting. Gebeurtenissen in deze periode (1, als stippellijn getekend): 15 maart 2023, nieuwe voorziening: Observatieklas geopend.',
    );
    // The rows stay as they came, for the table and the CSV; the layer carries its own data.
    expect((spec as { data: { values: unknown } }).data.values).toBe(fx.deelname);
    // Without events in its period the spec is unchanged, and the lines are still drawn.
    expect(withEvents(plain, [outside], 'nl')).toBe(plain);
    expect(eventRules((await render(withEvents(plain, [], 'nl'))).svg)).toBe(0);
    // The spec is what a tab's copy is keyed on: a new event makes another spec.
    expect(JSON.stringify(spec)).not.toBe(JSON.stringify(plain));
  });

  it('draws the event in every panel of small multiples and on a growth chart', async () => {
    const multiples = smallMultiplesSpec(fx.leerlingenOverTime, { ...base, facet: 'onderwijssoort', facetOrder: [...SETTINGS, 'totaal'], x: 'datum', xTitle: 'teldatum', valueTitle: 'leerlingen', valueFormat: ',d' });
    const panels = new Set(fx.leerlingenOverTime.map((r) => r.onderwijssoort)).size;
    const event: ChartEvent = { datum: '2022-06-01', soort: 'definitie_gewijzigd', tekst: 'Telling anders' };
    const a = await render(withEvents(multiples, [event], 'nl'));
    expect(a.warnings).toEqual([]);
    expect(eventRules(a.svg)).toBe(panels);
    const growth = growthIndexSpec(fx.ontwikkeling, { ...base, series: 'onderwijssoort', seriesOrder: [...SETTINGS, 'totaal'], xTitle: 'teldatum', valueTitle: '%' });
    const b = await render(withEvents(growth, [{ ...event, datum: '2020-06-01' }, { ...event, datum: '2019-10-01' }, event], 'en'));
    expect(b.warnings).toEqual([]);
    expect(eventRules(b.svg)).toBe(2);
    expect(b.svg).toContain('>Definition</text>');
    // On the axis' last date the label stands left of its rule (it would leave the chart), else right.
    expect(b.svg.match(/<text text-anchor="end"[^>]*>Definition<\/text>/g)).toHaveLength(1);
    expect(b.svg.match(/<text text-anchor="start"[^>]*>Definition<\/text>/g)).toHaveLength(1);
  });

  it('leaves charts without a time axis alone, and grouped bars over dates get the rule', async () => {
    const bars = categoryBarsSpec(fx.leerlingenOnDate, { ...base, category: 'onderwijssoort', categoryOrder: SETTINGS, valueTitle: 'leerlingen' } as never);
    expect(withEvents(bars, [inPeriod], 'nl')).toBe(bars);
    const rows = ['2022-10-01', '2023-10-01'].flatMap((datum, i) => [
      { datum, richting: 'inkomend', waarde: 10 + i },
      { datum, richting: 'uitgaand', waarde: 7 + i },
    ]);
    const grouped = groupedBarsSpec(rows, { ...base, x: 'datum', xIsDate: true, xTitle: 'teldatum', series: 'richting', seriesOrder: ['inkomend', 'uitgaand'], seriesColors: ['#0072B2', '#D55E00'], valueTitle: 'leerlingen' } as never);
    const { svg, warnings } = await render(withEvents(grouped, [inPeriod], 'nl'));
    expect(warnings).toEqual([]);
    expect(eventRules(svg)).toBe(1);
  });

  it('uses a colour with at least 3:1 contrast against the background', () => {
    expect(contrastRatio(EVENT_COLOR)).toBeGreaterThanOrEqual(3);
  });
});
