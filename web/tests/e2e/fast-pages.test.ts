// End to end, issue 10 point 5 (fast pages), on a region the size of `make demo` (40,000 pupils):
// the hashed assets come precompressed (br, byte-equal to the build's .br file) with a year of
// immutable caching and Vary, index.html is revalidated; the login page loads no Vega; a repeat
// visit takes every hashed asset from the browser cache (no network fetch); and the time until the
// login page and every chart page are ready on a repeat visit is measured against the 300 ms
// budget, not asserted (the figures go to test-results/page-timings.json and docs/performance.md). Ready for a chart page means what a
// reader sees: every chart in the first viewport (1360 × 900) drawn; the charts below it are drawn
// right after without scrolling (ui/draw-queue.ts), which the test checks, and the time until all
// are drawn is recorded beside the budgeted figure.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMeasurePage, navPages } from '../../src/roles';
import { type Browser, launchBrowser } from './browser';
import { startStroom, type StroomServer, USERS } from './stroom-server';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The requirement (issue 10): ready within 300 ms after the first visit. */
const READY_BUDGET_MS = 300;
/** Repeat visits per page; the median is held to the budget (one slow run on a shared machine is noise). */
const REPEATS = 5;

/**
 * Says how a figure stands against the budget. Not an assertion: the project measures speed in
 * benchmarks, never by timing assertions in tests (a shared machine makes any wall-clock bound
 * flaky); the figures go to test-results/page-timings.json with the load average, and from there
 * to docs/performance.md.
 */
function reportBudget(route: string, medianMs: number): void {
  const [load] = loadavg();
  const verdict = medianMs < READY_BUDGET_MS ? 'within' : 'over';
  console.log(`${route}: ${Math.round(medianMs)} ms, ${verdict} the ${READY_BUDGET_MS} ms budget (load average ${load!.toFixed(1)} on ${availableParallelism()} cores)`);
}

let stroom: StroomServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

interface RawFile {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly the given Accept-Encoding, the body as sent (not decompressed). */
function rawGet(path: string, acceptEncoding: string): Promise<RawFile> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, stroom.url), { headers: { 'Accept-Encoding': acceptEncoding }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
  });
}

/**
 * Ready, as a reader sees it: the page is there and every chart in the first viewport is drawn
 * (an <svg>, or the "no data" line, or an error), none of them loading. The charts further down
 * are drawn right after, one at a time while the browser is idle (ui/draw-queue.ts); `all` waits
 * for those too (every panel on the page drawn), a figure that is recorded but not held to the
 * budget (docs/performance.md).
 */
async function waitReady(all = false): Promise<number> {
  const handle = await page.waitForFunction(
    (all) => {
      const login = document.querySelector('#login-gebruiker');
      const shown = document.querySelector('.page');
      if (!login && !shown) return false;
      const panels = [...document.querySelectorAll<HTMLElement>('.panel')].filter((p) => {
        if (all) return true;
        const box = p.getBoundingClientRect();
        return box.top < window.innerHeight && box.bottom > 0;
      });
      if (panels.some((p) => p.dataset.state === 'loading')) return false;
      if (!panels.every((p) => p.querySelector('.chart svg, .chart .empty, .chart .error'))) return false;
      return performance.now();
    },
    all,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** A new document load of the route (not a hash change), as a user's next visit; its ready time. */
async function visit(route: string): Promise<number> {
  return (await visitUntilAll(route)).ready;
}

/** A visit as visit(), with also the time at which every chart of the page (below the fold too) was drawn. */
async function visitUntilAll(route: string): Promise<{ ready: number; all: number }> {
  await page.goto('about:blank');
  await page.goto(new URL(route ? `#/${route}` : '', stroom.url).toString());
  const ready = await waitReady();
  return { ready, all: await waitReady(true) };
}

/** The hashed assets this document fetched, with the bytes that came over the network for each. */
async function assetTransfers(): Promise<Array<{ name: string; transferSize: number; decodedBodySize: number }>> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => new URL(e.name).pathname.includes('/assets/'))
      .map((e) => ({ name: new URL(e.name).pathname, transferSize: e.transferSize, decodedBodySize: e.decodedBodySize })),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  stroom = await startStroom({ pupils: 40000 }); // as `make demo`
  browser = await launchBrowser();
  await browser.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`securitypolicyviolation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page = await browser.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 401/.test(message.text())) pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await stroom?.stop();
});

describe('static files', () => {
  it('a hashed script comes as the build’s brotli file, immutable for a year; index.html is revalidated', async () => {
    const index = await rawGet('/', 'identity');
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const script = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(index.body.toString())?.[1];
    expect(script).toBeTruthy();
    const onDisk = readFileSync(`${distDir}${script}`);

    const br = await rawGet(`/${script}`, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.body.equals(readFileSync(`${distDir}${script}.br`))).toBe(true); // made by the build, not per request
    expect(brotliDecompressSync(br.body).equals(onDisk)).toBe(true);
    expect(br.body.length).toBeLessThan(onDisk.length / 2);

    const gz = await rawGet(`/${script}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(onDisk)).toBe(true);
    const plain = await rawGet(`/${script}`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(onDisk)).toBe(true);
  });
});

describe('loading', () => {
  const timings: Record<string, { first: number; repeat: number[]; median: number; allDrawn?: number[]; allDrawnMedian?: number; panels?: number }> = {};

  afterAll(() => {
    const [load] = loadavg();
    writeFileSync(`${resultsDir}page-timings.json`, `${JSON.stringify({ loadAverage: load, cores: availableParallelism(), timings }, null, 2)}\n`);
    console.log('ready after the first visit (ms, median of repeats):', Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v.median)])));
    console.log('every chart of the page drawn (ms, median):', Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v.allDrawnMedian ?? v.median)])));
  });

  it('the login page loads no Vega; its time to ready on a repeat visit is measured', async () => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const first = await visit('');
    expect(await page.locator('#login-gebruiker').count()).toBe(1);
    const repeat: number[] = [];
    for (let i = 0; i < REPEATS; i++) repeat.push(await visit(''));
    page.removeAllListeners('request');
    expect(fetched.some((path) => path.includes('/assets/'))).toBe(true);
    // Neither the Vega chunk (vega-embed with Vega and Vega-Lite) nor any page's chunk.
    expect(fetched.filter((path) => /embed|vega|overzicht/.test(path))).toEqual([]);
    timings.login = { first, repeat, median: median(repeat) };
    reportBudget('login', median(repeat));
  });

  it('a repeat visit takes every hashed asset from the browser cache', async () => {
    await page.fill('#login-gebruiker', USERS.beheerder.name);
    await page.fill('#login-wachtwoord', USERS.beheerder.password);
    await page.click('button.login-submit');
    await page.waitForSelector('.user-menu');
    await waitReady();
    await visit('overzicht'); // the first visit of a chart page: Vega is fetched once
    // (on a page whose charts came from the tab's copies, when the live views are made, after ready)
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/assets/embed')), undefined, { timeout: 30_000 });
    const firstAssets = await assetTransfers();
    expect(firstAssets.some((a) => /embed/.test(a.name))).toBe(true);
    await visit('overzicht');
    const again = await assetTransfers();
    expect(again.length).toBeGreaterThan(2);
    // transferSize 0 with a body: served from the HTTP cache, no request (not even a revalidation).
    expect(again.filter((a) => a.transferSize !== 0 || a.decodedBodySize === 0)).toEqual([]);
  });

  it('every chart page is drawn on a repeat visit, and its time to ready is measured', async () => {
    const chartPages = navPages('beheerder').filter(isMeasurePage);
    expect(chartPages.length).toBeGreaterThanOrEqual(4);
    for (const route of chartPages) {
      const first = await visit(route);
      expect(await page.locator(`.page[data-page="${route}"]`).count()).toBe(1);
      const repeat: number[] = [];
      const allDrawn: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        const times = await visitUntilAll(route);
        repeat.push(times.ready);
        allDrawn.push(times.all);
      }
      const panels = await page.locator('.panel').count();
      // Every chart is drawn in the end without scrolling (the ones out of view after the first).
      expect(await page.locator('.panel[data-state="loading"]').count(), route).toBe(0);
      timings[route] = { first, repeat, median: median(repeat), allDrawn, allDrawnMedian: median(allDrawn), panels };
    }
    expect(pageErrors).toEqual([]);
    for (const [route, t] of Object.entries(timings)) reportBudget(route, t.median);
  });
});

describe('the tab’s copies of the charts it drew (ui/chart-snapshot.ts)', () => {
  interface DrawnChart {
    grafiek: string;
    drawn: string | undefined;
    svg: string | undefined;
  }

  const drawnCharts = (): Promise<DrawnChart[]> =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.panel')].map((panel) => {
        const chart = panel.querySelector<HTMLElement>('.chart')!;
        return { grafiek: panel.dataset.grafiek!, drawn: chart.dataset.drawn, svg: chart.querySelector('svg')?.outerHTML };
      }),
    );

  /** Until every chart with data on the page is its live Vega view. */
  const untilAllLive = (): Promise<unknown> =>
    page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.panel .chart')].every((chart) => chart.dataset.drawn === 'live' || chart.querySelector('.empty')), undefined, {
      timeout: 30_000,
    });

  it('a repeat visit shows the charts from their copies first, and the live views draw exactly the same', async () => {
    await visitUntilAll('leerlingstromen');
    await untilAllLive(); // every chart has been drawn live once, so each has its copy
    await visit('leerlingstromen');
    const shown = await drawnCharts();
    const fromCopies = shown.filter((chart) => chart.drawn === 'kopie');
    expect(fromCopies.length).toBeGreaterThanOrEqual(2);
    await untilAllLive();
    const live = new Map((await drawnCharts()).map((chart) => [chart.grafiek, chart.svg]));
    for (const copy of fromCopies) expect(live.get(copy.grafiek), copy.grafiek).toBe(copy.svg);
    expect(pageErrors).toEqual([]); // no Content-Security-Policy violation from the copies' markup
  });

  it('a chart whose data differ from its copy is drawn live, not from the copy', async () => {
    await visit('leerlingstromen?regio=heel'); // the whole region: other rows than the SWV drawn before
    expect((await drawnCharts()).filter((chart) => chart.drawn === 'kopie')).toEqual([]);
  });

  it('logging out forgets the copies and the pages’ requests', async () => {
    const kept = (): Promise<string[]> => page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('stroom.')));
    expect((await kept()).length).toBeGreaterThan(0);
    await page.click('button.logout');
    await page.waitForSelector('#login-gebruiker');
    expect(await kept()).toEqual([]);
  });
});
