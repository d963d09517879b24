// End to end, issue 10 point 6 (phones and keyboards): at 390 px every page (the login page, every
// page of the beheerder, a pupil's timeline, and the ouder's "Mijn kind") has no horizontal page
// overflow (wide tables and charts scroll inside their own frame), gets a screenshot in
// web/test-results/phone-*.png, and axe-core finds nothing serious or critical. With the
// keyboard: the skip link is the first stop and leads to the content; after a navigation the focus
// is on the new page's h1 and its title is announced in the live region.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageId } from '../../src/router';
import { navPages } from '../../src/roles';
import { type Browser, launchBrowser } from './browser';
import { PageDriver } from './page-driver';
import { startStroom, type StroomServer, type TestUser, USERS } from './stroom-server';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const PHONE = { width: 390, height: 844 };
/** axe-core's browser script, evaluated in the page by the test driver (not a <script>: the CSP stays as it is). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let stroom: StroomServer;
let browser: Browser;
let page: Page;
let ui: PageDriver;
const pageErrors: string[] = [];

async function waitSettled(): Promise<void> {
  await page.waitForSelector('.page, #login-gebruiker');
  await page.waitForFunction(() => document.querySelectorAll('.panel[data-state="loading"], [aria-busy="true"]').length === 0, null, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
}

async function loginAs(user: TestUser): Promise<void> {
  await ui.loginAs(user);
  await waitSettled();
}

/** A fresh document load of the route, as when the address is opened on the phone. */
async function open(route: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(new URL(route ? `#/${route}` : '', stroom.url).toString());
  await waitSettled();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core's serious and critical findings on the current page, one line each. */
async function seriousFindings(): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** The page's width beyond the phone's, and the widest elements sticking out (for the message). */
async function overflow(): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate((width) => {
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .filter((e) => !e.closest('.chart, .table-view, .table-scroll, .pupil-scroll, .visually-hidden'))
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  }, PHONE.width);
}

/** The three checks on the page as it is now; name is the screenshot's. */
async function checkPhonePage(name: string): Promise<void> {
  const { scrollWidth, culprits } = await overflow();
  await page.screenshot({ path: `${resultsDir}phone-${name}.png`, fullPage: true });
  expect(scrollWidth, `${name}: ${culprits.join('; ')}`).toBeLessThanOrEqual(PHONE.width);
  expect(await seriousFindings(), name).toEqual([]);
}

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  stroom = await startStroom();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  ui = new PageDriver(page, stroom.url);
  await page.setViewportSize(PHONE);
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 401/.test(message.text())) pageErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  await stroom?.stop();
});

describe('at 390 px', () => {
  it('the login page fits, and has no serious accessibility finding', async () => {
    await open('');
    await page.waitForSelector('#login-gebruiker');
    await checkPhonePage('login');
  });

  it('every page of the beheerder fits, and has no serious accessibility finding', async () => {
    await loginAs(USERS.beheerder);
    const pages: PageId[] = navPages('beheerder');
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const id of pages) {
      // The pupil list shows a vestiging's pupils (its widest table) when one is chosen.
      await open(id === 'leerlingen' ? `leerlingen?vestiging=${stroom.child.vestiging}` : id);
      expect(await page.locator(`.page[data-page="${id}"]`).count(), id).toBe(1);
      await checkPhonePage(id);
    }
    // A pupil's timeline: the record's tables are the widest of all.
    const child = (await page.evaluate(async () => {
      const answer = await fetch('api/leerlingen?aanvragen=1');
      return ((await answer.json()) as { rijen: Array<{ leerling_id: string }> }).rijen[0]?.leerling_id;
    }))!;
    expect(child).toBeTruthy();
    await open(`leerling/${encodeURIComponent(child)}`);
    await page.waitForSelector('.pupil-record');
    await checkPhonePage('leerling');
  });

  it('the ouder’s page fits, and has no serious accessibility finding', async () => {
    await loginAs(USERS.ouder);
    await page.waitForSelector('.pupil-record');
    await checkPhonePage('kind');
    expect(pageErrors).toEqual([]);
  });
});

describe('with the keyboard', () => {
  it('the skip link is the first stop and leads to the page’s heading', async () => {
    await loginAs(USERS.beheerder);
    await open('thuiszitters');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent, cls: document.activeElement?.className }));
    expect(first).toEqual({ text: 'Naar de inhoud', cls: 'skip-link' });
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(page.url()).toContain('#/thuiszitters'); // the link did not change the page
    // The next stop after the heading is inside the page, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  });

  it('after a navigation the focus is on the new page’s h1 and its title is announced', async () => {
    await open('overzicht');
    for (const [id, title] of [
      ['leerlingstromen', 'Leerlingstromen'],
      ['maatboek', 'Maatboek'],
      ['logboek', 'Logboek'],
    ] as const) {
      // Keyboard only: to the link in the navigation, then Enter.
      await page.locator(`.app-nav a[data-page="${id}"]`).focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.page[data-page="${id}"] h1`);
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, tabindex: document.activeElement?.getAttribute('tabindex') }));
      expect(focused.tabindex).toBe('-1');
      expect(focused.text).toContain(title);
      await page.waitForFunction((t) => document.getElementById('pagina-melding')?.textContent?.includes(t), title);
      expect(await page.locator('#pagina-melding').getAttribute('aria-live')).toBe('polite');
    }
  });
});
