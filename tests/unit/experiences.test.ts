import { describe, expect, it } from 'vitest';
import { keyStageOf, yearGroupOf } from '@shared/academic-year';
import {
  attendedDays,
  benchmarkEvidenced,
  checkExperienceForm,
  countsTowardsWeeksWorth,
  DEFAULT_WEEKS_WORTH,
  emptyExperienceForm,
  experienceProblems,
  hoursByKeyStage,
  placementOf,
  totalHours,
  weeksWorthHours,
  weeksWorthProgress,
  withPlacementStep,
  type ExperienceForm,
} from '@shared/experiences';
import { MEANINGFUL_CRITERIA } from '@shared/reference';
import { experience as makeExperience, pupil as makePupil, workPlacement } from '../support/factories';

const ALL = MEANINGFUL_CRITERIA.map((c) => c.id);
const ENCOUNTER = MEANINGFUL_CRITERIA.filter((c) => c.benchmark === 5).map((c) => c.id);
// Born 15 March 2012: Year 9 in 2025/26, Year 10 from 1 September 2026.
const ria = makePupil({ dateOfBirth: '2012-03-15' });

describe('key stages', () => {
  it('puts Years 7 to 9 in Key Stage 3, Years 10 and 11 in Key Stage 4, the sixth form in 5', () => {
    expect([6, 7, 9, 10, 11, 12, 13, 14].map(keyStageOf)).toEqual([2, 3, 3, 4, 4, 5, 5, null]);
  });
});

describe('hours of an experience', () => {
  it('takes the weekdays from start to end as the days attended, unless told how many', () => {
    const week = { start: '2026-06-12', end: '2026-06-19' }; // Friday to the next Friday
    expect(attendedDays(week)).toEqual(['2026-06-12', '2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18', '2026-06-19']);
    expect(totalHours({ ...week, hours: { basis: 'per-day', value: 6 }, daysAttended: null })).toBe(36);
    expect(totalHours({ ...week, hours: { basis: 'per-day', value: 6 }, daysAttended: 4 })).toBe(24);
    expect(totalHours({ ...week, hours: { basis: 'total', value: 10 }, daysAttended: null })).toBe(10);
    expect(totalHours({ ...week, hours: null, daysAttended: null })).toBe(0);
  });

  it('counts a Saturday-only volunteering day as one day', () => {
    expect(attendedDays({ start: '2026-06-13', end: '2026-06-13' })).toEqual(['2026-06-13']);
  });

  it("gives each day's hours to that day's key stage across 1 September and the Year 9 to Year 10 boundary", () => {
    // Monday 31 August to Friday 4 September 2026: one day in Year 9, four in Year 10.
    expect(yearGroupOf(ria, '2026-08-31')).toBe(9);
    expect(yearGroupOf(ria, '2026-09-01')).toBe(10);
    const straddling = { start: '2026-08-31', end: '2026-09-04', hours: { basis: 'per-day' as const, value: 6 }, daysAttended: null };
    expect(hoursByKeyStage(straddling, ria)).toEqual({ 3: 6, 4: 24 });
    // A total spread evenly over the days: 10 hours over five days, two of them in Key Stage 3.
    const total = { start: '2026-08-27', end: '2026-09-02', hours: { basis: 'total' as const, value: 10 }, daysAttended: null };
    expect(hoursByKeyStage(total, ria)).toEqual({ 3: 6, 4: 4 });
  });

  it('does not move a key stage on 1 September within the same key stage (Year 8 to Year 9)', () => {
    const younger = makePupil({ dateOfBirth: '2013-03-15' }); // Year 8 in 2025/26
    const straddling = { start: '2026-08-31', end: '2026-09-01', hours: { basis: 'per-day' as const, value: 5 }, daysAttended: null };
    expect(hoursByKeyStage(straddling, younger)).toEqual({ 3: 10 });
  });
});

describe('meaningful, and the benchmark it evidences', () => {
  it('is Benchmark 6 with the whole checklist, Benchmark 5 with the encounter points, otherwise not meaningful', () => {
    expect(benchmarkEvidenced({ kind: 'job-shadowing', mode: 'in-person', meaningful: ALL })).toBe(6);
    expect(benchmarkEvidenced({ kind: 'job-shadowing', mode: 'in-person', meaningful: ENCOUNTER })).toBe(5);
    expect(benchmarkEvidenced({ kind: 'job-shadowing', mode: 'in-person', meaningful: ALL.slice(1) })).toBeNull();
    expect(benchmarkEvidenced({ kind: 'job-shadowing', mode: 'in-person', meaningful: [] })).toBeNull();
  });

  it('takes a virtual talk as an encounter at most, but lets virtual work experience reach Benchmark 6', () => {
    expect(benchmarkEvidenced({ kind: 'workplace-talk', mode: 'virtual', meaningful: ALL })).toBe(5);
    expect(benchmarkEvidenced({ kind: 'workplace-talk', mode: 'in-person', meaningful: ALL })).toBe(6);
    expect(benchmarkEvidenced({ kind: 'virtual-work-experience', mode: 'virtual', meaningful: ALL })).toBe(6);
  });
});

describe("a week's worth", () => {
  it('is 30 hours by default: five days of six hours', () => {
    expect(weeksWorthHours(DEFAULT_WEEKS_WORTH)).toBe(30);
  });

  it('counts only completed, Benchmark 6 experiences; in Key Stage 4 only work placements', () => {
    const visit = { kind: 'workplace-visit' as const, mode: 'in-person' as const, meaningful: ALL, status: 'completed' as const };
    expect(countsTowardsWeeksWorth(visit, 3)).toBe(true);
    expect(countsTowardsWeeksWorth(visit, 4)).toBe(false);
    expect(countsTowardsWeeksWorth({ ...visit, kind: 'work-placement' }, 4)).toBe(true);
    expect(countsTowardsWeeksWorth({ ...visit, status: 'cancelled' }, 3)).toBe(false);
    expect(countsTowardsWeeksWorth({ ...visit, kind: 'work-placement', status: 'confirmed' }, 4)).toBe(false);
    expect(countsTowardsWeeksWorth({ ...visit, meaningful: ENCOUNTER }, 3)).toBe(false);
  });

  it("adds up a young person's counted hours per key stage and says how many are short", () => {
    const visit = makeExperience({
      kind: 'workplace-visit',
      pupilIds: [ria.id, makePupil().id],
      start: '2026-03-11',
      end: '2026-03-11',
      hours: { basis: 'per-day', value: 5 },
      meaningful: ALL,
    });
    const notMeaningful = makeExperience({
      kind: 'job-shadowing',
      pupilIds: [ria.id],
      start: '2026-03-12',
      end: '2026-03-12',
      hours: { basis: 'total', value: 6 },
    });
    const straddling = makeExperience({
      kind: 'work-placement',
      pupilIds: [ria.id],
      start: '2026-08-31',
      end: '2026-09-04',
      hours: { basis: 'per-day', value: 6 },
      meaningful: ALL,
    });
    const progress = weeksWorthProgress(ria, [visit, notMeaningful, straddling], DEFAULT_WEEKS_WORTH);
    expect(progress[3]).toEqual({ keyStage: 3, hours: 11, target: 30, short: 19, met: false });
    expect(progress[4]).toEqual({ keyStage: 4, hours: 24, target: 30, short: 6, met: false });
    const longer = weeksWorthProgress(ria, [visit, straddling], { days: 4, hoursPerDay: 6 });
    expect(longer[4]).toMatchObject({ hours: 24, target: 24, short: 0, met: true });
  });
});

describe('checking an experience', () => {
  const today = '2026-11-24';
  const valid: ExperienceForm = {
    ...emptyExperienceForm([ria.id], '2026-11-20'),
    employerName: 'Harbour Arts Centre',
    hours: 6,
  };

  it('accepts a one-day visit recorded after the fact, as completed', () => {
    const checked = checkExperienceForm(valid, undefined, today);
    expect(checked.ok && checked.value).toMatchObject({ status: 'completed', hours: { basis: 'per-day', value: 6 }, employerId: null });
  });

  it('puts each problem beside its field', () => {
    const problems = (form: Partial<ExperienceForm>) => {
      const checked = checkExperienceForm({ ...valid, ...form }, undefined, today);
      return checked.ok ? [] : checked.problems;
    };
    expect(problems({ hours: 25 })).toEqual([{ field: 'hours', message: 'There are only 24 hours in a day' }]);
    expect(problems({ hours: -1 })).toEqual([{ field: 'hours', message: 'Hours cannot be negative' }]);
    expect(problems({ hours: null })).toEqual([{ field: 'hours', message: 'Enter the hours' }]);
    expect(problems({ hoursBasis: 'total', hours: 49, start: '2026-11-19', end: '2026-11-20' })).toEqual([
      { field: 'hours', message: 'That is more than 24 hours a day over 2 days' },
    ]);
    expect(problems({ start: '2026-11-20', end: '2026-11-19' })).toEqual([
      { field: 'end', message: 'The end must be on or after the start' },
    ]);
    expect(problems({ pupilIds: [] })).toEqual([{ field: 'pupilIds', message: 'Choose at least one young person' }]);
    expect(problems({ employerName: ' ' })[0]?.field).toBe('employerName');
    expect(problems({ daysAttended: 3 })).toEqual([{ field: 'daysAttended', message: 'There is only 1 day from the start to the end' }]);
    expect(problems({ daysAttended: 0 })).toEqual([{ field: 'daysAttended', message: 'Enter at least 1 day' }]);
    expect(problems({ end: '2026-11-25' })[0]).toMatchObject({ field: 'end' });
    expect(problems({ kind: 'work-placement', pupilIds: [ria.id, makePupil().id] })[0]?.field).toBe('pupilIds');
  });

  it('refuses a workflow status for kinds other than a work placement', () => {
    const record = { ...makeExperience({ kind: 'workplace-visit', pupilIds: [ria.id] }), status: 'proposed' as const };
    expect(experienceProblems(record, today).map((p) => p.field)).toEqual(['status']);
  });
});

describe('a work placement seen by its workflow', () => {
  it('is one young person at a directory employer, its feedback from the dated fields', () => {
    const stored = workPlacement({ pupilId: ria.id, employerId: crypto.randomUUID(), status: 'in-progress' });
    const completed = withPlacementStep(stored, 'completed', { employer: 'Keen', pupil: 'Loved it', wouldHostAgain: true }, '2026-06-19');
    expect(completed.employerFeedback).toEqual({ text: 'Keen', on: '2026-06-19', wouldHostAgain: true });
    expect(completed.meaningful).toEqual(expect.arrayContaining(['employer-feedback', 'young-person-reflection']));
    expect(placementOf(completed)).toMatchObject({
      pupilId: ria.id,
      status: 'completed',
      feedback: { employer: 'Keen', pupil: 'Loved it' },
    });
    expect(placementOf(makeExperience({ kind: 'workplace-visit', pupilIds: [ria.id] }))).toBeNull();
  });
});
