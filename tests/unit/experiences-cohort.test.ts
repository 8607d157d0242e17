import { describe, expect, it } from 'vitest';
import { cohortShortfall, cohortWeeksWorth, compassFigures, compassFiguresCsv, DEFAULT_WEEKS_WORTH } from '@shared/experiences';
import { MEANINGFUL_CRITERIA } from '@shared/reference';
import { experience as makeExperience, pupil as makePupil } from '../support/factories';

const ALL = MEANINGFUL_CRITERIA.map((c) => c.id);
const SCHOOL = 'b8a2b0f4-3a5c-4c1e-9d8e-2f6d1a0b9c11';
const OTHER = 'c9b3c1a5-4b6d-4d2f-8e9f-3a7e2b1c0d22';
const place = { kind: 'school', schoolId: SCHOOL } as const;
const onDate = '2027-03-01';
// Year 10 in 2026/27 (born 2011/12), Year 9 and Year 11 around them.
const year10 = (surname: string, extra: Partial<Parameters<typeof makePupil>[0]> = {}) =>
  makePupil({ legalSurname: surname, dateOfBirth: '2011-10-01', schoolId: SCHOOL, ...extra });
const amir = year10('Amir');
const bea = year10('Bea', { characteristics: { ...makePupil().characteristics, freeSchoolMeals: true, attendancePercent: 85 } });
const cal = year10('Cal', { characteristics: { ...makePupil().characteristics, pupilPremium: true, attendancePercent: 95 } });
const dev = year10('Dev', { homeEducated: true });
const eli = year10('Eli', { schoolId: OTHER });
const fay = year10('Fay', { leftOn: '2027-01-10' });
const nine = makePupil({ legalSurname: 'Nine', dateOfBirth: '2012-10-01', schoolId: SCHOOL });
const eleven = makePupil({ legalSurname: 'Eleven', dateOfBirth: '2010-10-01', schoolId: SCHOOL });
const pupils = [amir, bea, cal, dev, eli, fay, nine, eleven];

const placementOf = (pupilIds: string[], start: string, end: string, hoursPerDay: number) =>
  makeExperience({ pupilIds, kind: 'work-placement', start, end, hours: { basis: 'per-day', value: hoursPerDay }, meaningful: ALL });
const experiences = [
  placementOf([amir.id], '2026-11-02', '2026-11-06', 6), // 30 hours: a week's worth
  placementOf([cal.id], '2026-11-02', '2026-11-03', 6), // 12 hours: 18 short
  placementOf([eleven.id], '2026-06-15', '2026-06-19', 7), // Year 10 then: 35 hours in Key Stage 4
  makeExperience({
    pupilIds: [nine.id, bea.id],
    kind: 'workplace-visit',
    start: '2026-03-02',
    end: '2026-03-02',
    hours: { basis: 'total', value: 5 },
    meaningful: ALL,
  }),
];

describe("a year group's week's worth", () => {
  it('lists the young people of a school in the year group, shortest first, with how many hours short', () => {
    const rows = cohortWeeksWorth(pupils, experiences, { place, yearGroup: 10, onDate, weeksWorth: DEFAULT_WEEKS_WORTH });
    // Bea's Year 9 visit counts in Key Stage 3, not towards Year 10's work placement week.
    expect(rows.map((r) => [r.pupil.legalSurname, r.progress.hours, r.progress.short])).toEqual([
      ['Bea', 0, 30],
      ['Cal', 12, 18],
      ['Amir', 30, 0],
    ]);
    expect(cohortShortfall(rows)).toEqual({ short: 2, hoursShort: 48 });
  });

  it('keeps only those with every characteristic chosen; low attendance is below 90%', () => {
    const of = (filters: Parameters<typeof cohortWeeksWorth>[2]['filters']) =>
      cohortWeeksWorth(pupils, experiences, { place, yearGroup: 10, onDate, weeksWorth: DEFAULT_WEEKS_WORTH, filters }).map(
        (r) => r.pupil.legalSurname,
      );
    expect(of(['disadvantaged'])).toEqual(['Bea', 'Cal']);
    expect(of(['disadvantaged', 'low-attendance'])).toEqual(['Bea']);
    expect(of(['looked-after'])).toEqual([]);
  });

  it('draws home-educated young people as a cohort of their own, never within a school', () => {
    const rows = cohortWeeksWorth(pupils, experiences, {
      place: { kind: 'home-educated' },
      yearGroup: 10,
      onDate,
      weeksWorth: DEFAULT_WEEKS_WORTH,
    });
    expect(rows.map((r) => r.pupil.legalSurname)).toEqual(['Dev']);
  });

  it('picks out the home educated among everyone on the caseload', () => {
    const rows = cohortWeeksWorth(pupils, experiences, {
      place: { kind: 'all' },
      yearGroup: 10,
      onDate,
      weeksWorth: DEFAULT_WEEKS_WORTH,
      filters: ['home-educated'],
    });
    expect(rows.map((r) => r.pupil.legalSurname)).toEqual(['Dev']);
    const everyone = cohortWeeksWorth(pupils, experiences, {
      place: { kind: 'all' },
      yearGroup: 10,
      onDate,
      weeksWorth: DEFAULT_WEEKS_WORTH,
    });
    expect(everyone.map((r) => r.pupil.legalSurname)).toEqual(['Bea', 'Dev', 'Eli', 'Cal', 'Amir']); // Fay has left
  });

  it("follows the week's worth setting", () => {
    const rows = cohortWeeksWorth(pupils, experiences, { place, yearGroup: 10, onDate, weeksWorth: { days: 2, hoursPerDay: 6 } });
    expect(rows.map((r) => r.progress.met)).toEqual([false, true, true]);
  });
});

describe('figures for Compass', () => {
  it("counts Year 9 with a week's worth in Key Stage 3 and Year 11 with a week's worth of work placement in Key Stage 4", () => {
    const figures = compassFigures(pupils, experiences, { place, onDate, weeksWorth: DEFAULT_WEEKS_WORTH });
    expect(figures.map((f) => [f.id, f.pupils, f.withWeeksWorth, f.percent])).toEqual([
      ['ks3-year-9', 1, 0, 0], // Nine has 5 hours
      ['ks4-year-11', 1, 1, 100], // Eleven had 35 hours in Year 10
    ]);
    const short = compassFigures(pupils, experiences, { place, onDate, weeksWorth: { days: 1, hoursPerDay: 5 } });
    expect(short[0]).toMatchObject({ withWeeksWorth: 1, percent: 100 });
  });

  it('has no percentage for a year group with nobody in it', () => {
    const figures = compassFigures([], [], { place, onDate, weeksWorth: DEFAULT_WEEKS_WORTH });
    expect(figures.map((f) => f.percent)).toEqual([null, null]);
  });

  it('writes the figures as CSV with what each counts', () => {
    const figures = compassFigures(pupils, experiences, { place, onDate, weeksWorth: DEFAULT_WEEKS_WORTH });
    const csv = compassFiguresCsv(figures, { placeName: 'Hilltop Academy', onDate, weeksWorth: DEFAULT_WEEKS_WORTH });
    const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines).toContain('School,Hilltop Academy');
    expect(lines).toContain('As at,01/03/2027');
    expect(lines).toContain("A week's worth,5 days of 6 hours (30 hours)");
    expect(lines.find((l) => l.startsWith('Year 11'))).toMatch(/,1,1,100,Young people in Year 11 now/);
  });
});
