// The dates the pickers offer: bounded to the data's range, and first days of a month for every
// role but beheerder (the server refuses other dates for suppressed answers).
import { describe, expect, it } from 'vitest';
import { allowedDate, dateBounds } from '../../src/date-rule';
import type { RegionInfo } from '../../src/types';

const info: RegionInfo = {
  teldata: ['2018-10-01', '2019-10-01'],
  datum_data: '2020-07-31',
  schooljaren: ['2018-2019', '2019-2020'],
  eerste_datum: '2018-08-15',
  laatste_datum: '2020-07-31',
};

describe('dateBounds', () => {
  it('takes the range from /api/info and the month rule from the role', () => {
    expect(dateBounds(info, 'beheerder')).toEqual({ min: '2018-08-15', max: '2020-07-31', firstOfMonth: false });
    for (const role of ['analist', 'school', 'commissie']) expect(dateBounds(info, role).firstOfMonth).toBe(true);
    expect(dateBounds({ ...info, eerste_datum: null, laatste_datum: null }, 'analist')).toEqual({ min: undefined, max: undefined, firstOfMonth: true });
  });
});

describe('allowedDate', () => {
  const beheerder = dateBounds(info, 'beheerder');
  const analist = dateBounds(info, 'analist');
  it('keeps any date inside the range for the beheerder and clamps the rest', () => {
    expect(allowedDate('2019-03-15', beheerder)).toBe('2019-03-15');
    expect(allowedDate('2099-01-01', beheerder)).toBe('2020-07-31');
    expect(allowedDate('2010-01-01', beheerder)).toBe('2018-08-15');
  });
  it('snaps to the first day of the month for the other roles, inside the range', () => {
    expect(allowedDate('2019-03-15', analist)).toBe('2019-03-01');
    expect(allowedDate('2019-10-01', analist)).toBe('2019-10-01');
    expect(allowedDate('2099-01-01', analist)).toBe('2020-07-01');
    // The data begins mid-August: its first allowed day is 1 September.
    expect(allowedDate('2018-08-20', analist)).toBe('2018-09-01');
    expect(allowedDate('2010-01-01', analist)).toBe('2018-09-01');
    expect(allowedDate('2019-12-31', { firstOfMonth: true })).toBe('2019-12-01');
    expect(allowedDate('2019-12-15', { min: '2019-12-02', firstOfMonth: true })).toBe('2020-01-01');
  });
});
