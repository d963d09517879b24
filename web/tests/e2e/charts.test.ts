// End to end, the charts of issue 10: every measure the server registers (GET /api/measures) has
// a chart in the catalog, and every chart of the catalog is drawn on its page; a vestiging's (or a
// voorziening's, when the answer names it) name stands in every chart, table and CSV where its
// code was; the table view is wide with Dutch headers; the thuiszitters page has one reference
// date; the small multiples reflow on a phone. Screenshots go to web/test-results/charts-*.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS, chartsOf, measuresWithoutChart } from '../../src/charts/catalog';
import { formatDate } from '../../src/format';
import { collectNames, NAMED_COLUMNS } from '../../src/names';
import type { MeasureInfo, MeasureResult, RegionInfo, Vestiging } from '../../src/types';
import { apiLogin, type ApiUser } from './api-client';
import { type Browser, launchBrowser } from './browser';
import { startStroom, type StroomServer, USERS } from './stroom-server';
import { PageDriver, wholeRegion } from './page-driver';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let stroom: StroomServer;
let browser: Browser;
let page: Page;
let ui: PageDriver;
let admin: ApiUser;
let info: RegionInfo;
const errors: string[] = [];

const open = (route: string) => ui.open(wholeRegion(route));
const panel = (grafiek: string) => ui.panel(grafiek);




async function tableOf(grafiek: string): Promise<{ headers: string[]; body: string }> {
  const p = panel(grafiek);
  await p.locator('button.toggle-table').click();
  const headers = await p.locator('.table-view thead th').allInnerTexts();
  const body = await p.locator('.table-view tbody').innerText();
  await p.locator('button.toggle-table').click();
  return { headers, body };
}

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  stroom = await startStroom();
  admin = await apiLogin(stroom.url, USERS.beheerder);
  info = await admin.get<RegionInfo>('api/info');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  ui = new PageDriver(page, stroom.url);
  ui.collectErrors(errors);
  await page.goto(stroom.url);
  await page.waitForSelector('#login-gebruiker');
  await page.fill('#login-gebruiker', USERS.beheerder.name);
  await page.fill('#login-wachtwoord', USERS.beheerder.password);
  await page.click('button.login-submit');
  await page.waitForSelector('.user-menu');
});

afterAll(async () => {
  await browser?.close();
  await stroom?.stop();
});

describe('the charts', () => {
  it('every registered measure has a chart, and every chart of the catalog is drawn on its page', async () => {
    const measures = await admin.get<MeasureInfo[]>('api/measures');
    expect(measures.length).toBeGreaterThan(0);
    // A measure added to the registry without a chart fails here.
    expect(measuresWithoutChart(measures.map((m) => m.id))).toEqual([]);
    const pages = [...new Set(CHARTS.map((c) => c.page))];
    for (const route of pages) {
      errors.length = 0;
      await open(route);
      for (const grafiek of chartsOf(route)) {
        const p = panel(grafiek);
        expect(await p.getAttribute('data-state'), grafiek).toBe('ready');
        const marks = await p.locator('.chart svg .role-mark > path, .chart svg .role-mark > text').count();
        expect(marks, `${grafiek} draws marks`).toBeGreaterThan(0);
        // The frame: caption with source, data date and definition link; table, CSV and notes.
        expect(await p.locator('.caption').innerText()).toMatch(/^Bron: .+ · Gegevens t\/m \d{1,2} [a-z]+ \d{4} · Definitie$/);
        const measure = CHARTS.find((c) => c.grafiek === grafiek)!.measure;
        expect(await p.locator('.caption a.definition-link').getAttribute('href')).toBe(`#/maatboek/${measure}`);
        expect(await p.locator('button.toggle-table').count()).toBe(1);
        expect(await p.locator('button.download-csv').isEnabled()).toBe(true);
        expect(await p.locator('.notes, [class*="note"]').count()).toBeGreaterThan(0);
      }
      await page.screenshot({ path: `${resultsDir}charts-${route}.png`, fullPage: true });
      expect(errors, route).toEqual([]);
    }
  });

  it('a vestiging name stands in every chart, table and CSV where its code was', async () => {
    const vestigingen = await admin.get<Vestiging[]>('api/vestigingen');
    let checked = 0;
    for (const entry of CHARTS) {
      const params = entry.measure === 'thuiszitters_per_school' || entry.measure === 'wachtlijst' ? `?at=${info.datum_data}` : '';
      // Charts whose measure needs a date are opened on the page's default; the names are checked
      // from the page's own download, so only measures whose rows carry a named column matter.
      const answer = await admin.get<MeasureResult>(`api/measures/${entry.measure}${params}`).catch(() => null);
      if (!answer) continue;
      const named = NAMED_COLUMNS.filter((c) => answer.kolommen.includes(c));
      if (named.length === 0) continue;
      const names = collectNames(answer.namen, vestigingen);
      await open(entry.page);
      const p = panel(entry.grafiek);
      const [download] = await Promise.all([page.waitForEvent('download'), p.locator('button.download-csv').click()]);
      const csv = readFileSync((await download.path())!, 'utf8').split('\n');
      const header = csv[0]!.split(';');
      // The texts a reader sees: Vega keeps labels it thinned out in the SVG with opacity 0.
      const texts = await p
        .locator('.chart svg text')
        .evaluateAll((nodes) => nodes.filter((t) => t.getAttribute('opacity') !== '0' && getComputedStyle(t).opacity !== '0').map((t) => t.textContent ?? ''));
      // "naam (code)" as written, or shortened with an ellipsis by the axis's label limit.
      const shows = (label: string) => texts.some((t) => t === label || (t.endsWith('…') && t.length > 8 && label.startsWith(t.slice(0, -1))));
      const table = await tableOf(entry.grafiek);
      for (const column of named) {
        const codes = new Set(csv.slice(1).filter(Boolean).map((line) => line.split(';')[header.indexOf(column)]!));
        const known = [...codes].filter((code) => names[column]![code]);
        if (known.length === 0) continue; // voorziening names arrive with the server's `namen`
        expect(header, entry.grafiek).toContain(column.replace(/_id$/, '_naam'));
        for (const code of known) {
          const naam = names[column]![code]!;
          // In a row or, where the codes are the series (a wide table), in a column header.
          expect([...table.headers, table.body].join('\n'), `${entry.grafiek}: table has ${naam} (${code})`).toContain(`${naam} (${code})`);
          expect(shows(`${naam} (${code})`), `${entry.grafiek}: chart names ${naam} (${code})`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked, 'at least the per-school chart has vestigingen').toBeGreaterThan(0);
    // The tooltip of a school's bar names it too.
    await open('thuiszitters');
    await panel('thuiszitters-per-school').locator('.chart svg .role-mark path').first().hover();
    await page.waitForSelector('#vg-tooltip-element.visible');
    const tooltip = await page.locator('#vg-tooltip-element').innerText();
    const named = vestigingen.filter((v) => v.naam && tooltip.includes(`${v.naam} (${v.vestiging_id})`));
    expect(named.length, tooltip).toBe(1);
  });

  it('the table view is wide, with Dutch headers', async () => {
    await open('leerlingstromen');
    const table = await tableOf('stromen-heen-terug');
    expect(table.headers).toEqual(['Schooljaar', 'heenweg: naar intensiever', 'terugweg: naar minder intensief']);
    const richting = await admin.get<MeasureResult>('api/measures/richting');
    const years = new Set(richting.rijen.map((r) => r.schooljaar));
    expect(table.body.trim().split('\n')).toHaveLength(years.size);
    await open('overzicht');
    const counts = await tableOf('overzicht-leerlingen-tijd');
    expect(counts.headers[0]).toBe('Datum');
    expect(counts.headers).toContain('basisonderwijs (bao)');
    expect(counts.headers).toContain('totaal');
    expect(counts.headers).not.toContain('waarde');
  });

  it('the thuiszitters page has one reference date, said in the subtitles', async () => {
    await open('thuiszitters');
    const last = info.teldata.at(-1)!;
    const written = formatDate(last, 'nl');
    expect(await panel('thuiszitters-datum').locator('.subtitle').innerText()).toContain(written);
    expect(await panel('thuiszitters-trend').locator('.subtitle').innerText()).toContain(written);
    expect(await panel('thuiszitters-per-school').locator('.subtitle').innerText()).toContain(written);
  });

  it('on a 390 px phone the small multiples reflow to one column and no chart is wider than its frame', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const route of ['overzicht', 'thuiszitters', 'leerlingstromen', 'voorzieningen']) {
        await open(route);
        await page.waitForTimeout(300);
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.panel')]
            .filter((p) => {
              const chart = p.querySelector('.chart')!.getBoundingClientRect();
              const svg = p.querySelector('.chart svg')?.getBoundingClientRect();
              return svg !== undefined && svg.width > chart.width + 1;
            })
            .map((p) => `${p.dataset.grafiek} ${Math.round(p.querySelector('.chart svg')!.getBoundingClientRect().width)} > ${Math.round(p.querySelector('.chart')!.getBoundingClientRect().width)}`),
        );
        await page.screenshot({ path: `${resultsDir}charts-390-${route}.png`, fullPage: true });
        expect(wide, route).toEqual([]);
      }
    } finally {
      await page.setViewportSize({ width: 1360, height: 900 });
    }
  });
});
