// End to end: the built app in Debian's chromium against `stroom serve` on a generated region
// with one account per role. The login page (wrong password, too many attempts, back to the page
// the user was on); as beheerder every page loads without console errors and draws its charts,
// choices change the numbers, a CSV download equals the API (and the CLI), a note is signed by
// the session and survives a reload, the English switch works; an analist gets the suppressed
// numbers of `stroom measure --publish`; an ouder sees only the child's page, with the vestiging's
// name (and its code when the names fail to load); a school lists its pupils and finds one by BSN
// with a reason; the beheerder picks a vestiging by name; a commissie member lists the support
// requests and follows one to the pupil's timeline; the beheerder reads the searches in the Logboek;
// logging out returns to the login page. No Content-Security-Policy violation anywhere, also under a stricter
// policy without 'unsafe-inline' styles. Screenshots go to web/test-results/ for a human.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/csv';
import { formatDate, formatNumber } from '../../src/format';
import { collectNames, withNameColumns } from '../../src/names';
import { requestMatches } from '../../src/pages/aanvragen';
import type { AuditEntry, MeasureInfo, MeasureResult, PupilListItem, PupilPage, RegionInfo, Row, SupportRequest, Vestiging } from '../../src/types';
import { matchesVestiging, pickerLabel } from '../../src/vestigingen';
import { apiLogin, apiRequest, type ApiUser } from './api-client';
import { type Browser, launchBrowser } from './browser';
import { isBsn as isBsnText, startStroom, type StroomServer, type TestUser, USERS } from './stroom-server';
import { PageDriver, wholeRegion } from './page-driver';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** The server's policy without 'unsafe-inline' for styles: the app must not need it. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

let stroom: StroomServer;
let browser: Browser;
let page: Page;
let ui: PageDriver;
let info: RegionInfo;
/** The test process's own session as beheerder, to compare the screen with the API. */
let admin: ApiUser;
const consoleErrors: string[] = [];
/** Every console error of the whole run (consoleErrors is emptied per test). */
const everyConsoleError: string[] = [];

/** A GET as beheerder (sees every count, as the CLI without --publish). */
function apiGet<T>(path: string): Promise<T> {
  return admin.get<T>(path);
}

/**
 * Console errors, less the ones a browser logs for an expected answer: the 401 of /api/sessie
 * before a login and of a wrong password, the 429 of too many attempts.
 */
function unexpectedErrors(): string[] {
  return consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of (401|429)/.test(e));
}

/** Every console error so far that reports a Content-Security-Policy violation. */
function cspViolations(errors = consoleErrors): string[] {
  return errors.filter((e) => /Content.Security.Policy|CSP-schending|securitypolicyviolation|Refused to/i.test(e));
}

const login = (user: TestUser) => ui.login(user);
const loginAs = (user: TestUser, route = '') => ui.loginAs(user, route);
/** Opens a route of the whole region and waits until no chart is loading any more. */
const open = (route: string) => ui.open(wholeRegion(route));
const settle = () => ui.settle(20_000);
const panel = (grafiek: string) => ui.panel(grafiek);
const downloadCsv = (grafiek: string) => ui.downloadCsv(grafiek);








/** The text of a chart's table view (opened and closed again). */
async function tableText(grafiek: string): Promise<string> {
  const p = panel(grafiek);
  await p.locator('button.toggle-table').click();
  const text = await p.locator('.table-view table tbody').innerText();
  await p.locator('button.toggle-table').click();
  return text;
}


beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  stroom = await startStroom();
  admin = await apiLogin(stroom.url, USERS.beheerder);
  info = await apiGet<RegionInfo>('api/info');
  browser = await launchBrowser();
  // Every violation of the Content-Security-Policy is reported as a console error, whatever the
  // browser itself writes about it.
  await browser.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page = await browser.context.newPage();
  ui = new PageDriver(page, stroom.url);
  const record = (text: string) => {
    consoleErrors.push(text);
    everyConsoleError.push(text);
  };
  page.on('console', (message) => {
    if (message.type() === 'error') record(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => record(`${page.url()}: ${error.message}`));
});

describe('logging in', () => {
  it('without a session every API answers 401 and the app shows the Dutch login page', async () => {
    const answer = await apiRequest(stroom.url, 'GET', 'api/info');
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toHaveProperty('fout');
    consoleErrors.length = 0;
    await page.goto(new URL('#/thuiszitters?at=2025-06-01', stroom.url).toString());
    await page.waitForSelector('#login-gebruiker');
    expect(await page.locator('h1').innerText()).toBe('Inloggen');
    // Proper labels: each field is found by its visible label.
    expect(await page.getByLabel('Gebruikersnaam').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Wachtwoord').getAttribute('type')).toBe('password');
    expect(await page.locator('button.login-submit').innerText()).toBe('Inloggen');
    expect(await page.locator('#login-fout').getAttribute('role')).toBe('alert');
    expect(await page.locator('.app-nav').count()).toBe(0); // no pages before the login
    await page.screenshot({ path: `${resultsDir}login.png` });
    expect(unexpectedErrors()).toEqual([]);
  });

  it('a wrong password gets the Dutch error in the live region', async () => {
    await page.fill('#login-gebruiker', USERS.beheerder.name);
    await page.fill('#login-wachtwoord', 'niet-het-wachtwoord');
    await page.click('button.login-submit');
    await expect.poll(() => page.locator('#login-fout').innerText()).toBe('Gebruikersnaam of wachtwoord is onjuist.');
    expect(await page.locator('#login-wachtwoord').inputValue()).toBe('');
    expect(await page.locator('.user-menu').count()).toBe(0);
  });

  it('the right password shows the page the user was on, with who is logged in', async () => {
    await page.fill('#login-gebruiker', USERS.beheerder.name);
    await page.fill('#login-wachtwoord', USERS.beheerder.password);
    await page.click('button.login-submit');
    await settle();
    expect(page.url()).toContain('#/thuiszitters?at=2025-06-01');
    expect(await page.locator('h1').innerText()).toBe('Thuiszitters');
    expect(await page.locator('.user-menu').innerText()).toMatch(/^Ingelogd als bea \(beheerder\)\s*Uitloggen/);
    expect(await page.locator('.app-nav a').allInnerTexts()).toEqual([
      'Overzicht',
      'Leerlingstromen',
      'Thuiszitters',
      'Voorzieningen',
      'Inzicht',
      'Maatboek',
      'Leerlingen',
      'Aanvragen',
      'Logboek',
    ]);
    // The session survives a reload (the cookie), and the token comes back from /api/sessie.
    await page.reload();
    await settle();
    expect(await page.locator('.user-menu .user-name').innerText()).toBe('bea');
    expect(unexpectedErrors()).toEqual([]);
  });
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

  it('a note is signed by the session (author and role) and survives a reload', async () => {
    await open('overzicht');
    const p = panel('overzicht-leerlingen');
    const text = `Nieuwe voorziening geopend (test ${Date.now()})`;
    await p.locator('details.note-add summary').click();
    // The author comes from the session: the form does not ask for it.
    expect(await p.locator('.note-form input[name="auteur"]').count()).toBe(0);
    await p.locator('input[name="van"]').fill('2021-10-01');
    await p.locator('input[name="tot"]').fill('2023-10-01');
    await p.locator('textarea[name="tekst"]').fill(text);
    await p.locator('.note-form button[type="submit"]').click();
    await expect.poll(() => p.locator('.notes-list').innerText()).toContain(text);

    await page.reload();
    await settle();
    const note = panel('overzicht-leerlingen').locator('.note', { hasText: text });
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.locator('.note-period').innerText()).toBe('1 oktober 2021 – 1 oktober 2023');
    expect(await note.locator('.note-meta').innerText()).toMatch(/^bea \(beheerder\) · \d{1,2} [a-z]+ \d{4}$/);
    // Only on its own chart.
    expect(await panel('overzicht-deelname').locator('.note', { hasText: text }).count()).toBe(0);
    const stored = await apiGet<Array<{ tekst: string; auteur: string; rol: string }>>('api/notities?grafiek=overzicht-leerlingen');
    expect(stored.some((n) => n.tekst === text && n.auteur === 'bea' && n.rol === 'beheerder')).toBe(true);
  });

  it('a POST without the CSRF token is refused', async () => {
    const answer = await apiRequest(stroom.url, 'POST', 'api/notities', {
      cookie: admin.cookie,
      body: { grafiek: 'overzicht-leerlingen', van: '', tot: '', tekst: 'zonder token' },
    });
    expect(answer.status).toBe(403);
  });

  it('a wrong note gets the server’s Dutch message', async () => {
    await open('overzicht');
    const p = panel('overzicht-deelname');
    await p.locator('details.note-add summary').click();
    await p.locator('input[name="van"]').fill('2023-10-01');
    await p.locator('input[name="tot"]').fill('2021-10-01');
    await p.locator('textarea[name="tekst"]').fill('omgekeerde periode');
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

describe('roles', () => {
  it('an analist gets the charts with small counts suppressed, exactly as `stroom measure --publish`', async () => {
    consoleErrors.length = 0;
    await loginAs(USERS.analist);
    expect(await page.locator('.user-menu').innerText()).toMatch(/^Ingelogd als ana \(analist\)/);
    expect(await page.locator('.app-nav a').allInnerTexts()).toEqual(['Overzicht', 'Leerlingstromen', 'Thuiszitters', 'Voorzieningen', 'Inzicht', 'Maatboek']);
    const at = '2025-06-01';
    await open(`thuiszitters?at=${at}`);
    for (const grafiek of ['thuiszitters-datum', 'thuiszitters-trend', 'thuiszitters-per-reden', 'thuiszitters-per-school'])
      expect(await panel(grafiek).getAttribute('data-state'), grafiek).toBe('ready');
    const analist = await apiLogin(stroom.url, USERS.analist);
    const perSchool = await analist.get<MeasureResult>(`api/measures/thuiszitters_per_school?at=${at}`);
    // A published breakdown merges the schools with 1 to 4 thuiszitters into one row 'overig'
    // (docs/privacy.md), so no count of 1 to 4 remains; only a small 'overig' itself is '<5'.
    expect(perSchool.rijen.some((r) => r.vestiging_id === 'overig'), 'the region has schools with 1 to 4 thuiszitters').toBe(true);
    const small = (v: unknown) => typeof v === 'number' && v >= 1 && v <= 4;
    expect(perSchool.rijen.filter((r) => small(r.waarde))).toEqual([]);
    const suppressed = perSchool.rijen.filter((r) => r.waarde === '<5').length;
    const p = panel('thuiszitters-per-school');
    // The marker is written where the bar would start, and explained under the chart.
    expect(await p.locator('.chart svg text', { hasText: '<5' }).count()).toBe(suppressed);
    expect(await p.locator('.suppression-note').isVisible()).toBe(suppressed > 0);
    expect(await page.locator('main').innerText()).not.toContain('NaN');
    const download = await downloadCsv('thuiszitters-per-school');
    // The download has a vestiging_naam column beside vestiging_id (the names, issue 10); without
    // it, the file is the CLI's byte for byte.
    const vestigingen = await analist.get<Vestiging[]>('api/vestigingen');
    const named = withNameColumns(perSchool.kolommen, perSchool.rijen, collectNames(perSchool.namen, vestigingen));
    expect(named.columns).toContain('vestiging_naam');
    expect(download.text).toBe(toCsv(named.columns, named.rows));
    expect(toCsv(perSchool.kolommen, perSchool.rijen)).toBe(await stroom.cli('measure', 'thuiszitters_per_school', '--at', at, '--format', 'csv', '--publish'));
    // The date field offers the data's range, and a mid-month day becomes the first of its month:
    // the server refuses other days for the analist's suppressed answers.
    const field = page.locator('#kies-at');
    expect(await field.getAttribute('min')).toBe(info.eerste_datum);
    expect(await field.getAttribute('max')).toBe(info.laatste_datum);
    await page.fill('#kies-at', '2022-03-15');
    await settle();
    expect(await field.inputValue()).toBe('2022-03-01');
    expect(page.url()).toContain('at=2022-03-01');
    expect(await panel('thuiszitters-datum').getAttribute('data-state')).toBe('ready');
    expect(await tableText('thuiszitters-datum')).toContain('1 maart 2022');
    await page.screenshot({ path: `${resultsDir}thuiszitters-analist.png`, fullPage: true });
    // Pages of other roles are not offered and not opened.
    await page.goto(new URL('#/logboek', stroom.url).toString());
    await settle();
    expect(page.url()).toMatch(/#\/overzicht$/);
    expect(unexpectedErrors()).toEqual([]);
  });

  it('an ouder sees only the child’s page: a timeline and the four sources', async () => {
    consoleErrors.length = 0;
    const ouder = await apiLogin(stroom.url, USERS.ouder);
    const child = ouder.session.leerling!;
    expect(child).toMatch(/^ps-[0-9a-f]+$/); // linked by BSN, shown only as its pseudonym
    const record = await ouder.get<{ inschrijvingen: unknown[]; ondersteuning: unknown[]; verzuim: unknown[]; wachtlijst: unknown[] }>(`api/leerlingen/${child}`);
    expect((await apiRequest(stroom.url, 'GET', 'api/info', { cookie: ouder.cookie })).status).toBe(403);

    await loginAs(USERS.ouder);
    await page.waitForSelector('.pupil-record');
    expect(page.url()).toMatch(/#\/kind$/);
    expect(await page.locator('.app-nav a').allInnerTexts()).toEqual(['Mijn kind']);
    expect(await page.locator('h1').innerText()).toBe('Mijn kind');
    // No internal id on a parent's page, not even in an attribute (parents-notes.test.ts checks more).
    expect(await page.locator('.pupil-record').getAttribute('data-leerling')).toBeNull();
    const events = await page.locator('.timeline-list li').count();
    expect(events).toBeGreaterThan(0);
    for (const [section, rows] of Object.entries({
      sectionInschrijvingen: record.inschrijvingen,
      sectionOndersteuning: record.ondersteuning,
      sectionVerzuim: record.verzuim,
      sectionWachtlijst: record.wachtlijst,
    })) {
      expect(rows.length, section).toBeGreaterThan(0);
      expect(await page.locator(`[data-sectie="${section}"] tbody tr`).count(), section).toBe(rows.length);
    }
    expect(await page.locator('.timeline-list time').first().innerText()).toMatch(/^\d{1,2} [a-z]+ \d{4}$/);
    // The vestiging by its name next to its code (GET /api/vestigingen, open to every role).
    const vestiging = (await ouder.get<Vestiging[]>('api/vestigingen')).find((v) => v.vestiging_id === stroom.child.vestiging)!;
    expect(vestiging.naam).toBeTruthy();
    const named = `${vestiging.naam} (${vestiging.vestiging_id})`;
    expect(await page.locator('.timeline-list').innerText()).toContain(`bij vestiging ${named}`);
    expect(await page.locator('[data-sectie="sectionInschrijvingen"] tbody').innerText()).toContain(named);
    await page.screenshot({ path: `${resultsDir}mijn-kind.png`, fullPage: true });
    // A measure page is not for an ouder: the address goes back to the child's page.
    await page.goto(new URL('#/overzicht', stroom.url).toString());
    await page.waitForSelector('.pupil-record');
    expect(page.url()).toMatch(/#\/kind$/);
    expect(await page.locator('.panel').count()).toBe(0);
    expect(unexpectedErrors()).toEqual([]);

    // Without the names (the request fails) the page still shows the whole record, by codes.
    await page.route('**/api/vestigingen', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"fout":"niet beschikbaar (test)"}' }));
    try {
      await page.reload();
      await page.waitForSelector('.pupil-record');
      const timeline = await page.locator('.timeline-list').innerText();
      expect(timeline).toContain(`bij vestiging ${vestiging.vestiging_id}`);
      expect(timeline).not.toContain(named);
      expect(await page.locator('.record-holder .error').count()).toBe(0);
      expect(await page.locator('[data-sectie="sectionInschrijvingen"] tbody tr').count()).toBe(record.inschrijvingen.length);
    } finally {
      await page.unroute('**/api/vestigingen');
    }
    expect(unexpectedErrors().filter((e) => !/status of 500/.test(e))).toEqual([]);
  });

  it('a school lists the pupils of its vestiging and finds one by BSN, with a reason', async () => {
    consoleErrors.length = 0;
    const school = await apiLogin(stroom.url, USERS.school);
    const listPage = (pagina: number) => school.get<PupilPage<PupilListItem>>(`api/leerlingen?vestiging=${stroom.child.vestiging}&pagina=${pagina}`);
    const first = await listPage(1);
    expect(first.paginas).toBeGreaterThan(1); // hundreds of enrolments: 100 a page
    expect(first.rijen).toHaveLength(100);
    const child = (await apiLogin(stroom.url, USERS.ouder)).session.leerling!;
    let childPage = first;
    while (!childPage.rijen.some((p) => p.leerling_id === child) && childPage.pagina < first.paginas) childPage = await listPage(childPage.pagina + 1);
    const pupils = childPage.rijen;
    expect(pupils.some((p) => p.leerling_id === child)).toBe(true);

    await loginAs(USERS.school);
    expect(await page.locator('.app-nav a').allInnerTexts()).toEqual(['Overzicht', 'Leerlingstromen', 'Thuiszitters', 'Voorzieningen', 'Inzicht', 'Maatboek', 'Leerlingen']);
    await page.goto(new URL('#/leerlingen', stroom.url).toString());
    await page.waitForSelector('.pupil-table');
    expect(await page.locator('#kies-vestiging').inputValue()).toBe(stroom.child.vestiging);
    expect(await page.locator('.pupil-table tbody tr').count()).toBe(first.rijen.length);
    expect(await page.locator('.pupil-table caption').innerText()).toContain(`${first.totaal} inschrijvingen`);
    expect(await page.locator('.pager .page-of').innerText()).toBe(`Pagina 1 van ${first.paginas}`);
    expect(await page.locator('.pager .page-previous').isDisabled()).toBe(true);
    await page.screenshot({ path: `${resultsDir}leerlingen-school.png` });
    // The next page: its rows, and its number in the address.
    await page.click('.pager .page-next');
    await expect.poll(() => page.locator('.pager .page-of').innerText().catch(() => '')).toBe(`Pagina 2 van ${first.paginas}`);
    expect(page.url()).toContain('pagina=2');
    const second = await listPage(2);
    expect(await page.locator('.pupil-table tbody tr').count()).toBe(second.rijen.length);
    expect(await page.locator('.pupil-table tbody tr').first().getAttribute('data-leerling')).toBe(second.rijen[0]!.leerling_id);
    // The page with the test pupil, from a link naming it.
    await page.goto(new URL(`#/leerlingen?vestiging=${stroom.child.vestiging}&pagina=${childPage.pagina}`, stroom.url).toString());
    await expect.poll(() => page.locator('.pager .page-of').innerText().catch(() => '')).toBe(`Pagina ${childPage.pagina} van ${first.paginas}`);
    await page.fill('#filter-leerling', child);
    expect(await page.locator('.pupil-table tbody tr:visible').count()).toBe(pupils.filter((p) => p.leerling_id === child).length);
    await page.locator('a.pupil-link', { hasText: child }).first().click();
    await page.waitForSelector('.pupil-record');
    expect(page.url()).toContain(`#/leerling/${child}`);
    expect(await page.locator('h1').innerText()).toBe(`Leerling ${child}`);

    // The BSN search: nine digits and a reason, or it is not sent.
    await page.goto(new URL('#/leerlingen', stroom.url).toString());
    await page.waitForSelector('.search-form');
    await page.getByLabel('BSN', { exact: true }).fill(stroom.child.bsn);
    await page.click('.search-form button[type="submit"]');
    await expect.poll(() => page.locator('#zoek-melding').innerText()).toBe('Geef een reden op.');
    await page.getByLabel('Reden', { exact: true }).fill('Vraag van de ouder (e2e)');
    await page.click('.search-form button[type="submit"]');
    await page.waitForSelector('.pupil-record');
    expect(page.url()).toContain(`#/leerling/${child}`);
    expect(await page.locator('body').innerText()).not.toContain(stroom.child.bsn); // the BSN is not shown

    // A valid BSN of nobody in the region (or not at this school): the same Dutch answer.
    let other = 100000002;
    while (!isBsnText(String(other)) || String(other) === stroom.child.bsn) other += 1;
    await page.goto(new URL('#/leerlingen', stroom.url).toString());
    await page.waitForSelector('.search-form');
    await page.getByLabel('BSN', { exact: true }).fill(String(other));
    await page.getByLabel('Reden', { exact: true }).fill('controle (e2e)');
    await page.click('.search-form button[type="submit"]');
    await expect.poll(() => page.locator('#zoek-melding').innerText()).toBe('Geen leerling gevonden met dit BSN.');
    expect(unexpectedErrors().filter((e) => !/status of 404/.test(e))).toEqual([]);
  });

  it('the beheerder picks a vestiging by name and sees its pupils; a link to a vestiging still works', async () => {
    consoleErrors.length = 0;
    const vestigingen = await apiGet<Vestiging[]>('api/vestigingen');
    expect(vestigingen.length).toBeGreaterThan(8); // enough for the search field
    expect(vestigingen.map((v) => v.naam)).toEqual([...vestigingen.map((v) => v.naam)].sort()); // by name
    const target = vestigingen.find((v) => v.vestiging_id === stroom.child.vestiging)!;
    const pupils = (await apiGet<PupilPage<PupilListItem>>(`api/leerlingen?vestiging=${target.vestiging_id}`)).rijen;

    await loginAs(USERS.beheerder);
    await page.goto(new URL('#/leerlingen', stroom.url).toString());
    await page.waitForSelector('#kies-vestiging');
    const options = page.locator('#kies-vestiging option:not([value=""])');
    expect(await page.locator('#kies-vestiging').inputValue()).toBe(''); // "Kies een vestiging…"
    expect(await options.count()).toBe(vestigingen.length);
    expect(await page.locator('.pupil-table').count()).toBe(0);
    // Typing part of the name narrows the list; the vestiging is then picked by its name.
    await page.getByLabel('Zoek een vestiging').fill(target.naam!);
    expect(await options.allInnerTexts()).toEqual(vestigingen.filter((v) => matchesVestiging(v, target.naam!)).map(pickerLabel));
    await page.selectOption('#kies-vestiging', { label: pickerLabel(target) });
    await page.waitForSelector('.pupil-table');
    expect(await page.locator('.pupil-table caption').innerText()).toContain(`Inschrijvingen bij vestiging ${target.naam} (${target.vestiging_id})`);
    expect(await page.locator('.pupil-table tbody tr').count()).toBe(pupils.length);
    await expect.poll(() => page.url()).toContain(`#/leerlingen?vestiging=${target.vestiging_id}`);
    await page.screenshot({ path: `${resultsDir}leerlingen-beheerder.png` });

    // A link naming a vestiging opens it, with the picker on it.
    let other: Vestiging | undefined;
    let otherPupils: PupilListItem[] = [];
    for (const v of vestigingen) {
      if (v.vestiging_id === target.vestiging_id) continue;
      otherPupils = (await apiGet<PupilPage<PupilListItem>>(`api/leerlingen?vestiging=${v.vestiging_id}`)).rijen;
      if (otherPupils.length > 0) {
        other = v;
        break;
      }
    }
    expect(other).toBeDefined();
    await page.goto(new URL(`#/leerlingen?vestiging=${other!.vestiging_id}`, stroom.url).toString());
    await expect.poll(() => page.locator('.pupil-table caption').innerText().catch(() => '')).toContain(`${other!.naam} (${other!.vestiging_id})`);
    expect(await page.locator('#kies-vestiging').inputValue()).toBe(other!.vestiging_id);
    expect(await page.locator('.pupil-table tbody tr').count()).toBe(otherPupils.length);
    // A code typed into the search field and Enter picks that one vestiging.
    await page.getByLabel('Zoek een vestiging').fill(target.vestiging_id);
    await page.getByLabel('Zoek een vestiging').press('Enter');
    await expect.poll(() => page.locator('.pupil-table caption').innerText()).toContain(`(${target.vestiging_id})`);
    expect(await page.locator('#kies-vestiging').inputValue()).toBe(target.vestiging_id);
    expect(page.url()).toContain(`vestiging=${target.vestiging_id}`);
    expect(unexpectedErrors()).toEqual([]);
  });

  it('a commissie member lists the support requests and follows one to the pupil’s timeline', async () => {
    consoleErrors.length = 0;
    const commissie = await apiLogin(stroom.url, USERS.commissie);
    const requestPage = await commissie.get<PupilPage<SupportRequest>>('api/leerlingen?aanvragen=1');
    const requests = requestPage.rijen; // the first page
    expect(requests.length).toBeGreaterThan(0);
    // The server: the list only for commissie and beheerder, and a list needs vestiging or aanvragen.
    const school = await apiLogin(stroom.url, USERS.school);
    expect((await apiRequest(stroom.url, 'GET', 'api/leerlingen?aanvragen=1', { cookie: school.cookie })).status).toBe(403);
    expect((await apiRequest(stroom.url, 'GET', 'api/leerlingen', { cookie: admin.cookie })).status).toBe(400);
    // A request with a request date: one of the test pupil if it has one.
    const child = (await apiLogin(stroom.url, USERS.ouder)).session.leerling!;
    const dated = requests.filter((r) => r.aanvraagdatum && r.besluit_id);
    const chosen = dated.find((r) => r.leerling_id === child) ?? dated[0]!;

    await loginAs(USERS.commissie);
    await settle();
    expect(await page.locator('.user-menu').innerText()).toMatch(/^Ingelogd als cees \(commissie\)/);
    expect(await page.locator('h1').innerText()).toBe('Overzicht'); // the first page stays the overview
    expect(await page.locator('.app-nav a').allInnerTexts()).toEqual(['Overzicht', 'Leerlingstromen', 'Thuiszitters', 'Voorzieningen', 'Inzicht', 'Maatboek', 'Aanvragen']);
    await page.click('.app-nav a[data-page="aanvragen"]');
    await page.waitForSelector('.request-table');
    expect(await page.locator('h1').innerText()).toBe('Aanvragen');
    const rows = page.locator('.request-table tbody tr');
    expect(await rows.count()).toBe(requests.length);
    expect(await page.locator('.list-count').innerText()).toBe(`${formatNumber(requestPage.totaal, 'nl')} aanvragen`);
    expect(await page.locator('.pager .page-of').innerText()).toBe(`Pagina 1 van ${formatNumber(requestPage.paginas, 'nl')}`);
    expect(await rows.first().getAttribute('data-besluit')).toBe(requests[0]!.besluit_id); // newest first, as the server
    await page.screenshot({ path: `${resultsDir}aanvragen.png` });

    // The filter: on the outcome, and on words (here the decision id).
    const afgewezen = requests.filter((r) => r.uitkomst === 'afgewezen').length;
    await page.selectOption('#filter-uitkomst', 'afgewezen');
    expect(await page.locator('.request-table tbody tr:visible').count()).toBe(afgewezen);
    expect(await page.locator('.list-count').innerText()).toBe(
      `${formatNumber(afgewezen, 'nl')} van ${formatNumber(requests.length, 'nl')} aanvragen (Pagina 1 van ${formatNumber(requestPage.paginas, 'nl')})`,
    );
    await page.selectOption('#filter-uitkomst', '');
    await page.getByLabel('Zoek in de lijst').fill(chosen.besluit_id!);
    const matching = requests.filter((r) => requestMatches(r, { tekst: chosen.besluit_id!, uitkomst: '' }));
    expect(await page.locator('.request-table tbody tr:visible').count()).toBe(matching.length);
    expect(page.url()).toContain(`zoek=${chosen.besluit_id}`);
    const row = page.locator(`.request-table tbody tr[data-besluit="${chosen.besluit_id}"]`);
    expect(await row.innerText()).toContain(formatDate(chosen.aanvraagdatum!, 'nl'));

    // The row's link: the pupil's timeline, with this request in it, pointed out.
    await row.locator('a.pupil-link').click();
    await page.waitForSelector('.pupil-record');
    expect(page.url()).toContain(`#/leerling/${chosen.leerling_id}?besluit=${chosen.besluit_id}`);
    expect(await page.locator('h1').innerText()).toBe(`Leerling ${chosen.leerling_id}`);
    const request = page.locator(`.timeline-list li.highlighted[data-besluit="${chosen.besluit_id}"]`, { hasText: 'Aanvraag' });
    expect(await request.count()).toBe(1);
    expect(await request.locator('time').getAttribute('datetime')).toBe(chosen.aanvraagdatum);
    expect(await request.innerText()).toContain(`Aanvraag ${[chosen.soort, chosen.categorie].filter(Boolean).join(' ')}`);
    expect(await page.locator('[data-sectie="sectionOndersteuning"] tbody tr.highlighted').getAttribute('data-besluit')).toBe(chosen.besluit_id);
    await page.screenshot({ path: `${resultsDir}leerling-aanvraag.png`, fullPage: true });
    await page.click('.back a');
    await page.waitForSelector('.request-table');
    expect(await page.locator('h1').innerText()).toBe('Aanvragen');

    // The server logged the list and the timeline for this pupil, under the commissie member's name.
    const audit = await apiGet<AuditEntry[]>(`api/audit?gebruiker=cees&leerling=${chosen.leerling_id}`);
    // The page of the list is one entry that keeps the pupils on it.
    const listed = audit.find((e) => e.actie === 'lezen-lijst' && e.detail === `lijst aanvragen, pagina 1 van ${requestPage.paginas}`);
    expect(listed?.leerlingen).toContain(chosen.leerling_id);
    expect(listed?.leerling_id).toBeFalsy();
    expect(audit.some((e) => e.actie === 'lezen' && !e.detail)).toBe(true);
    // No Leerlingen page for the commissie.
    await page.goto(new URL('#/leerlingen', stroom.url).toString());
    await settle();
    expect(page.url()).toMatch(/#\/overzicht$/);
    expect(unexpectedErrors()).toEqual([]);
  });

  it('the beheerder reads who looked at which pupil in the Logboek, and downloads it as CSV', async () => {
    consoleErrors.length = 0;
    await loginAs(USERS.beheerder);
    await page.goto(new URL('#/logboek', stroom.url).toString());
    await page.waitForSelector('.audit-table');
    // The search is found by filtering on the pupil (which also finds the list pages showing it).
    const child = (await apiLogin(stroom.url, USERS.ouder)).session.leerling!;
    await page.getByLabel('Leerling', { exact: true }).fill(child);
    await page.click('.audit-filter button[type="submit"]');
    await expect.poll(() => page.url()).toContain(`leerling=${child}`);
    await page.waitForSelector('.audit-table');
    // Newest first, and reading the log about a pupil is itself logged.
    const newest = await page.locator('.audit-table tbody tr').first().innerText();
    expect(newest).toContain('logboek-inzien');
    expect(newest).toContain('bea');
    const search = page.locator('.audit-table tbody tr', { hasText: 'Vraag van de ouder (e2e)' });
    expect(await search.count()).toBe(1);
    expect(await search.innerText()).toContain('school1');
    expect(await search.innerText()).toContain('zoeken-bsn');
    const entries = await apiGet<AuditEntry[]>('api/audit');
    expect(entries.length).toBeGreaterThan(2);
    expect(entries[0]!.id).toBeGreaterThan(entries.at(-1)!.id); // newest first
    // Filters on action and date, kept in the address; the CSV link carries the same selection.
    await page.selectOption('#filter-actie', 'zoeken-bsn');
    await page.fill('#filter-van', entries[0]!.tijdstip.slice(0, 10));
    await page.fill('#filter-tot', entries[0]!.tijdstip.slice(0, 10));
    await page.click('.audit-filter button[type="submit"]');
    await expect.poll(() => page.url()).toContain('actie=zoeken-bsn');
    await expect.poll(async () => (await page.locator('.audit-table tbody tr').allInnerTexts()).every((row) => row.includes('zoeken-bsn'))).toBe(true);
    expect(await page.locator('.audit-table tbody tr', { hasText: 'Vraag van de ouder (e2e)' }).count()).toBe(1);
    expect(await page.locator('a.download-audit').getAttribute('href')).toContain('actie=zoeken-bsn');
    const searches = await apiGet<AuditEntry[]>(`api/audit?actie=zoeken-bsn&leerling=${child}`);
    expect(await page.locator('.audit-table tbody tr').count()).toBe(searches.length);
    await page.screenshot({ path: `${resultsDir}logboek.png` });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.download-audit')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toContain('tijdstip');
    expect(csv).toContain('Vraag van de ouder (e2e)');
    expect(csv).not.toContain('controle (e2e)'); // a search that found nobody names no pupil
    expect(unexpectedErrors()).toEqual([]);
  });

  it('a session that ends while the user works brings the login page, then the same page back', async () => {
    await open('voorzieningen');
    await browser.context.clearCookies(); // as when the server forgets the session (restart, expiry)
    await page.click('.app-nav a[data-page="thuiszitters"]');
    await page.waitForSelector('#login-gebruiker');
    expect(await page.locator('.login-notice').innerText()).toBe('U bent uitgelogd. Log opnieuw in om verder te gaan.');
    await login(USERS.beheerder);
    await settle();
    // The navigation carries the selection of the page it was on (here the whole region).
    expect(page.url()).toMatch(/#\/thuiszitters\?regio=heel$/);
    expect(await page.locator('h1').innerText()).toBe('Thuiszitters');
  });

  it('logging out returns to the login page, and the session is gone', async () => {
    await page.goto(new URL('#/overzicht', stroom.url).toString());
    await settle();
    await page.click('button.logout');
    await page.waitForSelector('#login-gebruiker');
    expect(new URL(page.url()).hash).toBe(''); // the address of the last page is forgotten
    expect(await page.locator('.user-menu').count()).toBe(0);
    expect(await page.evaluate(async () => (await fetch('api/sessie')).status)).toBe(401);
    await page.reload();
    await page.waitForSelector('#login-gebruiker');
  });

  it('too many wrong passwords get the Dutch message with the wait from Retry-After', async () => {
    await page.goto(stroom.url);
    await page.waitForSelector('#login-gebruiker');
    const message = page.locator('#login-fout');
    let text = '';
    for (let attempt = 0; attempt < 8 && !text.startsWith('Te veel'); attempt++) {
      await page.fill('#login-gebruiker', USERS.geblokkeerd.name);
      await page.fill('#login-wachtwoord', `fout-${attempt}`);
      await page.click('button.login-submit');
      await expect.poll(() => page.locator('button.login-submit').isEnabled()).toBe(true);
      text = await message.innerText();
    }
    expect(text).toMatch(/^Te veel mislukte pogingen\. Probeer het over \d+ seconden opnieuw\.$/);
    // The right password is refused too until the wait is over: the limit does not read passwords.
    await page.fill('#login-wachtwoord', USERS.geblokkeerd.password);
    await page.click('button.login-submit');
    await expect.poll(() => page.locator('button.login-submit').isEnabled()).toBe(true);
    expect(await message.innerText()).toMatch(/^Te veel mislukte pogingen/);
  });

  it('every chart and the pupil pages render under a stricter policy without \'unsafe-inline\' styles', async () => {
    await page.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
    });
    try {
      consoleErrors.length = 0;
      await page.goto(new URL('#/overzicht', stroom.url).toString());
      await page.reload();
      await login(USERS.beheerder);
      for (const route of ['overzicht', 'leerlingstromen', 'thuiszitters', 'voorzieningen']) {
        await open(route);
        for (const p of await page.locator('.panel').all()) {
          expect(await p.getAttribute('data-state')).toBe('ready');
          expect(await p.locator('.chart svg .role-mark > path, .chart svg .role-mark > text').count()).toBeGreaterThan(0);
        }
      }
      // A tooltip is an element the tooltip handler creates and positions: no inline style sheet.
      await page.locator('.panel[data-grafiek="voorzieningen-kosten"] .chart svg .role-mark path').first().hover();
      await page.waitForSelector('#vg-tooltip-element.visible');
      // The pupil pages: the vestiging picker with its list, the requests, a timeline.
      await page.goto(new URL(`#/leerlingen?vestiging=${stroom.child.vestiging}`, stroom.url).toString());
      await page.waitForSelector('.pupil-table');
      await page.goto(new URL('#/aanvragen', stroom.url).toString());
      await page.waitForSelector('.request-table');
      await page.locator('.request-table a.pupil-link').first().click();
      await page.waitForSelector('.pupil-record .timeline-list');
      expect(cspViolations()).toEqual([]);
      expect(unexpectedErrors()).toEqual([]);
    } finally {
      await page.unroute('**/*');
    }
  });

  it('no Content-Security-Policy violation in the whole run', () => {
    expect(cspViolations(everyConsoleError)).toEqual([]);
  });
});
