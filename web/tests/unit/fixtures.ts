// Small measure results in the API's shape (taken from a generated region), for the spec tests.
import type { Row } from '../../src/types';

const SETTINGS = ['bao', 'sbo', 'so', 'vo', 'pro', 'vso', 'isk', 'totaal'];

export const leerlingenOnDate: Row[] = [
  { datum: '2023-10-01', onderwijssoort: 'bao', waarde: 22528 },
  { datum: '2023-10-01', onderwijssoort: 'sbo', waarde: 486 },
  { datum: '2023-10-01', onderwijssoort: 'so', waarde: 453 },
  { datum: '2023-10-01', onderwijssoort: 'vo', waarde: 13998 },
  { datum: '2023-10-01', onderwijssoort: 'pro', waarde: 613 },
  { datum: '2023-10-01', onderwijssoort: 'vso', waarde: 505 },
  { datum: '2023-10-01', onderwijssoort: 'isk', waarde: 191 },
  { datum: '2023-10-01', onderwijssoort: 'totaal', waarde: 38774 },
];

export const leerlingenOverTime: Row[] = ['2021-10-01', '2022-10-01', '2023-10-01'].flatMap((datum, i) =>
  SETTINGS.map((onderwijssoort, j) => ({ datum, onderwijssoort, waarde: 100 * (j + 1) + 10 * i })),
);

export const deelname: Row[] = ['2022-10-01', '2023-10-01'].flatMap((datum) =>
  ['sbo', 'so', 'pro', 'vso'].map((onderwijssoort, j) => ({ datum, onderwijssoort, waarde: 2 + j / 3 })),
);

export const ontwikkeling: Row[] = [
  { datum: '2018-10-01', onderwijssoort: 'so', waarde: 0 },
  { datum: '2018-10-01', onderwijssoort: 'isk', waarde: 0 },
  { datum: '2018-10-01', onderwijssoort: 'totaal', waarde: 0 },
  { datum: '2019-10-01', onderwijssoort: 'so', waarde: 12.5 },
  { datum: '2019-10-01', onderwijssoort: 'isk', waarde: null },
  { datum: '2019-10-01', onderwijssoort: 'totaal', waarde: -1.2 },
  { datum: '2020-10-01', onderwijssoort: 'so', waarde: 46 },
  { datum: '2020-10-01', onderwijssoort: 'isk', waarde: 20 },
  { datum: '2020-10-01', onderwijssoort: 'totaal', waarde: -2.4 },
];

export const richting: Row[] = ['2019-2020', '2020-2021'].flatMap((schooljaar, i) => [
  { schooljaar, richting: 'intensiever', waarde: 233 + i },
  { schooljaar, richting: 'minder-intensief', waarde: 81 + i },
]);

export const stromen: Row[] = [
  { schooljaar: '2025-2026', van: 'bao', naar: 'bao', waarde: 19222 },
  { schooljaar: '2025-2026', van: 'bao', naar: 'sbo', waarde: 93 },
  { schooljaar: '2025-2026', van: 'bao', naar: 'vo', waarde: 2671 },
  { schooljaar: '2025-2026', van: 'sbo', naar: 'bao', waarde: 2 },
  { schooljaar: '2025-2026', van: 'sbo', naar: 'sbo', waarde: 359 },
  { schooljaar: '2025-2026', van: 'so', naar: 'sbo', waarde: 18 },
  { schooljaar: '2025-2026', van: 'vo', naar: 'buiten', waarde: 3010 },
  { schooljaar: '2025-2026', van: 'buiten', naar: 'bao', waarde: 2999 },
];

export const thuiszitters: Row[] = [
  { datum: '2025-06-01', maat: 'actief', waarde: 163 },
  { datum: '2025-06-01', maat: 'per1000', waarde: 4.21 },
  { datum: '2025-06-01', maat: 'mediaan_weken', waarde: 12.5 },
];

export const perReden: Row[] = [
  { datum: '2025-06-01', reden: 'gedragsproblemen', waarde: 21 },
  { datum: '2025-06-01', reden: 'psychische klachten', waarde: 46 },
  { datum: '2025-06-01', reden: 'thuissituatie', waarde: 7 },
];

export const wachtlijst: Row[] = ['VZ01', 'VZ02'].flatMap((voorziening_id, i) => [
  { datum: '2025-06-01', voorziening_id, maat: 'plaatsen', waarde: 37 - i * 20 },
  { datum: '2025-06-01', voorziening_id, maat: 'bezet', waarde: 30 - i * 20 },
  { datum: '2025-06-01', voorziening_id, maat: 'wachtend', waarde: 19 - i * 19 },
]);

export const kosten: Row[] = ['2018-2019', '2019-2020'].flatMap((schooljaar, i) => [
  { schooljaar, voorziening_id: 'VZ01', waarde: 82600 + i * 1000 },
  { schooljaar, voorziening_id: 'VZ02', waarde: 201600.5 },
]);
