// The CSV download: exactly the chart's columns and rows, written like `stroom measure --format csv`
// (the one CSV writer, src/ingest/csv_writer.h): the same quoting and the same formula guard.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvFileName, startsLikeFormula, toCsv } from '../../src/csv';
import type { Row } from '../../src/types';

// Shared with tests/csv_writer_test.cpp, which checks that `stroom measure` writes `csv` for these
// imported files and answers `rows` as JSON (what the API gives the web app).
const sharedCase = JSON.parse(readFileSync(new URL('../../../tests/data/csv_export_case.json', import.meta.url), 'utf8')) as {
  columns: string[];
  rows: Row[];
  csv: string;
};

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
  it('quotes a line break and a carriage return', () => {
    expect(toCsv(['reden'], [{ reden: 'twee\nregels' }, { reden: 'cr\rhier' }])).toBe('reden\n"twee\nregels"\n"cr\rhier"\n');
  });
  it("guards a text cell that a spreadsheet would run as a formula with a leading '", () => {
    expect(
      toCsv(['a', 'b', 'c', 'd', 'e', 'f'], [{ a: '=1+1', b: '+31', c: '-x', d: '@SUM(A1)', e: '\tTAB', f: '\rCR' }]),
    ).toBe("a;b;c;d;e;f\n'=1+1;'+31;'-x;'@SUM(A1);'\tTAB;\"'\rCR\"\n");
    expect(toCsv(['reden', 'x'], [{ reden: '=HYPERLINK("x")', x: 'a=b' }])).toBe('reden;x\n"\'=HYPERLINK(""x"")";a=b\n');
    expect(startsLikeFormula("'al")).toBe(false);
  });
  it('never guards a number, so -3.5 stays a number; "<5" is not guarded either', () => {
    expect(toCsv(['waarde', 'aantal'], [{ waarde: -3.5, aantal: '<5' }])).toBe('waarde;aantal\n-3.5;<5\n');
  });
  it('writes the rows of the API exactly as `stroom measure --format csv` writes them', () => {
    expect(toCsv(sharedCase.columns, sharedCase.rows)).toBe(sharedCase.csv);
  });
});

describe('csvFileName', () => {
  it('names the chart and its parameters', () => {
    expect(csvFileName('overzicht-leerlingen', { at: '2023-10-01' })).toBe('overzicht-leerlingen_2023-10-01.csv');
    expect(csvFileName('voorzieningen-kosten', {})).toBe('voorzieningen-kosten.csv');
    expect(csvFileName('x', { schooljaar: '2023/2024' })).toBe('x_2023-2024.csv');
  });
});
