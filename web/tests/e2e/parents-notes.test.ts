// End to end, issue 10 points 7 and 8. As ouder: the Mijn kind page explains every term it shows,
// shows the SWV's contact details (set with `stroom instelling contact`) and who looked at the
// child's data (role and organisation, no staff names), and no pseudonym or other internal id
// anywhere on the page. As analist and beheerder: the notes box counts characters against the
// 2,000 limit, the author edits and deletes a note, a beheerder may only delete another's note;
// and every chart panel of the app is one the server accepts notes on (GET /api/grafieken).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLog, Note, PupilRecord, RegionInfo, Vestiging } from '../../src/types';
import { apiLogin, apiRequest, type ApiUser } from './api-client';
import { type Browser, launchBrowser } from './browser';
import { startStroom, type StroomServer, type TestUser, USERS } from './stroom-server';
import { PageDriver } from './page-driver';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let stroom: StroomServer;
let browser: Browser;
let page: Page;
let ui: PageDriver;
let admin: ApiUser;
const consoleErrors: string[] = [];

const loginAs = (user: TestUser, route = '') => ui.loginAs(user, route);
const open = (route: string) => ui.open(route);



/** A POST as the given API user (with the CSRF token). */
function post<T>(user: ApiUser, path: string, body: unknown): Promise<{ status: number; body: T }> {
  return apiRequest(stroom.url, 'POST', path, { cookie: user.cookie, csrf: user.session.csrf, body }).then((a) => ({ status: a.status, body: JSON.parse(a.body) as T }));
}

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  stroom = await startStroom({ pupils: 6000 });
  admin = await apiLogin(stroom.url, USERS.beheerder);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  ui = new PageDriver(page, stroom.url);
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await stroom?.stop();
});

describe('Mijn kind for a parent', () => {
  it('explains every term, shows the contact details and who looked, and no internal id', async () => {
    await stroom.cli('instelling', 'contact', '--naam', 'SWV Passend Onderwijs Testregio', '--telefoon', '010 123 45 67', '--email', 'info@swv-test.example');
    const ouder = await apiLogin(stroom.url, USERS.ouder);
    const child = ouder.session.leerling!;
    // Staff look at the child: the beheerder, and the school of the child's vestiging.
    const full = await admin.get<PupilRecord>(`api/leerlingen/${encodeURIComponent(child)}`);
    const school = await apiLogin(stroom.url, USERS.school);
    await school.get<PupilRecord>(`api/leerlingen/${encodeURIComponent(child)}`);
    const vestiging = (await admin.get<Vestiging[]>('api/vestigingen')).find((v) => v.vestiging_id === stroom.child.vestiging)!;

    consoleErrors.length = 0;
    await loginAs(USERS.ouder);
    await page.waitForSelector('.pupil-record');
    await page.waitForSelector('.glossary');
    await page.waitForSelector('.access-log');
    await page.waitForSelector('.contact');

    // Every code in the enrolments table, and TLV, OPP, arrangement and cluster, has its sentence.
    const terms = await page.locator('.glossary dt').evaluateAll((dts) => dts.map((d) => ({ term: d.getAttribute('data-term'), text: d.nextElementSibling?.textContent ?? '' })));
    const explained = new Map(terms.map((t) => [t.term, t.text]));
    const codes = new Set(full.inschrijvingen.map((e) => e.onderwijssoort).filter((c): c is string => Boolean(c)));
    for (const e of full.inschrijvingen) if (e.niveau) codes.add(e.niveau);
    for (const d of full.ondersteuning) if (d.soort) codes.add(d.soort);
    for (const term of [...codes, 'tlv', 'opp', 'arrangement', 'cluster']) {
      expect(explained.get(term), term).toBeTruthy();
      expect(explained.get(term)!.length, term).toBeGreaterThan(20);
    }
    expect(await page.locator('.glossary dd').first().isVisible()).toBe(true); // shown, not hover-only

    const contact = await page.locator('.contact').innerText();
    expect(contact).toContain('SWV Passend Onderwijs Testregio');
    expect(contact).toContain('010 123 45 67');
    expect(await page.locator('.contact a[href="mailto:info@swv-test.example"]').count()).toBe(1);

    const log = await ouder.get<AccessLog>('api/mijn-kind/inzage');
    const rows = await page.locator('.access-table tbody tr').allInnerTexts();
    expect(rows.length).toBe(log.regels.length);
    const accessText = rows.join('\n');
    expect(accessText).toContain('samenwerkingsverband (beheerder)');
    expect(accessText).toContain(`school (${vestiging.naam})`);
    expect(accessText).toContain('bekeek de gegevens van uw kind');
    for (const staff of [USERS.beheerder.name, USERS.school.name]) expect(accessText).not.toContain(staff);

    // No pseudonym, no besluit or melding number, not even in an attribute.
    const html = await page.content();
    const text = await page.locator('body').innerText();
    expect(html).not.toContain(child);
    expect(html).not.toMatch(/ps-[0-9a-f]{8,}/);
    expect(text.toLowerCase()).not.toContain('pseudoniem');
    for (const d of full.ondersteuning) if (d.besluit_id) expect(html, d.besluit_id).not.toContain(`>${d.besluit_id}<`);
    for (const v of full.verzuim) if (v.melding_id) expect(html, v.melding_id).not.toContain(`>${v.melding_id}<`);
    await page.screenshot({ path: `${resultsDir}mijn-kind-ouder.png`, fullPage: true });
    expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]); // 401: /api/sessie before the login
  });
});

describe('notes people can manage', () => {
  it('every chart panel is one the server accepts notes on', async () => {
    await loginAs(USERS.analist);
    const known = await (await apiLogin(stroom.url, USERS.analist)).get<string[]>('api/grafieken');
    const shown: string[] = [];
    for (const route of ['overzicht', 'leerlingstromen', 'thuiszitters', 'voorzieningen']) {
      await open(route);
      shown.push(...(await page.locator('.panel[data-grafiek]').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-grafiek')!))));
    }
    expect(shown.length).toBeGreaterThan(5);
    for (const id of shown) expect(known, id).toContain(id);
  });

  it('the author counts, edits and deletes a note in the box; a beheerder only deletes another’s', async () => {
    consoleErrors.length = 0;
    await loginAs(USERS.analist);
    await open('overzicht');
    const box = page.locator('.panel[data-grafiek="overzicht-leerlingen"] .notes');
    await box.locator('summary').click();
    const textarea = box.locator('.note-add textarea');
    const counter = box.locator('.note-add .note-counter');
    expect(await counter.innerText()).toBe('0 van 2000 tekens');
    await textarea.fill('Nieuwe voorziening geopend');
    expect(await counter.innerText()).toBe('26 van 2000 tekens');
    await textarea.fill('x'.repeat(2005));
    expect(await counter.innerText()).toBe('2005 van 2000 tekens: 5 te veel. Maak de notitie korter.');
    await box.locator('.note-add button[type="submit"]').click();
    expect(await box.locator('.notes-status').innerText()).toContain('langer dan 2000 tekens');
    await textarea.fill('Nieuwe voorziening geopend');
    await box.locator('.note-add button[type="submit"]').click();
    await box.locator('.note-text', { hasText: 'Nieuwe voorziening geopend' }).waitFor();
    expect(await counter.innerText()).toBe('0 van 2000 tekens');

    // By id: while it is edited the item holds a form, not its text.
    const id = await box.locator('li.note', { hasText: 'Nieuwe voorziening geopend' }).getAttribute('data-note-id');
    const item = box.locator(`li.note[data-note-id="${id}"]`);
    await item.locator('button.note-edit').click();
    const edit = item.locator('form.note-edit-form textarea');
    expect(await edit.inputValue()).toBe('Nieuwe voorziening geopend');
    await edit.fill('Nieuwe voorziening geopend in januari');
    expect(await item.locator('.note-counter').innerText()).toBe('37 van 2000 tekens');
    await item.locator('form.note-edit-form button[type="submit"]').click();
    await box.locator('.note-text', { hasText: 'geopend in januari' }).waitFor();
    expect(await box.locator('.notes-status').innerText()).toContain('Notitie gewijzigd');
    expect(await box.locator('li.note', { hasText: 'geopend in januari' }).locator('.note-meta').innerText()).toContain('gewijzigd');

    // A period outside the data: the server's message says what to do.
    const info = await admin.get<RegionInfo>('api/info');
    const edited = item;
    await edited.locator('button.note-edit').click();
    await edited.locator('input[name="van"]').fill('2001-01-01');
    await edited.locator('form.note-edit-form button[type="submit"]').click();
    await page.waitForFunction(() => /buiten de periode/.test(document.querySelector('.panel[data-grafiek="overzicht-leerlingen"] .notes-status')?.textContent ?? ''));
    expect(await box.locator('.notes-status').innerText()).toContain(`kies een datum van ${info.eerste_datum} tot en met ${info.laatste_datum}`);
    await edited.locator('button.note-cancel').click();

    await box.locator('li.note', { hasText: 'geopend in januari' }).locator('button.note-delete').click();
    await box.locator('button.note-delete-sure').click();
    await page.waitForFunction(() => !/geopend in januari/.test(document.querySelector('.panel[data-grafiek="overzicht-leerlingen"] .notes-list')?.textContent ?? 'geopend in januari'));
    expect(await box.locator('.notes-status').innerText()).toContain('Notitie verwijderd');
    await page.screenshot({ path: `${resultsDir}notities.png` });

    // The analist's other note: the beheerder sees Verwijderen but not Wijzigen, and deletes it.
    const analist = await apiLogin(stroom.url, USERS.analist);
    const note = await post<Note>(analist, 'api/notities', { grafiek: 'overzicht-leerlingen', tekst: 'Lezing van de analist' });
    expect(note.status).toBe(201);
    await loginAs(USERS.beheerder);
    await open('overzicht');
    const other = page.locator('.panel[data-grafiek="overzicht-leerlingen"] li.note', { hasText: 'Lezing van de analist' });
    await other.waitFor();
    expect(await other.locator('button.note-edit').count()).toBe(0);
    await other.locator('button.note-delete').click();
    await page.locator('.panel[data-grafiek="overzicht-leerlingen"] button.note-delete-sure').click();
    await other.waitFor({ state: 'detached' });
    expect((await admin.get<Note[]>('api/notities?grafiek=overzicht-leerlingen')).some((n) => n.id === note.body.id)).toBe(false);
    expect(consoleErrors.filter((e) => !/status of (400|401)/.test(e))).toEqual([]);
  });
});
