// Dutch (and English) number and date formatting, as tables, captions and notes use it.
import { describe, expect, it } from 'vitest';
import { formatCell, formatDate, formatEuro, formatNumber, formatTimestamp, parseIsoDate } from '../../src/format';

describe('formatNumber', () => {
  it('writes Dutch numbers with a decimal comma and thousands dots', () => {
    expect(formatNumber(1234.5, 'nl')).toBe('1.234,5');
    expect(formatNumber(1234, 'nl')).toBe('1.234');
    expect(formatNumber(38601, 'nl')).toBe('38.601');
    expect(formatNumber(4.56, 'nl')).toBe('4,56');
    expect(formatNumber(0, 'nl')).toBe('0');
    expect(formatNumber(-12.5, 'nl')).toBe('-12,5');
  });
  it('writes English numbers the other way round', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });
  it('keeps at most two decimals, as the API rounds', () => {
    expect(formatNumber(33.333333, 'nl')).toBe('33,33');
  });
  it('writes euros without cents', () => {
    expect(formatEuro(1234567.8, 'nl').replace(/\s/g, ' ')).toBe('€ 1.234.568');
  });
});

describe('formatDate', () => {
  it('writes a date out in Dutch', () => {
    expect(formatDate('2023-10-01', 'nl')).toBe('1 oktober 2023');
    expect(formatDate('2026-07-16', 'nl')).toBe('16 juli 2026');
  });
  it('writes a date out in English', () => {
    expect(formatDate('2023-10-01', 'en')).toBe('1 October 2023');
  });
  it('leaves what is not a date alone', () => {
    expect(formatDate('2023-2024', 'nl')).toBe('2023-2024');
    expect(formatDate('2023-02-30', 'nl')).toBe('2023-02-30');
  });
  it('formats instants as dates', () => {
    expect(formatTimestamp('2026-11-22T12:40:00Z', 'nl')).toBe('22 november 2026');
  });
});

describe('parseIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('1-10-2023')).toBeNull();
  });
});

describe('formatCell', () => {
  it('shows empty values as a dash, never as zero', () => {
    expect(formatCell(null, 'nl')).toBe('–');
    expect(formatCell(0, 'nl')).toBe('0');
  });
  it('formats numbers, dates and labels', () => {
    expect(formatCell(22224, 'nl')).toBe('22.224');
    expect(formatCell('2023-10-01', 'nl')).toBe('1 oktober 2023');
    expect(formatCell('so', 'nl')).toBe('so');
  });
});
