import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  addDays,
  addMonths,
  ageOn,
  formatUkDate,
  isRealIsoDate,
  localClockTime,
  localIsoDate,
  hasLeftSchool,
  parseUkDate,
  receptionYearOf,
  yearGroupLabel,
  yearGroupLabelOf,
  yearGroupOf,
  yearGroupOn,
  yearGroupOverrideOn,
  type YearGroupFacts,
} from '@shared/academic-year';

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

describe("a young person's year group on a date (yearGroupOf)", () => {
  const bornJune2011: YearGroupFacts = { dateOfBirth: '2011-06-20', yearGroupOverride: null };
  // Held back: the school set Year 9 during 2025/26, though the date of birth gives Year 10 then.
  const heldBack: YearGroupFacts = { dateOfBirth: '2011-06-20', yearGroupOverride: { yearGroup: 9, academicYearStart: 2025 } };

  it('follows the date of birth, moving on at midnight between 31 August and 1 September', () => {
    expect(yearGroupOf(bornJune2011, '2026-07-15')).toBe(10);
    expect(yearGroupOf(bornJune2011, '2026-08-31')).toBe(10);
    expect(yearGroupOf(bornJune2011, '2026-09-01')).toBe(11);
    expect(yearGroupOf(bornJune2011, '2026-12-04')).toBe(11);
    expect(yearGroupOf(bornJune2011, '2027-08-31')).toBe(11);
    expect(yearGroupOf(bornJune2011, '2027-09-01')).toBe(12);
  });

  it('agrees with yearGroupOn for every date of birth across a year and both edges of the school year', () => {
    for (let day = 0; day < 366; day++) {
      const dateOfBirth = addDays('2010-08-25', day);
      for (const onDate of ['2026-08-31', '2026-09-01', '2027-02-28']) {
        expect(yearGroupOf({ dateOfBirth, yearGroupOverride: null }, onDate), `${dateOfBirth} on ${onDate}`).toBe(
          yearGroupOn(dateOfBirth, onDate),
        );
      }
    }
    // Born on 31 August and 1 September: a school year apart.
    expect(yearGroupOf({ dateOfBirth: '2011-08-31', yearGroupOverride: null }, '2026-09-01')).toBe(11);
    expect(yearGroupOf({ dateOfBirth: '2011-09-01', yearGroupOverride: null }, '2026-09-01')).toBe(10);
  });

  it('moves an override on by the school years since it was set, on 1 September like everyone else', () => {
    expect(yearGroupOf(heldBack, '2026-03-10')).toBe(9);
    expect(yearGroupOf(heldBack, '2026-08-31')).toBe(9);
    expect(yearGroupOf(heldBack, '2026-09-01')).toBe(10);
    expect(yearGroupOf(heldBack, '2027-09-01')).toBe(11);
    // Asked about a date before it was set, it counts back the same way.
    expect(yearGroupOf(heldBack, '2025-08-31')).toBe(8);
    // The override wins over the date of birth whatever the date of birth says.
    expect(yearGroupOf({ ...heldBack, dateOfBirth: '2005-01-01' }, '2026-09-01')).toBe(10);
  });

  it('stores an override with the school year it was chosen in', () => {
    expect(yearGroupOverrideOn(9, '2026-08-31')).toEqual({ yearGroup: 9, academicYearStart: 2025 });
    expect(yearGroupOverrideOn(9, '2026-09-01')).toEqual({ yearGroup: 9, academicYearStart: 2026 });
    const setToday = { dateOfBirth: '2011-06-20', yearGroupOverride: yearGroupOverrideOn(9, '2026-12-04') };
    expect(yearGroupOf(setToday, '2026-12-04')).toBe(9);
    expect(receptionYearOf(setToday)).toBe(receptionYearOf(bornJune2011) + 2);
  });

  it('shows a young person past Year 13 as having left school, never as Year 14', () => {
    expect(yearGroupOf(bornJune2011, '2029-08-31')).toBe(13);
    expect(yearGroupLabelOf(bornJune2011, '2029-08-31')).toBe('Year 13');
    expect(yearGroupOf(bornJune2011, '2029-09-01')).toBe(14);
    expect(hasLeftSchool(14)).toBe(true);
    expect(hasLeftSchool(13)).toBe(false);
    expect(yearGroupLabelOf(bornJune2011, '2029-09-01')).toBe('Left school');
    expect(yearGroupLabel(7)).toBe('Year 7');
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

  it('adds months, ending on the last day of a month that lacks the day', () => {
    expect(addMonths('2027-06-14', -12)).toBe('2026-06-14');
    expect(addMonths('2028-02-29', -12)).toBe('2027-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('accepts only real days written as YYYY-MM-DD', () => {
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2027-02-29')).toBe(false);
    expect(isRealIsoDate('2026-06-31')).toBe(false);
    expect(isRealIsoDate('2026-06-01T09:00')).toBe(false);
  });

  it("reads today and the time from the machine's own clock, not UTC", () => {
    const lateEvening = new Date(2026, 10, 23, 23, 45);
    expect(localIsoDate(lateEvening)).toBe('2026-11-23');
    expect(localClockTime(lateEvening)).toBe('23:45');
  });
});
