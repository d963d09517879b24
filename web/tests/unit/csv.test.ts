// The CSV download: exactly the chart's columns and rows, written like `stroom measure --format csv`.
import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from '../../src/csv';

describe('toCsv', () => {
  it('writes a header and one line per row, ;-separated, with . as decimal point', () => {
    const csv = toCsv(
      ['datum', 'maat', 'waarde'],
      [
        { datum: '2025-06-01', maat: 'actief', waarde: 163 },
        { datum: '2025-06-01', maat: 'per1000', waarde: 4.21 },
        { datum: '2025-06-01', maat: 'mediaan_weken', waarde: 12.0 },
      ],
    );
    expect(csv).toBe('datum;maat;waarde\n2025-06-01;actief;163\n2025-06-01;per1000;4.21\n2025-06-01;mediaan_weken;12\n');
  });
  it('writes an empty value as an empty field', () => {
    expect(toCsv(['schooljaar', 'richting', 'waarde'], [{ schooljaar: '2019-2020', richting: 'terugstroom-ratio', waarde: null }])).toBe(
      'schooljaar;richting;waarde\n2019-2020;terugstroom-ratio;\n',
    );
  });
  it('keeps the column order of the measure, not of the objects', () => {
    expect(toCsv(['a', 'b'], [{ b: 2, a: 1 }])).toBe('a;b\n1;2\n');
  });
  it('quotes a field that contains the separator or a quote', () => {
    expect(toCsv(['reden', 'waarde'], [{ reden: 'ziek; "thuis"', waarde: 3 }])).toBe('reden;waarde\n"ziek; ""thuis""";3\n');
  });
  it('writes negative and large numbers without locale formatting', () => {
    expect(toCsv(['waarde'], [{ waarde: -4.5 }, { waarde: 1234567.89 }])).toBe('waarde\n-4.5\n1234567.89\n');
  });
  it('writes only the header for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a;b\n');
  });
});

describe('csvFileName', () => {
  it('names the chart and its parameters', () => {
    expect(csvFileName('overzicht-leerlingen', { at: '2023-10-01' })).toBe('overzicht-leerlingen_2023-10-01.csv');
    expect(csvFileName('voorzieningen-kosten', {})).toBe('voorzieningen-kosten.csv');
    expect(csvFileName('x', { schooljaar: '2023/2024' })).toBe('x_2023-2024.csv');
  });
});
