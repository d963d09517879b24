// The parent's glossary (which terms a record uses, one sentence each in both languages) and the
// notes box's counter and rights (who may edit or delete a note).
import { afterEach, describe, expect, it } from 'vitest';
import { allTerms, glossaryEntries, recordTerms } from '../../src/glossary';
import { setLang } from '../../src/i18n';
import type { PupilRecord } from '../../src/types';
import { NOTE_MAX_LENGTH, noteCounterText, noteLength, noteRights } from '../../src/ui/notes-box';

const record: PupilRecord = {
  inschrijvingen: [
    { vestiging_id: '01AA00', onderwijssoort: 'vo', cluster: null, niveau: 'brug', startdatum: '2020-08-01', einddatum: null },
    { vestiging_id: '02BB00', onderwijssoort: 'vso', cluster: '4', niveau: null, startdatum: '2021-08-01', einddatum: null },
  ],
  ondersteuning: [
    { soort: 'tlv', categorie: 'laag', voorziening_id: null, aanvraagdatum: '2021-05-01', besluitdatum: null, startdatum: null, einddatum: null, uitkomst: 'toegekend' },
  ],
  verzuim: [{ vestiging_id: null, soort: 'relatief', thuiszitter: 'ja', startdatum: '2021-01-10', einddatum: null, reden: null }],
  wachtlijst: [],
} as unknown as PupilRecord;

afterEach(() => setLang('nl'));

describe('glossary for parents', () => {
  it('lists every code the record shows and the basic terms, nothing unused', () => {
    const terms = recordTerms(record);
    for (const term of ['vo', 'vso', 'brug', 'niveau', 'tlv', 'categorie', 'toegekend', 'relatief', 'thuiszitter', 'cluster', 'opp', 'arrangement', 'swv'])
      expect(terms, term).toContain(term);
    for (const term of ['bao', 'sbo', 'havo', 'afgewezen', 'voorziening']) expect(terms, term).not.toContain(term);
  });
  it('explains each term in one sentence, in Dutch and in English', () => {
    const dutch = glossaryEntries(allTerms());
    setLang('en');
    const english = glossaryEntries(allTerms());
    expect(dutch).toHaveLength(allTerms().length);
    for (const [i, entry] of dutch.entries()) {
      expect(entry.text, entry.term).toMatch(/^[A-Z].*\.$/);
      expect(entry.text.split(/[.!?] /).length, entry.term).toBe(1);
      expect(english[i].text, entry.term).not.toBe(entry.text);
    }
    expect(dutch.find((e) => e.term === 'tlv')?.label).toBe('TLV');
    expect(dutch.find((e) => e.term === 'bao')?.text).toContain('basisschool');
  });
});

describe('notes counter and rights', () => {
  it('counts characters as the server does and says what to do beyond the limit', () => {
    expect(noteLength('één')).toBe(3);
    expect(noteLength('😀')).toBe(1);
    expect(noteCounterText('')).toBe(`0 van ${NOTE_MAX_LENGTH} tekens`);
    expect(noteCounterText('x'.repeat(NOTE_MAX_LENGTH))).toBe('2000 van 2000 tekens');
    expect(noteCounterText('x'.repeat(NOTE_MAX_LENGTH + 3))).toBe('2003 van 2000 tekens: 3 te veel. Maak de notitie korter.');
    setLang('en');
    expect(noteCounterText('abc')).toBe('3 of 2000 characters');
  });
  it('lets the author edit and delete, a beheerder only delete, and others neither', () => {
    const note = { auteur: 'ana' };
    expect(noteRights(note, { gebruiker: 'ana', rol: 'analist' })).toEqual({ edit: true, delete: true });
    expect(noteRights(note, { gebruiker: 'bea', rol: 'beheerder' })).toEqual({ edit: false, delete: true });
    expect(noteRights(note, { gebruiker: 'sam', rol: 'school' })).toEqual({ edit: false, delete: false });
    expect(noteRights(note, null)).toEqual({ edit: false, delete: false });
  });
});
