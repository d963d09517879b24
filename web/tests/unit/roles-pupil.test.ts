// Role-aware navigation, the pupil timeline built from a record, the BSN form's checks and how a
// note names its author.
import { describe, expect, it } from 'vitest';
import { bsnProblem, newestFirst } from '../../src/pages/leerlingen';
import { homePage, isMeasurePage, mayOpen, navPages, seesSuppressedCounts } from '../../src/roles';
import { parseRoute } from '../../src/router';
import { roleLabel, t } from '../../src/i18n';
import type { PupilRecord } from '../../src/types';
import { noteAuthor } from '../../src/ui/notes-box';
import { normalizeRecord, timelineEvents } from '../../src/ui/pupil-record';

const MEASURES = ['overzicht', 'leerlingstromen', 'thuiszitters', 'voorzieningen', 'inzicht', 'maatboek'];

describe('navigation per role', () => {
  it('gives ouder only Mijn kind', () => {
    expect(navPages('ouder')).toEqual(['kind']);
    expect(homePage('ouder')).toBe('kind');
    for (const page of MEASURES) expect(mayOpen(page as never, 'ouder'), page).toBe(false);
    expect(mayOpen('leerling', 'ouder')).toBe(false);
    expect(mayOpen('logboek', 'ouder')).toBe(false);
  });
  it('gives analist the measure pages, and commissie the support requests too', () => {
    expect(navPages('analist')).toEqual(MEASURES);
    expect(navPages('commissie')).toEqual([...MEASURES, 'aanvragen']);
    expect(homePage('commissie')).toBe('overzicht');
    expect(mayOpen('aanvragen', 'commissie')).toBe(true);
    expect(mayOpen('aanvragen', 'analist')).toBe(false);
    expect(mayOpen('aanvragen', 'school')).toBe(false);
    expect(mayOpen('leerlingen', 'analist')).toBe(false);
    expect(mayOpen('leerling', 'analist')).toBe(false);
    expect(mayOpen('leerling', 'commissie')).toBe(true); // pupils with a support request
  });
  it('gives school the pupils of its vestigingen, and beheerder the requests and the audit log too', () => {
    expect(navPages('school')).toEqual([...MEASURES, 'leerlingen']);
    expect(navPages('beheerder')).toEqual([...MEASURES, 'leerlingen', 'aanvragen', 'logboek']);
    expect(mayOpen('leerling', 'school')).toBe(true);
    expect(mayOpen('logboek', 'school')).toBe(false);
    expect(homePage('beheerder')).toBe('overzicht');
  });
  it('gives an unknown role nothing', () => {
    expect(navPages('gast')).toEqual([]);
    expect(homePage('gast')).toBeNull();
  });
  it('knows which roles get suppressed counts', () => {
    expect(seesSuppressedCounts('beheerder')).toBe(false);
    for (const role of ['analist', 'school', 'commissie', 'ouder']) expect(seesSuppressedCounts(role)).toBe(true);
  });
  it('routes the pupil pages', () => {
    const route = parseRoute('#/leerling/ps-00ff?vestiging=10AB00');
    expect(route.page).toBe('leerling');
    expect(route.subPath).toBe('ps-00ff');
    expect(route.query.get('vestiging')).toBe('10AB00');
    expect(isMeasurePage(route.page)).toBe(false);
    expect(isMeasurePage(parseRoute('#/maatboek/kosten').page)).toBe(true);
  });
  it('names the roles in Dutch and English', () => {
    expect(roleLabel('beheerder', 'nl')).toBe('beheerder');
    expect(roleLabel('ouder', 'en')).toBe('parent');
    expect(roleLabel('nieuw', 'nl')).toBe('nieuw');
  });
});

describe('the pupil timeline', () => {
  const record: PupilRecord = {
    leerling_id: 'ps-kind',
    inschrijvingen: [
      { vestiging_id: '10AB00', onderwijssoort: 'bao', cluster: null, niveau: null, startdatum: '2018-08-20', einddatum: '2021-07-16' },
      { vestiging_id: '20CD00', onderwijssoort: 'so', cluster: '4', niveau: null, startdatum: '2021-08-30', einddatum: null },
    ],
    ondersteuning: [
      {
        besluit_id: 'B1',
        soort: 'tlv',
        categorie: 'laag',
        voorziening_id: null,
        aanvraagdatum: '2021-03-01',
        besluitdatum: '2021-04-15',
        startdatum: '2021-08-30',
        einddatum: null,
        uitkomst: 'toegekend',
      },
    ],
    verzuim: [{ melding_id: 'M1', vestiging_id: '10AB00', soort: 'relatief', thuiszitter: 'ja', startdatum: '2020-11-02', einddatum: '2021-01-08', reden: 'psychische klachten' }],
    wachtlijst: [{ voorziening_id: 'VZ02', aanmelddatum: '2021-04-20', plaatsingsdatum: null, afgemeld: '2021-06-01' }],
  };

  it('lists every dated fact, oldest first, in words', () => {
    const events = timelineEvents(record);
    expect(events.map((e) => [e.date, e.kind, t(e.key, e.values, 'nl')])).toEqual([
      ['2018-08-20', 'inschrijving', 'Ingeschreven in bao bij vestiging 10AB00'],
      ['2020-11-02', 'verzuim', 'Verzuim gemeld (relatief), thuiszitter'],
      ['2021-01-08', 'verzuim', 'Einde verzuim (relatief)'],
      ['2021-03-01', 'ondersteuning', 'Aanvraag tlv laag'],
      ['2021-04-15', 'ondersteuning', 'Besluit tlv laag: toegekend'],
      ['2021-04-20', 'wachtlijst', 'Aangemeld voor voorziening VZ02'],
      ['2021-06-01', 'wachtlijst', 'Afgemeld voor voorziening VZ02'],
      ['2021-07-16', 'inschrijving', 'Uitgeschreven uit bao bij vestiging 10AB00'],
      // Same day: the enrolment before the support it belongs to.
      ['2021-08-30', 'inschrijving', 'Ingeschreven in so bij vestiging 20CD00'],
      ['2021-08-30', 'ondersteuning', 'Begin tlv laag'],
    ]);
  });

  it('copes with a source the server left out and with an empty record', () => {
    const bare = normalizeRecord({ leerling_id: 'ps-leeg' });
    expect(bare.inschrijvingen).toEqual([]);
    expect(timelineEvents(bare)).toEqual([]);
  });
});

describe('BSN search form', () => {
  it('asks for nine digits and a reason', () => {
    expect(bsnProblem('12345678', 'reden')).toBe('searchBadBsn');
    expect(bsnProblem('12345678a', 'reden')).toBe('searchBadBsn');
    expect(bsnProblem('123456782', '  ')).toBe('searchMissingReason');
    expect(bsnProblem('123456782', 'verzoek ouder')).toBeNull();
  });
});

describe('notes', () => {
  it('name the author with the role', () => {
    expect(noteAuthor({ auteur: 'ana', rol: 'analist' })).toBe('ana (analist)');
    expect(noteAuthor({ auteur: 'oud', rol: '' })).toBe('oud');
  });
});

describe('the pupil list', () => {
  it('puts the newest enrolments first', () => {
    const rows = [
      { leerling_id: 'ps-b', onderwijssoort: 'bao', startdatum: '2018-08-01', einddatum: '2020-07-31' },
      { leerling_id: 'ps-a', onderwijssoort: 'bao', startdatum: '2024-08-01', einddatum: null },
      { leerling_id: 'ps-c', onderwijssoort: 'so', startdatum: null, einddatum: null },
    ];
    expect(newestFirst(rows).map((r) => r.leerling_id)).toEqual(['ps-a', 'ps-b', 'ps-c']);
  });
});
