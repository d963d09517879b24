// End to end, issue 11 point 5: events beside the numbers. An event written through the API on one
// chart (a Voorzieningen chart) is drawn on the Overzicht charts whose period holds its date, as a
// dotted rule in the event colour named in the chart's text alternative, and not on the chart
// whose period begins after it (leerlingen_2jaar starts two teldata later). An event marked in the
// notes box is listed as an event and redraws the charts at once. Screenshot: events-overzicht.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_COLOR } from '../../src/charts/palette';
import type { MeasureResult, Note } from '../../src/types';
import { apiLogin, apiRequest, type ApiUser } from './api-client';
import { type Browser, launchBrowser } from './browser';
import { PageDriver, wholeRegion } from './page-driver';
import { startStroom, type StroomServer, USERS } from './stroom-server';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let stroom: StroomServer;
let browser: Browser;
let page: Page;
let ui: PageDriver;
let analist: ApiUser;
const errors: string[] = [];

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  stroom = await startStroom({ pupils: 6000 });
  analist = await apiLogin(stroom.url, USERS.analist);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  ui = new PageDriver(page, stroom.url);
  ui.collectErrors(errors);
});

afterAll(async () => {
  await browser?.close();
  await stroom?.stop();
});

/** The event rules drawn in a chart: lines stroked in the event colour. */
function eventRules(grafiek: string): Promise<number> {
  return ui
    .panel(grafiek)
    .locator(`.chart svg line[stroke="${EVENT_COLOR}" i]`)
    .count();
}

/** The chart's text alternative as the browser has it (Vega writes the description as the aria-label of its container). */
function chartLabel(grafiek: string): Promise<string> {
  return ui.panel(grafiek).locator('.chart svg').first().evaluate((svg) => svg.closest('[aria-label]')?.getAttribute('aria-label') ?? '');
}

function dates(result: MeasureResult): string[] {
  return [...new Set(result.rijen.map((r) => String(r.datum)))].sort();
}

describe('events on the Overzicht charts', () => {
  it('draws an event in the period of each chart, and not on a chart whose period begins after it', async () => {
    const deelname = dates(await analist.get<MeasureResult>('api/measures/deelname'));
    const twoYears = dates(await analist.get<MeasureResult>('api/measures/leerlingen_2jaar'));
    // A day after the first teldatum: within the data and the deelname chart, before leerlingen_2jaar.
    const first = new Date(`${deelname[0]}T00:00:00Z`);
    first.setUTCDate(first.getUTCDate() + 1);
    const datum = first.toISOString().slice(0, 10);
    expect(datum < twoYears[0]!).toBe(true);

    const added = await apiRequest(stroom.url, 'POST', 'api/notities', {
      cookie: analist.cookie,
      csrf: analist.session.csrf,
      body: { grafiek: 'voorzieningen-capaciteit', tekst: 'Nieuwe observatieklas geopend', gebeurtenis: { datum, soort: 'nieuwe_voorziening' } },
    });
    expect(added.status, added.body).toBe(201);

    errors.length = 0;
    await ui.loginAs(USERS.analist, wholeRegion('overzicht'));
    await ui.settle();
    await page.waitForFunction(() => document.querySelectorAll('.panel .chart[data-drawn="live"]').length >= 5, null, { timeout: 30_000 });
    for (const grafiek of ['overzicht-deelname', 'overzicht-leerlingen-tijd', 'overzicht-ontwikkeling']) {
      await ui.panel(grafiek).scrollIntoViewIfNeeded();
      expect(await eventRules(grafiek), grafiek).toBeGreaterThanOrEqual(1);
      expect(await chartLabel(grafiek), grafiek).toContain('Gebeurtenissen in deze periode');
      expect(await ui.panel(grafiek).locator('.chart svg text', { hasText: 'Voorziening' }).count(), grafiek).toBeGreaterThanOrEqual(1);
    }
    // One rule on a single chart, one per panel of the small multiples.
    expect(await eventRules('overzicht-deelname')).toBe(1);
    // Outside the period of the two-year change, and no time axis on the bars of one teldatum.
    expect(await eventRules('overzicht-leerlingen-2jaar')).toBe(0);
    expect(await chartLabel('overzicht-leerlingen-2jaar')).not.toContain('Gebeurtenissen');
    expect(await eventRules('overzicht-leerlingen')).toBe(0);

    await ui.panel('overzicht-deelname').scrollIntoViewIfNeeded();
    await ui.panel('overzicht-deelname').screenshot({ path: `${resultsDir}events-overzicht.png` });
    expect(errors).toEqual([]);
  });

  it('marks a note as an event in the notes box: listed as an event and drawn at once', async () => {
    // On the last teldatum: inside the deelname chart's period, so the chart must be redrawn with it.
    const deelname = dates(await analist.get<MeasureResult>('api/measures/deelname'));
    const last = deelname[deelname.length - 1]!;
    const panel = ui.panel('overzicht-deelname');
    await panel.locator('.note-add summary').click();
    await panel.locator('textarea[name="tekst"]').first().fill('Aanmeldprocedure gewijzigd');
    await panel.locator('input[name="gebeurtenis"]').first().check();
    await panel.locator('input[name="gebeurtenis_datum"]').first().fill(last);
    await panel.locator('select[name="gebeurtenis_soort"]').first().selectOption('procedure_gewijzigd');
    await panel.locator('.note-form button[type="submit"]').first().click();
    await panel.locator('.note-event-badge', { hasText: 'Procedure gewijzigd' }).waitFor();
    await page.waitForFunction(
      (color) => document.querySelectorAll(`.panel[data-grafiek="overzicht-deelname"] .chart svg line[stroke="${color}" i]`).length === 2,
      EVENT_COLOR,
      { timeout: 15_000 },
    );
    expect(await panel.locator('.chart svg text', { hasText: 'Procedure' }).count()).toBe(1);
    expect(await chartLabel('overzicht-deelname')).toContain('procedure gewijzigd: Aanmeldprocedure gewijzigd');
    // The two-year chart ends on the same teldatum: it draws this event (and still not the first).
    expect(await eventRules('overzicht-leerlingen-2jaar')).toBe(1);
    const events = await analist.get<Note[]>('api/gebeurtenissen');
    expect(events.map((e) => e.gebeurtenis?.soort)).toEqual(['nieuwe_voorziening', 'procedure_gewijzigd']);
    await panel.screenshot({ path: `${resultsDir}events-notes-box.png` });
    expect(errors).toEqual([]);
  });

  it('does not show a copy of a chart this tab drew before a new event was added', async () => {
    // The tab keeps copies of the Overzicht charts (drawn above); a third event through the API.
    const deelname = dates(await analist.get<MeasureResult>('api/measures/deelname'));
    const added = await apiRequest(stroom.url, 'POST', 'api/notities', {
      cookie: analist.cookie,
      csrf: analist.session.csrf,
      body: { grafiek: 'thuiszitters-trend', tekst: 'Telling van sbo anders', gebeurtenis: { datum: deelname[1], soort: 'definitie_gewijzigd' } },
    });
    expect(added.status, added.body).toBe(201);
    await ui.open(wholeRegion('maatboek'));
    // Every copy a panel shows is recorded with its event rules (a copy is replaced by the live view
    // when the browser is idle, too soon to look at it afterwards).
    await page.evaluate((color) => {
      const seen: Array<{ grafiek: string; rules: number }> = [];
      (window as unknown as { copies: typeof seen }).copies = seen;
      new MutationObserver(() => {
        for (const chart of document.querySelectorAll<HTMLElement>('.panel .chart[data-drawn="kopie"]:not([data-seen])')) {
          chart.dataset.seen = '1';
          const grafiek = chart.closest<HTMLElement>('.panel')!.dataset.grafiek!;
          seen.push({ grafiek, rules: chart.querySelectorAll(`svg line[stroke="${color}" i]`).length });
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
    }, EVENT_COLOR);
    await ui.open(wholeRegion('overzicht'));
    await page.waitForSelector('.panel[data-grafiek="overzicht-deelname"] .chart[data-drawn="live"] svg');
    expect(await eventRules('overzicht-deelname')).toBe(3);
    const copies = await page.evaluate(() => (window as unknown as { copies: Array<{ grafiek: string; rules: number }> }).copies);
    // The tab's copies are in use (the bars of one teldatum have no events, their copy still fits) …
    expect(copies.map((c) => c.grafiek)).toContain('overzicht-leerlingen');
    // … but no chart with an event in its period is shown from a copy drawn before the new event.
    expect(copies.filter((c) => c.grafiek === 'overzicht-deelname')).toEqual([]);
    expect(await ui.panel('overzicht-deelname').locator('.chart svg text', { hasText: 'Definitie' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
