import { describe, expect, it } from 'vitest';
import { academicYearOf, addDays, ageOn, formatUkDate, parseUkDate, yearGroupOn } from '@shared/academic-year';

describe('year groups from the date of birth', () => {
  it('puts pupils born 1 September 2014 to 31 August 2015 in Year 7 in 2026/27', () => {
    expect(yearGroupOn('2014-09-01', '2026-09-01')).toBe(7);
    expect(yearGroupOn('2015-08-31', '2026-09-01')).toBe(7);
    expect(yearGroupOn('2015-08-31', '2027-08-31')).toBe(7);
    expect(yearGroupOn('2014-08-31', '2026-09-01')).toBe(8);
    expect(yearGroupOn('2015-09-01', '2026-11-24')).toBe(6);
  });

  it('moves every pupil up a year on 1 September', () => {
    expect(yearGroupOn('2010-01-15', '2026-08-31')).toBe(11);
    expect(yearGroupOn('2010-01-15', '2026-09-01')).toBe(12);
  });
});

describe('academic years', () => {
  it('runs from 1 September to 31 August', () => {
    expect(academicYearOf('2026-11-24')).toEqual({ start: '2026-09-01', end: '2027-08-31', label: '2026/27' });
    expect(academicYearOf('2027-08-31').label).toBe('2026/27');
    expect(academicYearOf('2027-09-01').label).toBe('2027/28');
    expect(academicYearOf('2099-10-01').label).toBe('2099/00');
  });
});

describe('dates', () => {
  it('shows ISO dates in UK format and reads UK dates back', () => {
    expect(formatUkDate('2026-11-23')).toBe('23/11/2026');
    expect(formatUkDate(null)).toBe('');
    expect(parseUkDate('23/11/2026')).toBe('2026-11-23');
    expect(parseUkDate('3/1/2011')).toBe('2011-01-03');
    expect(parseUkDate('31/02/2026')).toBeNull();
    expect(parseUkDate('2026-11-23')).toBeNull();
  });

  it('counts age in whole years and adds days across month ends', () => {
    expect(ageOn('2010-11-24', '2026-11-24')).toBe(16);
    expect(ageOn('2010-11-25', '2026-11-24')).toBe(15);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
