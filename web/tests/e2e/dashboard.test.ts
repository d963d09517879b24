// End to end: the built app in Debian's chromium against `stroom serve` on a generated region.
// Every page loads without console errors and draws its charts; choices change the numbers; a CSV
// download equals the API (and the CLI); a note survives a reload; the English switch works.
// A full-page screenshot of every page goes to web/test-results/ for a human to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/csv';
import type { MeasureInfo, MeasureResult, RegionInfo, Row } from '../../src/types';
import { type Browser, launchBrowser } from './browser';
import { startStroom, type StroomServer } from './stroom-server';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let stroom: StroomServer;
let browser: Browser;
let page: Page;
let info: RegionInfo;
const consoleErrors: string[] = [];

/**
 * A GET on its own connection, closed afterwards. Not fetch(): its pool keeps idle keep-alive
 * connections open, and `stroom serve` finishes open connections before it exits on SIGTERM, which
 * made stopping the server wait for their timeouts.
 */
function apiGet<T>(path: string): Promise<T> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, stroom.url), { agent: false }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error(`${path}: ${response.statusCode} ${body}`));
          else resolve(JSON.parse(body) as T);
        });
      })
      .on('error', reject);
  });
}

/** Opens a route and waits until no chart is loading any more. */
async function open(route: string): Promise<void> {
  await page.goto(new URL(`#/${route}`, stroom.url).toString());
  await settle();
}

async function settle(): Promise<void> {
  await page.waitForSelector('.page');
  await page.waitForFunction(() => document.querySelectorAll('.panel[data-state="loading"]').length === 0, null, { timeout: 20_000 });
}

function panel(grafiek: string) {
  return page.locator(`.panel[data-grafiek="${grafiek}"]`);
}

/** The text of a chart's table view (opened and closed again). */
async function tableText(grafiek: string): Promise<string> {
  const p = panel(grafiek);
  await p.locator('button.toggle-table').click();
  const text = await p.locator('.table-view table tbody').innerText();
  await p.locator('button.toggle-table').click();
  return text;
}

async function downloadCsv(grafiek: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), panel(grafiek).locator('button.download-csv').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  stroom = await startStroom();
  info = await apiGet<RegionInfo>('api/info');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  await stroom?.stop();
});

describe('the dashboard', () => {
  const chartPages = {
    overzicht: ['overzicht-leerlingen', 'overzicht-leerlingen-tijd', 'overzicht-deelname', 'overzicht-ontwikkeling'],
    leerlingstromen: ['stromen-heen-terug', 'stromen-direct', 'stromen-ratio', 'stromen-matrix'],
    thuiszitters: ['thuiszitters-datum', 'thuiszitters-trend', 'thuiszitters-per-reden', 'thuiszitters-per-school'],
    voorzieningen: ['voorzieningen-capaciteit', 'voorzieningen-bezettingsgraad', 'voorzieningen-kosten'],
  };

  for (const [route, charts] of Object.entries(chartPages)) {
    it(`${route}: loads without console errors and draws every chart`, async () => {
      consoleErrors.length = 0;
      await open(route);
      for (const grafiek of charts) {
        const p = panel(grafiek);
        expect(await p.getAttribute('data-state'), grafiek).toBe('ready');
        // Marks drawn by Vega: bars, lines, symbols or text inside the chart's SVG.
        const marks = await p.locator('.chart svg .role-mark > path, .chart svg .role-mark > text').count();
        expect(marks, `${grafiek} draws marks`).toBeGreaterThan(0);
        const caption = await p.locator('.caption').innerText();
        expect(caption).toMatch(/^Bron: .+ · Gegevens t\/m \d{1,2} [a-z]+ \d{4} · Definitie$/);
        expect(await p.locator('.caption a.definition-link').getAttribute('href')).toMatch(/^#\/maatboek\/[a-z_0-9]+$/);
      }
      await page.screenshot({ path: `${resultsDir}${route}.png`, fullPage: true });
      // The full-page screenshot resizes the window, and charts redraw after a resize: they must
      // still fit beside their notes.
      await page.waitForTimeout(400);
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.panel')]
          .filter((p) => {
            const chart = p.querySelector('.chart')!.getBoundingClientRect();
            const svg = p.querySelector('.chart svg')?.getBoundingClientRect();
            return svg !== undefined && svg.right > chart.right + 1;
          })
          .map((p) => p.dataset.grafiek),
      );
      expect(overflowing).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  }

  it('maatboek: lists every measure from the API, and a Definitie link lands on its measure', async () => {
    consoleErrors.length = 0;
    const measures = await apiGet<MeasureInfo[]>('api/measures');
    await open('overzicht');
    await panel('overzicht-deelname').locator('a.definition-link').click();
    await page.waitForSelector('section.measure');
    expect(page.url()).toMatch(/#\/maatboek\/deelname$/);
    expect(await page.locator('section.measure').count()).toBe(measures.length);
    const target = page.locator('#maat-deelname');
    await expect.poll(() => target.getAttribute('class')).toContain('highlighted');
    expect(await target.locator('.definitie').innerText()).toBe(measures.find((m) => m.id === 'deelname')!.definitie);
    expect(await target.isVisible()).toBe(true);
    await page.screenshot({ path: `${resultsDir}maatboek.png`, fullPage: false });
    expect(consoleErrors).toEqual([]);
  });

  it('overzicht: choosing another teldatum changes the numbers to that date’s', async () => {
    const latest = info.teldata.at(-1)!;
    const earliest = info.teldata[0]!;
    await open(`overzicht?at=${latest}`);
    const before = await tableText('overzicht-leerlingen');
    await page.selectOption('#kies-at', earliest);
    await settle();
    const after = await tableText('overzicht-leerlingen');
    expect(after).not.toBe(before);
    // The table shows the API's numbers for that date, Dutch-formatted.
    const api = await apiGet<MeasureResult>(`api/measures/leerlingen?at=${earliest}`);
    const bao = api.rijen.find((r) => r.onderwijssoort === 'bao')!.waarde as number;
    expect(after).toContain(new Intl.NumberFormat('nl-NL').format(bao));
    expect(after).toContain(`${Number(earliest.slice(8, 10))} oktober ${earliest.slice(0, 4)}`);
    expect(await panel('overzicht-leerlingen').locator('.subtitle').innerText()).toContain(`1 oktober ${earliest.slice(0, 4)}`);
    // The choice is in the address, so a reload keeps it.
    expect(page.url()).toContain(`at=${earliest}`);
  });

  it('thuiszitters: entering another date changes the numbers', async () => {
    await open('thuiszitters?at=2025-06-01');
    const before = await tableText('thuiszitters-datum');
    await page.fill('#kies-at', '2022-03-15');
    await settle();
    const after = await tableText('thuiszitters-datum');
    expect(after).not.toBe(before);
    expect(after).toContain('15 maart 2022');
    const api = await apiGet<MeasureResult>('api/measures/thuiszitters?at=2022-03-15');
    const actief = api.rijen.find((r) => r.maat === 'actief')!.waarde as number;
    expect(after).toContain(new Intl.NumberFormat('nl-NL').format(actief));
  });

  it('the CSV download equals the API values and `stroom measure --format csv`', async () => {
    const at = info.teldata.at(-2)!;
    await open(`overzicht?at=${at}`);
    const download = await downloadCsv('overzicht-leerlingen');
    expect(download.name).toBe(`overzicht-leerlingen_${at}.csv`);
    const api = await apiGet<MeasureResult>(`api/measures/leerlingen?at=${at}`);
    expect(download.text).toBe(toCsv(api.kolommen, api.rijen));
    expect(download.text).toBe(await stroom.cli('measure', 'leerlingen', '--at', at, '--format', 'csv'));

    // A chart that shows part of a measure downloads exactly that part.
    const schooljaar = info.schooljaren.at(-1)!;
    await open(`leerlingstromen?schooljaar=${schooljaar}`);
    const matrix = await downloadCsv('stromen-matrix');
    const stromen = await apiGet<MeasureResult>('api/measures/stromen');
    const shown: Row[] = stromen.rijen.filter((r) => r.schooljaar === schooljaar);
    expect(shown.length).toBeGreaterThan(0);
    expect(matrix.text).toBe(toCsv(stromen.kolommen, shown));

    // Decimals: the growth chart's CSV keeps the API's numbers with a decimal point.
    await open('overzicht?ijkjaar=2019');
    const growth = await downloadCsv('overzicht-ontwikkeling');
    expect(growth.text).toBe(await stroom.cli('measure', 'ontwikkeling', '--ijkjaar', '2019', '--format', 'csv'));
  });

  it('a note is stored with author and date and survives a reload', async () => {
    await open('overzicht');
    const p = panel('overzicht-leerlingen');
    const text = `Nieuwe voorziening geopend (test ${Date.now()})`;
    await p.locator('details.note-add summary').click();
    await p.locator('input[name="van"]').fill('2021-10-01');
    await p.locator('input[name="tot"]').fill('2023-10-01');
    await p.locator('textarea[name="tekst"]').fill(text);
    await p.locator('input[name="auteur"]').fill('Test Auteur');
    await p.locator('.note-form button[type="submit"]').click();
    await expect.poll(() => p.locator('.notes-list').innerText()).toContain(text);

    await page.reload();
    await settle();
    const note = panel('overzicht-leerlingen').locator('.note', { hasText: text });
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.locator('.note-period').innerText()).toBe('1 oktober 2021 – 1 oktober 2023');
    expect(await note.locator('.note-meta').innerText()).toMatch(/^Test Auteur · \d{1,2} [a-z]+ \d{4}$/);
    // Only on its own chart.
    expect(await panel('overzicht-deelname').locator('.note', { hasText: text }).count()).toBe(0);
    const stored = await apiGet<Array<{ tekst: string; auteur: string }>>('api/notities?grafiek=overzicht-leerlingen');
    expect(stored.some((n) => n.tekst === text && n.auteur === 'Test Auteur')).toBe(true);
  });

  it('a wrong note gets the server’s Dutch message', async () => {
    await open('overzicht');
    const p = panel('overzicht-deelname');
    await p.locator('details.note-add summary').click();
    await p.locator('input[name="van"]').fill('2023-10-01');
    await p.locator('input[name="tot"]').fill('2021-10-01');
    await p.locator('textarea[name="tekst"]').fill('omgekeerde periode');
    await p.locator('input[name="auteur"]').fill('Test Auteur');
    await p.locator('.note-form button[type="submit"]').click();
    await expect.poll(() => p.locator('.notes-status').innerText()).toMatch(/tot|van/);
    expect(await p.locator('.note', { hasText: 'omgekeerde periode' }).count()).toBe(0);
  });

  it('switches to English and back, and remembers the choice', async () => {
    consoleErrors.length = 0;
    await open(`overzicht?at=${info.teldata.at(-1)!}`);
    await page.click('button.language-switch');
    await settle();
    expect(await page.locator('h1').innerText()).toBe('Overview');
    expect(await page.locator('.app-nav a[data-page="maatboek"]').innerText()).toBe('Definitions');
    const caption = await panel('overzicht-leerlingen').locator('.caption').innerText();
    expect(caption).toMatch(/^Source: .+ · Data up to \d{1,2} [A-Z][a-z]+ \d{4} · Definition$/);
    const table = await tableText('overzicht-leerlingen');
    expect(table).toMatch(/\d,\d{3}/); // English thousands separator
    await page.screenshot({ path: `${resultsDir}overzicht-english.png`, fullPage: false });
    await page.reload();
    await settle();
    expect(await page.locator('h1').innerText()).toBe('Overview');
    await page.click('button.language-switch');
    await settle();
    expect(await page.locator('h1').innerText()).toBe('Overzicht');
    expect(consoleErrors).toEqual([]);
  });
});
