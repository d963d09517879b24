// The vestigingen by name (GET /api/vestigingen, once per session, codes when it fails), the
// Leerlingen picker's choices, vestiging names in the pupil timeline, the Aanvragen list
// (GET /api/leerlingen?aanvragen=1: never cached, filtered, newest first, each row a link to the
// timeline pointing out that request) and where a timeline's "back" goes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, auditUrl } from '../../src/api';
import { t } from '../../src/i18n';
import { newestRequestsFirst, outcomes, requestLink, requestMatches, requestSearchText } from '../../src/pages/aanvragen';
import { backLink } from '../../src/pages/leerling';
import { pickerOptions } from '../../src/pages/leerlingen';
import { navPages } from '../../src/roles';
import { endSession, startSession } from '../../src/session';
import type { PupilPage, PupilRecord, Session, SupportRequest, Vestiging } from '../../src/types';
import { neighbours, pageFromQuery } from '../../src/ui/pager';
import { timelineEvents } from '../../src/ui/pupil-record';
import {
  fold,
  loadVestigingen,
  matchesVestiging,
  pickerChoices,
  pickerLabel,
  vestigingIndex,
  vestigingLabel,
} from '../../src/vestigingen';

const VESTIGINGEN: Vestiging[] = [
  { vestiging_id: '23OB00', naam: 'CBS De Ark', gemeente: 'Oosterdijk', sector: 'po' },
  { vestiging_id: '11VM00', naam: 'OBS De Regenboog', gemeente: 'Waterveen', sector: 'po' },
  { vestiging_id: '77XY00', naam: 'Één Wereld College', gemeente: 'Beekhoven', sector: 'vo' },
];

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
}

const calls: Call[] = [];
let respond: (call: Call) => { status: number; body?: unknown };

const session = (rol: Session['rol'], vestigingen: string[] = []): Session => ({ gebruiker: rol, rol, vestigingen, leerling: null, csrf: `token-${rol}` });

beforeEach(() => {
  calls.length = 0;
  respond = (call) => (call.url === 'api/vestigingen' ? { status: 200, body: VESTIGINGEN } : { status: 200, body: [] });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const call = { url, method: init.method ?? 'GET', headers: { ...(init.headers as Record<string, string>) } };
    calls.push(call);
    const answer = respond(call);
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), { status: answer.status });
  });
  startSession(session('beheerder'));
});

afterEach(() => {
  vi.unstubAllGlobals();
  endSession();
});

describe('GET /api/vestigingen', () => {
  it('is asked once per session, with a GET and no token', async () => {
    expect(await api.vestigingen()).toEqual(VESTIGINGEN);
    expect(await api.vestigingen()).toEqual(VESTIGINGEN);
    expect(await loadVestigingen()).toEqual(VESTIGINGEN);
    expect(calls).toEqual([{ url: 'api/vestigingen', method: 'GET', headers: { Accept: 'application/json' } }]);
    // Another user: asked again.
    endSession();
    startSession(session('ouder'));
    await api.vestigingen();
    expect(calls).toHaveLength(2);
  });

  it('gives null on failure (the pages show codes), and asks again the next time', async () => {
    respond = () => ({ status: 500, body: { fout: 'database niet beschikbaar' } });
    expect(await loadVestigingen()).toBeNull();
    await expect(api.vestigingen()).rejects.toMatchObject({ status: 500, message: 'database niet beschikbaar' });
    respond = () => ({ status: 200, body: VESTIGINGEN });
    expect(await loadVestigingen()).toEqual(VESTIGINGEN);
    expect(calls).toHaveLength(3);
  });
});

describe('GET /api/leerlingen?aanvragen=1', () => {
  it('is a GET without token, a page at a time, and asked anew every time (the server logs each page shown)', async () => {
    const rows: SupportRequest[] = [{ leerling_id: 'ps-1', besluit_id: 'B1', soort: 'tlv', categorie: 'laag', aanvraagdatum: '2024-03-01', besluitdatum: null, uitkomst: 'lopend' }];
    const page: PupilPage<SupportRequest> = { pagina: 1, paginas: 3, per_pagina: 100, totaal: 201, rijen: rows };
    respond = () => ({ status: 200, body: page });
    expect(await api.supportRequests()).toEqual(page);
    await api.supportRequests();
    await api.supportRequests(3);
    await api.pupils('11VM00', 2);
    expect(calls.map((c) => [c.method, c.url, c.headers['X-CSRF-Token'] ?? null])).toEqual([
      ['GET', 'api/leerlingen?aanvragen=1', null],
      ['GET', 'api/leerlingen?aanvragen=1', null],
      ['GET', 'api/leerlingen?aanvragen=1&pagina=3', null],
      ['GET', 'api/leerlingen?vestiging=11VM00&pagina=2', null],
    ]);
  });

  it('offers the pages that exist, and reads a page number from the address', () => {
    expect(neighbours({ pagina: 1, paginas: 3 })).toEqual({ previous: null, next: 2 });
    expect(neighbours({ pagina: 2, paginas: 3 })).toEqual({ previous: 1, next: 3 });
    expect(neighbours({ pagina: 3, paginas: 3 })).toEqual({ previous: 2, next: null });
    expect(neighbours({ pagina: 1, paginas: 1 })).toEqual({ previous: null, next: null });
    expect([null, '', '0', '-2', '1.5', 'twee', '4'].map(pageFromQuery)).toEqual([1, 1, 1, 1, 1, 1, 4]);
  });

  it('keeps the server’s message of a 403', async () => {
    respond = () => ({ status: 403, body: { fout: 'alleen de commissie en de beheerder zien de lijst van aanvragen' } });
    await expect(api.supportRequests()).rejects.toMatchObject({ status: 403, message: 'alleen de commissie en de beheerder zien de lijst van aanvragen' });
  });
});

describe('GET /api/audit', () => {
  it('sends the Logboek’s filters as query parameters, the empty ones left out', () => {
    expect(auditUrl()).toBe('api/audit');
    expect(auditUrl({ leerling: 'ps-1', gebruiker: '', actie: 'lezen-lijst', van: '2025-01-01', tot: '2025-01-31' })).toBe(
      'api/audit?leerling=ps-1&actie=lezen-lijst&van=2025-01-01&tot=2025-01-31',
    );
    expect(auditUrl({ gebruiker: 'bea' }, true)).toBe('api/audit?formaat=csv&gebruiker=bea');
  });
});

describe('vestiging names', () => {
  const names = vestigingIndex(VESTIGINGEN);

  it('writes name and code, or the code alone', () => {
    expect(vestigingLabel('11VM00', names)).toBe('OBS De Regenboog (11VM00)');
    expect(vestigingLabel('99ZZ00', names)).toBe('99ZZ00');
    expect(vestigingLabel('11VM00', null)).toBe('11VM00');
    expect(vestigingLabel('11VM00', vestigingIndex([{ vestiging_id: '11VM00', naam: null, gemeente: null, sector: null }]))).toBe('11VM00');
    expect(pickerLabel(VESTIGINGEN[1]!)).toBe('OBS De Regenboog · Waterveen (11VM00)');
    expect(pickerLabel({ vestiging_id: '99ZZ00', naam: null, gemeente: null, sector: null })).toBe('99ZZ00');
  });

  it('offers a school its own vestigingen, a beheerder all of them, by name', () => {
    const school = pickerChoices(session('school', ['11VM00', '99ZZ00', '23OB00']), VESTIGINGEN)!;
    // Sorted by name; a code without a name (not in /api/vestigingen) is still offered.
    expect(school.map((v) => v.vestiging_id)).toEqual(['99ZZ00', '23OB00', '11VM00']);
    expect(school.map(pickerLabel)).toEqual(['99ZZ00', 'CBS De Ark · Oosterdijk (23OB00)', 'OBS De Regenboog · Waterveen (11VM00)']);
    // Without the names a school still picks among its own codes.
    expect(pickerChoices(session('school', ['11VM00']), null)).toEqual([{ vestiging_id: '11VM00', naam: null, gemeente: null, sector: null }]);
    expect(pickerChoices(session('beheerder'), VESTIGINGEN)!.map((v) => v.naam)).toEqual(['CBS De Ark', 'Één Wereld College', 'OBS De Regenboog']);
    // A beheerder without the list types the code (null); other roles get nothing.
    expect(pickerChoices(session('beheerder'), null)).toBeNull();
    expect(pickerChoices(session('analist'), VESTIGINGEN)).toEqual([]);
  });

  it('finds a vestiging by words of its name, gemeente or code, ignoring case and accents', () => {
    const found = (search: string) => VESTIGINGEN.filter((v) => matchesVestiging(v, search)).map((v) => v.vestiging_id);
    expect(found('regenboog')).toEqual(['11VM00']);
    expect(found('de oosterdijk')).toEqual(['23OB00']);
    expect(found('een wereld')).toEqual(['77XY00']);
    expect(found('11vm')).toEqual(['11VM00']);
    expect(found('  ')).toEqual(['23OB00', '11VM00', '77XY00']);
    expect(found('regenboog ark')).toEqual([]);
    expect(fold('Één Ärk')).toBe('een ark');
  });

  it('keeps the chosen vestiging among the options while searching, and asks to choose while none is', () => {
    const choices = pickerChoices(session('beheerder'), VESTIGINGEN)!;
    expect(pickerOptions(choices, '', 'regenboog')).toEqual([
      { value: '', label: t('vestigingChoose') },
      { value: '11VM00', label: 'OBS De Regenboog · Waterveen (11VM00)' },
    ]);
    expect(pickerOptions(choices, '23OB00', 'regenboog').map((o) => o.value)).toEqual(['23OB00', '11VM00']);
    // A deep link to a code the list does not have: shown by its code.
    expect(pickerOptions(choices, '99ZZ00', 'xyz')).toEqual([{ value: '99ZZ00', label: '99ZZ00' }]);
  });

  it('are written in the timeline next to the codes, and the codes stay without names', () => {
    const record: PupilRecord = {
      leerling_id: 'ps-kind',
      inschrijvingen: [
        { vestiging_id: '11VM00', onderwijssoort: 'bao', cluster: null, niveau: null, startdatum: '2018-08-20', einddatum: null },
        { vestiging_id: '99ZZ00', onderwijssoort: 'sbo', cluster: null, niveau: null, startdatum: '2019-08-20', einddatum: null },
      ],
      ondersteuning: [
        { besluit_id: 'B7', soort: 'tlv', categorie: 'sbo', voorziening_id: null, aanvraagdatum: '2019-03-01', besluitdatum: '2019-04-01', startdatum: null, einddatum: null, uitkomst: 'toegekend' },
      ],
      verzuim: [],
      wachtlijst: [],
    };
    const texts = (n: typeof names | null) => timelineEvents(record, n).map((e) => t(e.key, e.values, 'nl'));
    expect(texts(names)).toEqual([
      'Ingeschreven in bao bij vestiging OBS De Regenboog (11VM00)',
      'Aanvraag tlv sbo',
      'Besluit tlv sbo: toegekend',
      'Ingeschreven in sbo bij vestiging 99ZZ00',
    ]);
    expect(texts(null)[0]).toBe('Ingeschreven in bao bij vestiging 11VM00');
    // The events of a support decision carry its id, so that the timeline can point it out.
    expect(timelineEvents(record).map((e) => e.besluit ?? null)).toEqual([null, 'B7', 'B7', null]);
  });
});

describe('the Aanvragen list', () => {
  const rows: SupportRequest[] = [
    { leerling_id: 'ps-a', besluit_id: 'B2', soort: 'opp', categorie: null, aanvraagdatum: null, besluitdatum: '2023-09-01', uitkomst: 'toegekend' },
    { leerling_id: 'ps-b', besluit_id: 'B3', soort: 'tlv', categorie: 'laag', aanvraagdatum: '2024-02-10', besluitdatum: '2024-03-15', uitkomst: 'afgewezen' },
    { leerling_id: 'ps-c', besluit_id: 'B1', soort: 'arrangement', categorie: null, aanvraagdatum: '2024-02-10', besluitdatum: null, uitkomst: 'lopend' },
    { leerling_id: 'ps-d', besluit_id: null, soort: 'tlv', categorie: 'hoog', aanvraagdatum: '2022-01-05', besluitdatum: null, uitkomst: null },
  ];

  it('puts the newest request first (the decision date when there is no request date)', () => {
    expect(newestRequestsFirst(rows).map((r) => r.besluit_id)).toEqual(['B1', 'B3', 'B2', null]);
  });

  it('filters on words in the row and on the outcome', () => {
    const shown = (tekst: string, uitkomst = '') => rows.filter((r) => requestMatches(r, { tekst, uitkomst })).map((r) => r.leerling_id);
    expect(shown('')).toEqual(['ps-a', 'ps-b', 'ps-c', 'ps-d']);
    expect(shown('TLV')).toEqual(['ps-b', 'ps-d']);
    expect(shown('tlv laag')).toEqual(['ps-b']);
    expect(shown('ps-c')).toEqual(['ps-c']);
    expect(shown('b3')).toEqual(['ps-b']);
    expect(shown('2024-02')).toEqual(['ps-b', 'ps-c']);
    expect(shown('', 'afgewezen')).toEqual(['ps-b']);
    expect(shown('tlv', 'toegekend')).toEqual([]);
    expect(requestSearchText(rows[1]!)).toBe('ps-b b3 tlv laag afgewezen 2024-02-10 2024-03-15');
    expect(outcomes(rows)).toEqual(['afgewezen', 'lopend', 'toegekend']);
  });

  it('links each row to the pupil’s timeline, naming the request', () => {
    expect(requestLink(rows[1]!)).toBe('#/leerling/ps-b?besluit=B3');
    expect(requestLink(rows[3]!)).toBe('#/leerling/ps-d');
  });

  it('is in the navigation of commissie and beheerder only; commissie still starts at the overview', () => {
    expect(navPages('commissie')).toContain('aanvragen');
    expect(navPages('commissie')[0]).toBe('overzicht');
    expect(navPages('beheerder')).toContain('aanvragen');
    for (const role of ['school', 'analist', 'ouder']) expect(navPages(role), role).not.toContain('aanvragen');
  });
});

describe('back from a timeline', () => {
  const query = (text: string) => new URLSearchParams(text);
  it('goes to the list the pupil was opened from', () => {
    expect(backLink(navPages('beheerder'), query('vestiging=11VM00'))).toEqual({ href: '#/leerlingen?vestiging=11VM00', text: 'backToList' });
    expect(backLink(navPages('beheerder'), query('besluit=B3'))).toEqual({ href: '#/aanvragen', text: 'backToRequests' });
    expect(backLink(navPages('beheerder'), query(''))).toEqual({ href: '#/leerlingen', text: 'backToList' });
    expect(backLink(navPages('commissie'), query(''))).toEqual({ href: '#/aanvragen', text: 'backToRequests' });
    expect(backLink(navPages('school'), query('besluit=B3'))).toEqual({ href: '#/leerlingen', text: 'backToList' });
    expect(backLink(navPages('ouder'), query(''))).toBeNull();
  });
});
