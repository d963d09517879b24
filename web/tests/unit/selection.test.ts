// The selection (selection.ts): its round trip through the page address, the default choice (one
// SWV when PO and VO would be added, a school user's own SWV), what a role may choose, how choices
// narrow each other, and the measure URLs that carry it (api.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { measureUrl, setMeasureSelection } from '../../src/api';
import { setLang } from '../../src/i18n';
import { parseRoute, routeHash } from '../../src/router';
import { comparedSelection, ownVestiging } from '../../src/pages/school-vs-region';
import {
  allowedChoices,
  allowedSelection,
  describeSelection,
  effectiveSelection,
  mixesSectors,
  narrowedOptions,
  readSelection,
  type SelectableVestiging,
  type SelectionChoices,
  withChoice,
  writeSelection,
} from '../../src/selection';

const school = (vestiging_id: string, naam: string, gemeente: string, bestuur: string, swv: string, sector: string | null): SelectableVestiging => ({ vestiging_id, naam, gemeente, bestuur, swv, sector });

const VESTIGINGEN = [
  school('11AA00', 'OBS De Regenboog', 'Waterveen', 'Stichting Waterveen', 'PO9901', 'po'),
  school('22BB00', 'CBS De Ark', 'Oosterdijk', 'Vereniging Oosterdijk', 'PO9901', 'po'),
  school('33CC00', 'OBS Het Anker', 'Beekhoven', 'Stichting Beekhoven', 'PO9902', 'po'),
  school('44DD00', 'Waterveen College', 'Waterveen', 'Stichting VO Waterveen', 'VO9901', null), // sector from the SWV code
  school('55EE00', 'Lyceum Oosterdijk', 'Oosterdijk', 'Stichting VO Waterveen', 'VO9901', 'vo'),
];

const CHOICES: SelectionChoices = {
  swv: [
    { code: 'PO9901', sector: 'po' },
    { code: 'PO9902', sector: 'po' },
    { code: 'VO9901', sector: 'vo' },
  ],
  besturen: [...new Set(VESTIGINGEN.map((v) => v.bestuur!))].sort(),
  gemeenten: [...new Set(VESTIGINGEN.map((v) => v.gemeente!))].sort(),
  sectoren: ['po', 'vo'],
  vestigingen: VESTIGINGEN,
};

const BEHEERDER = { rol: 'beheerder' as const, vestigingen: [] as string[] };
const SCHOOL_VO = { rol: 'school' as const, vestigingen: ['55EE00'] };

afterEach(() => {
  setMeasureSelection(null);
  setLang('nl');
});

describe('the selection in the address', () => {
  it('survives a round trip through the hash route, with the page’s own parameters kept', () => {
    const chosen = { selection: { swv: 'PO9901', vestiging: '22BB00', gemeente: 'Oosterdijk' }, wholeRegion: false };
    const hash = routeHash({ page: 'overzicht', subPath: '', query: writeSelection(new URLSearchParams('at=2025-10-01'), chosen) });
    expect(hash).toContain('swv=PO9901');
    const route = parseRoute(hash);
    expect(route.page).toBe('overzicht');
    expect(route.query.get('at')).toBe('2025-10-01');
    expect(readSelection(route.query)).toEqual(chosen);
  });
  it('writes the whole region explicitly, and only when nothing is chosen', () => {
    const whole = writeSelection(new URLSearchParams(), { selection: {}, wholeRegion: true });
    expect(whole.toString()).toBe('regio=heel');
    expect(readSelection(whole)).toEqual({ selection: {}, wholeRegion: true });
    const chosen = writeSelection(whole, { selection: { sector: 'vo' }, wholeRegion: true });
    expect(chosen.toString()).toBe('sector=vo');
  });
  it('clears a field that is no longer chosen', () => {
    const query = writeSelection(new URLSearchParams('swv=PO9901&vestiging=11AA00'), { selection: { swv: 'PO9901' }, wholeRegion: false });
    expect(query.has('vestiging')).toBe(false);
  });
});

describe('the default choice', () => {
  it('chooses the first SWV when the region has PO and VO and nothing is asked, and says so', () => {
    expect(mixesSectors(CHOICES, {})).toBe(true);
    expect(effectiveSelection({ selection: {}, wholeRegion: false }, CHOICES, BEHEERDER)).toEqual({ selection: { swv: 'PO9901' }, wholeRegion: false, defaulted: true });
  });
  it('chooses a school user’s own school’s SWV', () => {
    expect(effectiveSelection({ selection: {}, wholeRegion: false }, CHOICES, SCHOOL_VO).selection).toEqual({ swv: 'VO9901' });
  });
  it('keeps the whole region when it is asked for, or when the region has one sector only', () => {
    expect(effectiveSelection({ selection: {}, wholeRegion: true }, CHOICES, BEHEERDER)).toEqual({ selection: {}, wholeRegion: true, defaulted: false });
    const poOnly = { ...CHOICES, vestigingen: VESTIGINGEN.slice(0, 3) };
    expect(effectiveSelection({ selection: {}, wholeRegion: false }, poOnly, BEHEERDER)).toEqual({ selection: {}, wholeRegion: false, defaulted: false });
  });
  it('takes what the address asks for', () => {
    expect(effectiveSelection({ selection: { gemeente: 'Waterveen' }, wholeRegion: false }, CHOICES, BEHEERDER)).toEqual({ selection: { gemeente: 'Waterveen' }, wholeRegion: false, defaulted: false });
  });
});

describe('what a role may choose', () => {
  it('gives a school user only its own vestigingen and no bestuur or gemeente', () => {
    const allowed = allowedChoices(CHOICES, SCHOOL_VO);
    expect(allowed.vestigingen.map((v) => v.vestiging_id)).toEqual(['55EE00']);
    expect(allowed.besturen).toEqual([]);
    expect(allowed.gemeenten).toEqual([]);
    expect(allowed.swv).toEqual(CHOICES.swv);
    expect(allowedChoices(CHOICES, BEHEERDER)).toBe(CHOICES);
  });
  it('drops from an address what a school user may not choose (the server would refuse it)', () => {
    const allowed = allowedChoices(CHOICES, SCHOOL_VO);
    expect(allowedSelection({ swv: 'VO9901', vestiging: '44DD00', bestuur: 'x', gemeente: 'y' }, allowed, SCHOOL_VO)).toEqual({ swv: 'VO9901' });
    expect(allowedSelection({ vestiging: '55EE00' }, allowed, SCHOOL_VO)).toEqual({ vestiging: '55EE00' });
    expect(effectiveSelection({ selection: { vestiging: '11AA00' }, wholeRegion: false }, CHOICES, SCHOOL_VO).selection).toEqual({ swv: 'VO9901' });
  });
});

describe('narrowing', () => {
  it('offers after an SWV only its vestigingen, besturen and gemeenten; the other fields narrow the SWVs', () => {
    const options = narrowedOptions(CHOICES, { swv: 'PO9901' });
    expect(options.vestiging.map((v) => v.vestiging_id)).toEqual(['22BB00', '11AA00']); // by name: CBS before OBS
    expect(options.gemeente).toEqual(['Oosterdijk', 'Waterveen']);
    expect(options.bestuur).toEqual(['Stichting Waterveen', 'Vereniging Oosterdijk']);
    expect(options.sector).toEqual(['po']);
    expect(options.swv.map((s) => s.code)).toEqual(['PO9901', 'PO9902', 'VO9901']); // the SWV field itself is not narrowed by itself
    expect(narrowedOptions(CHOICES, { gemeente: 'Waterveen' }).swv.map((s) => s.code)).toEqual(['PO9901', 'VO9901']);
    expect(narrowedOptions(CHOICES, { sector: 'vo' }).vestiging.map((v) => v.vestiging_id)).toEqual(['55EE00', '44DD00']);
  });
  it('matches codes and names without regard to letter case, as the server does', () => {
    expect(narrowedOptions(CHOICES, { swv: 'vo9901' }).vestiging).toHaveLength(2);
  });
  it('drops a choice that no longer fits when another is made', () => {
    expect(withChoice(CHOICES, { swv: 'PO9901', vestiging: '11AA00' }, 'swv', 'VO9901')).toEqual({ swv: 'VO9901' });
    expect(withChoice(CHOICES, { swv: 'PO9901', gemeente: 'Waterveen' }, 'vestiging', '11AA00')).toEqual({ swv: 'PO9901', gemeente: 'Waterveen', vestiging: '11AA00' });
    expect(withChoice(CHOICES, { swv: 'PO9901', vestiging: '11AA00' }, 'swv', '')).toEqual({ vestiging: '11AA00' });
  });
});

describe('what a chart says it shows', () => {
  it('names the SWV with its sector, a vestiging by name and code, the region with po and vo added', () => {
    expect(describeSelection({ swv: 'PO9901' }, CHOICES)).toBe('Samenwerkingsverband PO9901 (po)');
    expect(describeSelection({ vestiging: '55EE00' }, CHOICES)).toBe('Vestiging Lyceum Oosterdijk (55EE00)');
    expect(describeSelection({}, CHOICES)).toBe('Hele regio (po en vo opgeteld)');
    expect(describeSelection({ gemeente: 'Waterveen' }, CHOICES)).toBe('Gemeente Waterveen (po en vo opgeteld)');
    expect(describeSelection({ swv: 'VO9902' }, null)).toBe('Samenwerkingsverband VO9902 (vo)');
    setLang('en');
    expect(describeSelection({ swv: 'PO9901', sector: 'po' }, CHOICES)).toBe('Partnership PO9901 (po) · Sector po');
  });
});

describe('measure requests', () => {
  it('carry the page’s selection, unless a request names its own', () => {
    expect(measureUrl('leerlingen', { at: '2025-10-01' })).toBe('api/measures/leerlingen?at=2025-10-01');
    setMeasureSelection({ selection: { swv: 'PO9901' }, wholeRegion: false, defaulted: true });
    expect(measureUrl('leerlingen', { at: '2025-10-01' })).toBe('api/measures/leerlingen?at=2025-10-01&swv=PO9901');
    expect(measureUrl('leerlingen', { at: '2025-10-01', vestiging: '11AA00' })).toBe('api/measures/leerlingen?at=2025-10-01&vestiging=11AA00');
  });
  it('compare a school with its SWV, or with what the page shows besides the school', () => {
    expect(ownVestiging(SCHOOL_VO, {})).toBe('55EE00');
    expect(ownVestiging(BEHEERDER, {})).toBeNull();
    expect(comparedSelection({ swv: 'VO9901' }, 'VO9901')).toEqual({ swv: 'VO9901' });
    expect(comparedSelection({ vestiging: '55EE00' }, 'VO9901')).toEqual({ swv: 'VO9901' });
    expect(comparedSelection({ sector: 'vo', vestiging: '55EE00' }, 'VO9901')).toEqual({ sector: 'vo' });
  });
});
