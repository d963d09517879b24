// End to end, "choose what you look at" (issue 10 point 2): as beheerder the page opens on one SWV
// (the region has PO and VO), choosing another SWV changes the numbers and the address, the address
// reloaded gives the same view, "back" the previous one, and the numbers are the API's for that
// selection; a vestiging is found by name; the whole region is one click away. As a school user:
// their vestiging beside their SWV (suppressed as the server gives it), no other vestiging offered.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/csv';
import type { SelectionChoices } from '../../src/selection';
import type { MeasureResult, RegionInfo, Row } from '../../src/types';
import { apiLogin, type ApiUser } from './api-client';
import { type Browser, launchBrowser } from './browser';
import { startStroom, type StroomServer, type TestUser, USERS } from './stroom-server';
import { PageDriver } from './page-driver';

let stroom: StroomServer;
let browser: Browser;
let page: Page;
let ui: PageDriver;
let admin: ApiUser;
let info: RegionInfo;
let choices: SelectionChoices;
const errors: string[] = [];

const settle = () => ui.settle();
const open = (route: string) => ui.open(route);
const login = (user: TestUser) => ui.login(user);
const panel = (grafiek: string) => ui.panel(grafiek);
const downloadCsv = (grafiek: string) => ui.downloadCsv(grafiek);






async function apiCsv(user: ApiUser, path: string): Promise<string> {
  const answer = await user.get<MeasureResult>(path);
  return toCsv(answer.kolommen, answer.rijen);
}

beforeAll(async () => {
  stroom = await startStroom();
  admin = await apiLogin(stroom.url, USERS.beheerder);
  info = await admin.get<RegionInfo>('api/info');
  choices = await admin.get<SelectionChoices>('api/selectie');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  ui = new PageDriver(page, stroom.url);
  ui.collectErrors(errors);
  await page.goto(stroom.url);
  await login(USERS.beheerder);
});

afterAll(async () => {
  await browser?.close();
  await stroom?.stop();
});

describe('the selection as beheerder', () => {
  it('opens on one SWV, not PO and VO added, and says so', async () => {
    const sectors = new Set(choices.swv.map((s) => s.sector));
    expect(sectors.has('po') && sectors.has('vo')).toBe(true); // the generated region has both
    const at = info.teldata.at(-1)!;
    const first = choices.swv[0]!;
    await open(`overzicht?at=${at}`);
    const bar = page.locator('.selection-bar');
    expect(await bar.locator('.selection-shows').innerText()).toContain(`Samenwerkingsverband ${first.code} (${first.sector})`);
    expect(await bar.locator('.selection-default').isVisible()).toBe(true);
    expect(await page.locator('#kies-selectie-swv').inputValue()).toBe(first.code);
    expect(await panel('overzicht-leerlingen').locator('.selection-line').innerText()).toBe(`Samenwerkingsverband ${first.code} (${first.sector})`);
    const csv = await downloadCsv('overzicht-leerlingen');
    expect(csv.text).toBe(await apiCsv(admin, `api/measures/leerlingen?at=${at}&swv=${first.code}`));
    expect(csv.text).not.toBe(await apiCsv(admin, `api/measures/leerlingen?at=${at}`));
    // Every page that draws measures has the bar; the Maatboek (definitions) has none.
    for (const route of ['leerlingstromen', 'thuiszitters', 'voorzieningen']) {
      await open(route);
      expect(await page.locator('.selection-bar').count(), route).toBe(1);
    }
    await open('maatboek');
    expect(await page.locator('.selection-bar').count()).toBe(0);
  });

  it('choosing an SWV changes the numbers and the address; reload and back keep the views', async () => {
    const at = info.teldata.at(-1)!;
    const first = choices.swv[0]!.code;
    const other = choices.swv.find((s) => s.sector !== choices.swv[0]!.sector)!;
    await open(`overzicht?at=${at}`);
    const before = await downloadCsv('overzicht-leerlingen');
    await page.selectOption('#kies-selectie-swv', other.code);
    await expect.poll(() => page.url()).toContain(`swv=${other.code}`);
    await settle();
    expect(page.url()).toContain(`at=${at}`);
    const after = await downloadCsv('overzicht-leerlingen');
    expect(after.text).not.toBe(before.text);
    expect(after.text).toBe(await apiCsv(admin, `api/measures/leerlingen?at=${at}&swv=${other.code}`));
    expect(after.name).toBe(`overzicht-leerlingen_${at}_${other.code}.csv`);
    // Every chart of the page says what it shows, and its trend is the API's for the selection.
    for (const line of await page.locator('.panel .selection-line').allInnerTexts()) expect(line).toBe(`Samenwerkingsverband ${other.code} (${other.sector})`);
    expect((await downloadCsv('overzicht-leerlingen-tijd')).text).toBe(await apiCsv(admin, `api/measures/leerlingen?swv=${other.code}`));
    // Only the SWV's vestigingen are offered.
    const offered = await page.locator('#selectie-vestigingen option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const ofSwv = choices.vestigingen.filter((v) => v.swv === other.code);
    expect(offered).toHaveLength(ofSwv.length);
    for (const v of ofSwv) expect(offered).toContain(`${v.naam} (${v.vestiging_id})`);

    await page.reload();
    await settle();
    expect(await page.locator('#kies-selectie-swv').inputValue()).toBe(other.code);
    expect((await downloadCsv('overzicht-leerlingen')).text).toBe(after.text);

    // The navigation keeps the selection on the next page.
    await page.click('.app-nav a[data-page="thuiszitters"]');
    await settle();
    expect(page.url()).toContain(`swv=${other.code}`);
    await page.goBack();
    await settle();
    expect(await page.locator('#kies-selectie-swv').inputValue()).toBe(other.code);
    await page.goBack(); // the default SWV again
    await settle();
    expect(page.url()).not.toContain('swv=');
    expect(await page.locator('#kies-selectie-swv').inputValue()).toBe(first);
    expect(errors).toEqual([]);
  });

  it('a vestiging is found by name, and the whole region is offered with po and vo added', async () => {
    const at = info.teldata.at(-1)!;
    const school = choices.vestigingen.find((v) => v.swv === choices.swv[0]!.code && v.naam)!;
    await open(`overzicht?at=${at}`);
    await page.fill('#kies-selectie-vestiging', `${school.naam} (${school.vestiging_id})`);
    await page.press('#kies-selectie-vestiging', 'Enter');
    await expect.poll(() => page.url()).toContain(`vestiging=${school.vestiging_id}`);
    await settle();
    expect(await panel('overzicht-leerlingen').locator('.selection-line').innerText()).toContain(`Vestiging ${school.naam} (${school.vestiging_id})`);
    expect((await downloadCsv('overzicht-leerlingen')).text).toBe(await apiCsv(admin, `api/measures/leerlingen?at=${at}&swv=${school.swv}&vestiging=${school.vestiging_id}`));

    await page.click('.selection-whole-region');
    await expect.poll(() => page.url()).toContain('regio=heel');
    await settle();
    expect(page.url()).not.toContain('vestiging=');
    expect(await panel('overzicht-leerlingen').locator('.selection-line').innerText()).toBe('Hele regio (po en vo opgeteld)');
    expect((await downloadCsv('overzicht-leerlingen')).text).toBe(await apiCsv(admin, `api/measures/leerlingen?at=${at}`));
  });
});

describe('the selection as school user', () => {
  it('shows the own school beside its SWV, suppressed as the server gives it, and no other vestiging', async () => {
    const school = await apiLogin(stroom.url, USERS.school);
    const own = school.session.vestigingen[0]!;
    const ownSchool = choices.vestigingen.find((v) => v.vestiging_id === own)!;
    const at = info.teldata.at(-1)!;
    await login(USERS.school);
    await open(`overzicht?at=${at}`);
    expect(await page.locator('#kies-selectie-swv').inputValue()).toBe(ownSchool.swv);
    // No bestuur or gemeente to choose, and only the own vestigingen offered.
    expect(await page.locator('#kies-selectie-bestuur, #kies-selectie-gemeente').count()).toBe(0);
    const offered = await page.locator('#selectie-vestigingen option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(school.session.vestigingen.map((id) => `${choices.vestigingen.find((v) => v.vestiging_id === id)!.naam} (${id})`));

    const comparison = panel('overzicht-school-regio');
    expect(await comparison.getAttribute('data-state')).toBe('ready');
    const mine = await school.get<MeasureResult>(`api/measures/leerlingen?at=${at}&vestiging=${own}`);
    const region = await school.get<MeasureResult>(`api/measures/leerlingen?at=${at}&swv=${ownSchool.swv}`);
    const schoolLabel = `${ownSchool.naam} (${own})`;
    const regionLabel = `Samenwerkingsverband ${ownSchool.swv} (${ownSchool.sector})`;
    const tagged = (rows: Row[], gebied: string) => rows.filter((r) => r.onderwijssoort !== 'totaal').map((r) => ({ gebied, ...r }));
    const csv = await downloadCsv('overzicht-school-regio');
    expect(csv.text).toBe(toCsv(['gebied', ...mine.kolommen], [...tagged(mine.rijen, schoolLabel), ...tagged(region.rijen, regionLabel)]));
    // The school's small counts arrive as "<5" (published, as for every role but beheerder) and stay so.
    expect(mine.rijen.every((r) => r.waarde === '<5' || r.waarde === null || typeof r.waarde === 'number')).toBe(true);
    for (const r of mine.rijen) if (r.waarde === '<5') expect(csv.text).toContain(`${schoolLabel};${r.datum};${r.onderwijssoort};<5`);
    expect(await comparison.locator('.subtitle').innerText()).toContain(schoolLabel);
    expect(await comparison.locator('.subtitle').innerText()).toContain(regionLabel);

    // Another school's vestiging in the address is not taken (the server would refuse it).
    const other = choices.vestigingen.find((v) => v.vestiging_id !== own && v.swv === ownSchool.swv)!;
    errors.length = 0;
    await open(`overzicht?at=${at}&vestiging=${other.vestiging_id}`);
    expect(await page.locator('.panel[data-state="error"]').count()).toBe(0);
    expect(await panel('overzicht-leerlingen').locator('.selection-line').innerText()).toBe(regionLabel);
    expect(errors).toEqual([]);
  });
});
