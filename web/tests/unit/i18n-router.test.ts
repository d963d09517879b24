// The dictionary (both languages complete, placeholders filled) and hash routing.
import { describe, expect, it } from 'vitest';
import { dictionary, t } from '../../src/i18n';
import { parseRoute, routeHash } from '../../src/router';

describe('i18n', () => {
  it('has every text in both languages, none empty', () => {
    const nl = dictionary('nl');
    const en = dictionary('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, text] of [...Object.entries(nl), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });
  it('uses the same placeholders in both languages', () => {
    const nl = dictionary('nl');
    const en = dictionary('en');
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as Array<keyof typeof nl>) expect(holes(en[key]), key).toEqual(holes(nl[key]));
  });
  it('fills placeholders', () => {
    expect(t('leerlingenOpDatumSub', { datum: '1 oktober 2023' }, 'nl')).toMatch(/^Op 1 oktober 2023\./);
    expect(t('capaciteitSub', { datum: '1 October 2023' }, 'en')).toBe('Per provision on 1 October 2023.');
  });
});

describe('router', () => {
  it('reads page, sub-path and query', () => {
    const route = parseRoute('#/maatboek/leerlingen');
    expect(route.page).toBe('maatboek');
    expect(route.subPath).toBe('leerlingen');
    const withQuery = parseRoute('#/overzicht?at=2023-10-01&ijkjaar=2018');
    expect(withQuery.page).toBe('overzicht');
    expect(withQuery.query.get('at')).toBe('2023-10-01');
    expect(withQuery.query.get('ijkjaar')).toBe('2018');
  });
  it('falls back to the Overzicht', () => {
    expect(parseRoute('').page).toBe('overzicht');
    expect(parseRoute('#/bestaat-niet').page).toBe('overzicht');
  });
  it('writes a route back', () => {
    expect(routeHash(parseRoute('#/thuiszitters?at=2025-06-01'))).toBe('#/thuiszitters?at=2025-06-01');
    expect(routeHash(parseRoute('#/maatboek/kosten'))).toBe('#/maatboek/kosten');
  });
});
