// End to end, issue 11 point 7: the Inzicht page against a real stroom. The theme-7 table's rows
// and verdicts are verwachting's answer (and its change and demographic line follow from the API's
// counts on the base date); the gebied choice changes the comparison chart's data to that area's;
// a hypothesis written through the page's form shows its live check and stays `niet
// getrianguleerd` until its evidence names three independent sources; a reading role gets no
// forms; Overzicht's growth chart draws the Poisson band around the demographic line. Screenshots
// at desktop width and at 390 px: inzicht-desktop.png, inzicht-390.png, overzicht-band.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poissonNoiseRange } from '../../src/charts/poisson-band';
import { formatNumber } from '../../src/format';
import { signedPercent } from '../../src/pages/theme7-table';
import type { Hypothesis, MeasureResult, RegionInfo, Row } from '../../src/types';
import { apiLogin, type ApiUser } from './api-client';
import { type Browser, launchBrowser } from './browser';
import { PageDriver, wholeRegion } from './page-driver';
import { startStroom, type StroomServer, USERS } from './stroom-server';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let stroom: StroomServer;
let browser: Browser;
let page: Page;
let ui: PageDriver;
let analist: ApiUser;
let info: RegionInfo;
const errors: string[] = [];

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  stroom = await startStroom({ pupils: 6000 });
  analist = await apiLogin(stroom.url, USERS.analist);
  info = await analist.get<RegionInfo>('api/info');
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

const num = (cell: unknown): number | null => (typeof cell === 'number' ? cell : null);

async function openInzicht(route = 'inzicht'): Promise<void> {
  await ui.open(wholeRegion(route));
  await page.waitForSelector('.theme7[data-state="ready"]');
  await page.waitForSelector('.hypotheses[data-state="ready"]');
}

describe('the theme-7 table', () => {
  it('shows verwachting’s rows on the latest teldatum with the API’s difference and verdict', async () => {
    await ui.loginAs(USERS.analist, wholeRegion('inzicht'));
    await openInzicht();
    const ijkjaar = info.teldata[0]!.slice(0, 4);
    const base = `${ijkjaar}-10-01`;
    const expected = await analist.get<MeasureResult>(`api/measures/verwachting?ijkjaar=${ijkjaar}`);
    const counts = await analist.get<MeasureResult>('api/measures/leerlingen');
    const latest = info.teldata.at(-1)!;
    const apiRows = expected.rijen.filter((r) => r.datum === latest);
    expect(apiRows.length).toBeGreaterThan(7);
    const shown = await page.locator('.theme7 tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ groep: tr.getAttribute('data-groep'), oordeel: tr.getAttribute('data-oordeel'), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '') })),
    );
    // verwachting's rows first, in its order, each with its verdict and difference.
    expect(shown.slice(0, apiRows.length).map((r) => r.groep)).toEqual(apiRows.map((r) => r.groep));
    // Each sector's change since the base date, from its largest setting (bao, vo): the demographic line.
    const ratio = (setting: string) => {
      const n0 = num(counts.rijen.find((c) => c.datum === base && c.onderwijssoort === setting)?.waarde)!;
      return num(apiRows.find((r) => r.groep === setting)!.verwacht)! / n0;
    };
    const line = { po: 100 * (ratio('bao') - 1), vo: 100 * (ratio('vo') - 1) };
    for (const [i, row] of apiRows.entries()) {
      const cells = shown[i]!;
      expect(cells.oordeel, String(row.groep)).toBe(row.oordeel ?? null);
      expect(cells.cells[4], String(row.groep)).toBe(signedPercent(num(row.verschil_pct), 'nl'));
      // The demographic line is the sector's wherever verwachting has an expectation.
      const sector = ['bao', 'sbo', 'so'].includes(String(row.groep).split('-')[0]!) ? 'po' : 'vo';
      expect(cells.cells[3], String(row.groep)).toBe(signedPercent(num(row.verwacht) === null ? null : line[sector], 'nl'));
      // The change since the ijkjaar, from the API's counts on the base date.
      if (!String(row.groep).includes('-')) {
        const n0 = num(counts.rijen.find((c) => c.datum === base && c.onderwijssoort === row.groep)?.waarde);
        const now = num(row.waargenomen);
        expect(cells.cells[2], String(row.groep)).toBe(signedPercent(n0 && now !== null ? 100 * (now / n0 - 1) : null, 'nl'));
      }
    }
    // The verdict in plain Dutch; the niveau rows follow verwachting's.
    const verdicts = new Set(shown.map((r) => r.cells[5]));
    for (const text of verdicts) expect(['meer dan verwacht, buiten de ruis', 'minder dan verwacht, buiten de ruis', 'binnen de ruis', 'niet te beoordelen']).toContain(text);
    expect(shown.some((r) => r.groep === 'vo havo')).toBe(true);
    // Another ijkjaar redraws the table with that year's answer.
    const later = info.teldata[1]!.slice(0, 4);
    await page.selectOption('#kies-ijkjaar', later);
    await page.waitForFunction((year) => document.querySelector('.theme7 caption')?.textContent?.includes(year), later);
    await page.waitForSelector('.theme7[data-state="ready"]');
    const again = await analist.get<MeasureResult>(`api/measures/verwachting?ijkjaar=${later}`);
    const vso = again.rijen.find((r) => r.datum === latest && r.groep === 'vso')!;
    expect(await page.locator('.theme7 tbody tr[data-groep="vso"] td').nth(4).textContent()).toBe(signedPercent(num(vso.verschil_pct), 'nl'));
  });
});

describe('the region against another gebied', () => {
  it('offers the gebieden of tellingen, NL first chosen, and draws the chosen one’s rows', async () => {
    expect(info.gebieden).toContain('NL');
    const other = info.gebieden!.find((g) => g !== 'NL')!;
    expect(other).toBeTruthy();
    await openInzicht();
    expect(await page.locator('#kies-gebied').inputValue()).toBe('NL');
    const nl = await ui.downloadCsv('inzicht-vergelijking');
    await page.selectOption('#kies-gebied', other);
    await page.waitForFunction((g) => document.querySelector('#titel-inzicht-vergelijking')?.textContent?.includes(g), other);
    await ui.settle();
    const chosen = await ui.downloadCsv('inzicht-vergelijking');
    const answer = await analist.get<MeasureResult>(`api/measures/vergelijking?gebied=${encodeURIComponent(other)}`);
    const lines = chosen.text.trim().split('\n');
    expect(lines[0]).toBe(answer.kolommen.join(';'));
    expect(lines.slice(1)).toEqual(answer.rijen.map((r) => answer.kolommen.map((c) => (r[c] === null ? '' : String(r[c]))).join(';')));
    expect(chosen.text).not.toBe(nl.text);
    expect(page.url()).toContain(`gebied=${encodeURIComponent(other)}`);
  });
});

describe('hypotheses on the page', () => {
  const text = `De groei van vso is meer dan de demografie (e2e ${Date.now()})`;

  async function item() {
    return page.locator('article.hypothesis').filter({ hasText: text });
  }

  /** Adds an item through the hypothesis' form: a document with its url, or another kind's fields. */
  async function addEvidence(bron: string, url: string, kind = 'document', fields: Record<string, string> = { url }): Promise<void> {
    const article = await item();
    const before = await article.locator('li.evidence').count();
    await article.locator('details.evidence-add > summary').click();
    await article.locator('select[name="soort"]').selectOption(kind);
    await article.locator('input[name="bron"]').fill(bron);
    for (const [name, value] of Object.entries(fields)) await article.locator(`input[name="${name}"]`).fill(value);
    await article.locator('form.evidence-form button[type="submit"]').click();
    await page.waitForFunction(
      ([t, n]) => [...document.querySelectorAll('article.hypothesis')].some((a) => a.textContent?.includes(t as string) && a.querySelectorAll('li.evidence').length === n),
      [text, before + 1] as const,
    );
  }

  it('writes a hypothesis through the form; triangulation flips at the third independent source', async () => {
    await openInzicht();
    const ijkjaar = info.teldata[0]!.slice(0, 4);
    await page.locator('details.hypothesis-add:not(.evidence-add) > summary').first().click();
    await page.fill('#hypothese-nieuw-tekst', text);
    await page.selectOption('#hypothese-nieuw-maat', 'verwachting');
    await page.fill('#hypothese-nieuw-parameters', `ijkjaar=${ijkjaar}`);
    await page.fill('#hypothese-nieuw-groepen', 'groep=vso');
    await page.selectOption('#hypothese-nieuw-richting', 'boven');
    await page.fill('#hypothese-nieuw-alternatieven', 'Meer aanmeldingen van buiten de regio');
    await page.click('form.hypothesis-form:not(.evidence-form) button[type="submit"]');
    await page.waitForSelector(`article.hypothesis:has-text("${text}")`);
    const article = await item();
    // As the API has it: the live check and the triangulation, the author from the session.
    const listed = (await analist.get<Hypothesis[]>('api/hypothesen')).find((h) => h.tekst === text)!;
    expect(listed.auteur).toBe(USERS.analist.name);
    expect(await article.getAttribute('data-uitkomst')).toBe(listed.waargenomen.uitkomst);
    await expect.poll(() => article.locator('.observed').textContent()).toContain(listed.waargenomen.uitleg);
    expect(await article.textContent()).toContain('Meer aanmeldingen van buiten de regio');
    expect(await article.getAttribute('data-triangulatie')).toBe('niet getrianguleerd');

    await addEvidence('DUO', 'https://duo.nl/open_onderwijsdata');
    await addEvidence(' duo ', 'https://duo.nl/andere-tabel'); // the same source, normalised
    expect(await (await item()).getAttribute('data-triangulatie')).toBe('niet getrianguleerd');
    await addEvidence('CBS', 'https://cbs.nl/bevolking');
    expect(await (await item()).getAttribute('data-triangulatie')).toBe('niet getrianguleerd');
    expect(await (await item()).locator('.badge.triangulation').textContent()).toContain('2 van 3');
    // The third source a public count of tellingen: listed with its current aantal from the API.
    const latest = info.teldata.at(-1)!;
    await addEvidence('Openbare tellingen', '', 'telling', { teldatum: latest, gebied: 'NL', onderwijssoort: 'vso' });
    expect(await (await item()).getAttribute('data-triangulatie')).toBe('getrianguleerd');
    const after = (await analist.get<Hypothesis[]>('api/hypothesen')).find((h) => h.tekst === text)!;
    expect(after.triangulatie).toMatchObject({ status: 'getrianguleerd', aantal: 3 });
    expect(await (await item()).locator('li.evidence').count()).toBe(after.bewijs.length);
    expect(await (await item()).locator('a[href="https://cbs.nl/bevolking"]').count()).toBe(1);
    const count = after.bewijs.find((b) => b.soort === 'telling')!;
    expect(count.aantal).toBeGreaterThan(0);
    expect(await (await item()).locator('li.evidence[data-soort="telling"]').textContent()).toContain(`: ${formatNumber(count.aantal!, 'nl')}`);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${resultsDir}inzicht-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('about:blank'); // a new document load, drawn at the phone's width as a phone would
    await openInzicht();
    await page.screenshot({ path: `${resultsDir}inzicht-390.png`, fullPage: true });
    // Nothing wider than the phone's screen but the frames that scroll themselves.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('switches to English: table, verdicts and hypotheses', async () => {
    await openInzicht();
    await page.click('button.language-switch');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Insight');
    await page.waitForSelector('.theme7[data-state="ready"]');
    await page.waitForSelector('.hypotheses[data-state="ready"]');
    const headers = await page.locator('.theme7 thead th').allInnerTexts();
    expect(headers).toEqual(['route', 'pupils', 'change since base year (%)', 'demographic line (%)', 'difference from expected (%)', 'verdict']);
    const verdicts = new Set(await page.locator('.theme7 tbody td:last-child').allInnerTexts());
    for (const v of verdicts) expect(['more than expected, beyond the noise', 'fewer than expected, beyond the noise', 'within the noise', 'cannot be judged']).toContain(v);
    expect(await (await item()).locator('.badge.triangulation').innerText()).toBe('triangulated (3 of 3 independent sources)');
    expect(await page.locator('#titel-hypothesen').innerText()).toBe('Hypotheses');
    await page.screenshot({ path: `${resultsDir}inzicht-english.png`, fullPage: false });
    await page.click('button.language-switch');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Inzicht');
  });

  it('shows a reading role the hypotheses without the forms', async () => {
    await ui.login(USERS.commissie);
    await openInzicht();
    expect(await page.locator(`article.hypothesis:has-text("${text}")`).count()).toBe(1);
    expect(await page.locator('form.hypothesis-form').count()).toBe(0);
    await ui.login(USERS.analist);
  });
});

describe('the Poisson band on Overzicht’s growth chart', () => {
  it('draws vso’s noise band around the demographic line, from the API’s counts', async () => {
    await ui.open(wholeRegion('overzicht'));
    const ijkjaar = info.teldata[0]!.slice(0, 4);
    const growth = await analist.get<MeasureResult>(`api/measures/ontwikkeling?ijkjaar=${ijkjaar}`);
    const counts = await analist.get<MeasureResult>('api/measures/leerlingen');
    const n0 = num(counts.rijen.find((r: Row) => r.datum === `${ijkjaar}-10-01` && r.onderwijssoort === 'vso')?.waarde)!;
    expect(n0).toBeGreaterThan(4);
    const first = growth.rijen.find((r) => r.onderwijssoort === 'totaal' && String(r.datum) > `${ijkjaar}-10-01`)!;
    const [low, high] = poissonNoiseRange(n0 * (1 + Number(first.waarde) / 100));
    const area = ui.panel('overzicht-ontwikkeling').locator('.chart svg path[aria-roledescription="area mark"]');
    await expect.poll(() => area.count()).toBe(1);
    const label = (await area.getAttribute('aria-label')) ?? '';
    // Vega's label of an area names its first point: the band's edges there, on the index scale.
    const shown = (title: string): number => {
      const text = new RegExp(`${title}: ([−+-]?[\\d.,]+)`).exec(label)?.[1] ?? 'NaN';
      return Number(text.replace('−', '-').replace('+', '').replace(/\./g, '').replace(',', '.'));
    };
    expect(Math.abs(shown('ruisband van') - 100 * (low / n0 - 1))).toBeLessThanOrEqual(0.051);
    expect(Math.abs(shown('ruisband tot') - 100 * (high / n0 - 1))).toBeLessThanOrEqual(0.051);
    expect(await ui.panel('overzicht-ontwikkeling').locator('.subtitle').textContent()).toContain('ruis voor vso');
    await ui.panel('overzicht-ontwikkeling').screenshot({ path: `${resultsDir}overzicht-band.png` });
    // No band: the picker takes it away.
    await page.selectOption('#kies-band', 'geen');
    await expect.poll(() => area.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('comes with the chart from the tab’s copy on a repeat visit, and not for another band', async () => {
    const chart = ui.panel('overzicht-ontwikkeling').locator('.chart');
    /** A new document load; what the growth chart shows the moment it is first ready (every frame watched). */
    const visit = async (route: string): Promise<{ drawn: string | null; d: string | null }> => {
      await page.goto('about:blank');
      await page.goto(ui.url(wholeRegion(route)));
      const first = await page.waitForFunction(
        () => {
          const panel = document.querySelector<HTMLElement>('.panel[data-grafiek="overzicht-ontwikkeling"]');
          const chart = panel?.querySelector<HTMLElement>('.chart');
          if (!panel || panel.dataset.state !== 'ready' || !chart?.querySelector('svg')) return false;
          return { drawn: chart.dataset.drawn ?? null, d: chart.querySelector('path[aria-roledescription="area mark"]')?.getAttribute('d') ?? null };
        },
        null,
        { polling: 'raf', timeout: 30_000 },
      );
      await ui.settle();
      return (await first.jsonValue()) as { drawn: string | null; d: string | null };
    };
    await visit('overzicht?band=vso');
    await expect.poll(() => chart.getAttribute('data-drawn')).toBe('live');
    const live = await chart.locator('path[aria-roledescription="area mark"]').getAttribute('d');
    expect(live).toBeTruthy();
    // Shown from the copy first (the same spec: the same band), then drawn live behind it, the same.
    expect(await visit('overzicht?band=vso')).toEqual({ drawn: 'kopie', d: live });
    await expect.poll(() => chart.getAttribute('data-drawn')).toBe('live');
    expect(await chart.locator('path[aria-roledescription="area mark"]').getAttribute('d')).toBe(live);
    // Another band is another spec: drawn live, with that band.
    expect((await visit('overzicht?band=sbo')).drawn).toBe('live');
    await expect.poll(() => chart.locator('path[aria-roledescription="area mark"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
