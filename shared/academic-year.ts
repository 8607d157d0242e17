/**
 * Academic years run from 1 September to 31 August. Every year-group and "this academic year"
 * calculation in the app goes through here. Dates are ISO strings (2026-11-23), read without time
 * zones by dates.ts, which this module re-exports: import dates from either, they are the same functions.
 */
import { isoDateParts } from './dates';

export * from './dates';

/** The calendar year in which the academic year holding this date began (2026-11-23 gives 2026). */
export function academicYearStartYear(isoDate: string): number {
  const { year, month } = isoDateParts(isoDate);
  return month >= 9 ? year : year - 1;
}

export interface AcademicYear {
  /** First day, 1 September. */
  start: string;
  /** Last day, 31 August. */
  end: string;
  /** As schools write it: "2026/27". */
  label: string;
}

export function academicYearOf(isoDate: string): AcademicYear {
  return academicYearStarting(academicYearStartYear(isoDate));
}

export function academicYearStarting(startYear: number): AcademicYear {
  return {
    start: `${startYear}-09-01`,
    end: `${startYear + 1}-08-31`,
    label: `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`,
  };
}

/**
 * The National Curriculum year group of a child born on `dateOfBirth`, on `onDate`.
 * Children born from 1 September to 31 August start Reception together; Year 7 in the academic
 * year that starts on 1 September 2026 is those born from 1 September 2014 to 31 August 2015.
 */
export function yearGroupOn(dateOfBirth: string, onDate: string): number {
  return academicYearStartYear(onDate) - receptionYearForBirth(dateOfBirth);
}

/** The year groups of secondary school and sixth form that the app serves. */
export const FIRST_YEAR_GROUP = 7;
export const LAST_YEAR_GROUP = 13;
export const YEAR_GROUPS: readonly number[] = Array.from(
  { length: LAST_YEAR_GROUP - FIRST_YEAR_GROUP + 1 },
  (_, i) => FIRST_YEAR_GROUP + i,
);

/**
 * An adviser's override of the year group (a year repeated or skipped), kept with the academic year
 * it was set in so that it moves on by itself every 1 September like everyone else's.
 */
export interface YearGroupOverride {
  yearGroup: number;
  /** The start year of the academic year the override was set in: 2026 for 2026/27. */
  academicYearStart: number;
}

/** What a young person's year group is worked out from: never stored itself, since it changes with the date. */
export interface YearGroupFacts {
  dateOfBirth: string;
  yearGroupOverride: YearGroupOverride | null;
}

function receptionYearForBirth(dateOfBirth: string): number {
  return academicYearStartYear(dateOfBirth) + 5;
}

/**
 * The start year of the academic year in which the young person was (or counts as having been) in
 * Reception. It does not change with the date, so lists can hold it and compare it with
 * `academicYearStartYear(today) - yearGroup`.
 */
export function receptionYearOf(facts: YearGroupFacts): number {
  const override = facts.yearGroupOverride;
  return override ? override.academicYearStart - override.yearGroup : receptionYearForBirth(facts.dateOfBirth);
}

/**
 * The one answer to "which year is this young person in on this date": from the date of birth, or
 * from the adviser's override moved on by the academic years since it was set. Past Year 13 the
 * number goes on (14, 15...): see hasLeftSchool and yearGroupLabel.
 */
export function yearGroupOf(facts: YearGroupFacts, onDate: string): number {
  return academicYearStartYear(onDate) - receptionYearOf(facts);
}

/** Key stages by year group in England: 3 is Years 7 to 9, 4 is Years 10 and 11, 5 the sixth form. */
export type KeyStage = 1 | 2 | 3 | 4 | 5;

/** The key stage of a year group; null before Year 1 and past Year 13. */
export function keyStageOf(yearGroup: number): KeyStage | null {
  if (yearGroup < 1 || yearGroup > LAST_YEAR_GROUP) return null;
  if (yearGroup <= 2) return 1;
  if (yearGroup <= 6) return 2;
  if (yearGroup <= 9) return 3;
  return yearGroup <= 11 ? 4 : 5;
}

/** Past Year 13: the young person has left school, whatever they do now. */
export function hasLeftSchool(yearGroup: number): boolean {
  return yearGroup > LAST_YEAR_GROUP;
}

/** "Year 10", or "Left school" past Year 13 (never "Year 14"). */
export function yearGroupLabel(yearGroup: number): string {
  return hasLeftSchool(yearGroup) ? 'Left school' : `Year ${yearGroup}`;
}

/** The young person's year group on `onDate` as the adviser reads it: "Year 10", or "Left school". */
export function yearGroupLabelOf(facts: YearGroupFacts, onDate: string): string {
  return yearGroupLabel(yearGroupOf(facts, onDate));
}

/** The override to store for a year group chosen by hand on `onDate`. */
export function yearGroupOverrideOn(yearGroup: number, onDate: string): YearGroupOverride {
  return { yearGroup, academicYearStart: academicYearStartYear(onDate) };
}

/** The start year of the academic year in which the young person is (or was) in `yearGroup`. */
export function academicYearStartInYearGroup(facts: YearGroupFacts, yearGroup: number): number {
  return receptionYearOf(facts) + yearGroup;
}

/** The three terms of an academic year as returns count them: autumn, spring and summer. */
export function academicTerms(startYear: number): { id: 'autumn' | 'spring' | 'summer'; label: string; start: string; end: string }[] {
  const next = startYear + 1;
  return [
    { id: 'autumn', label: `Autumn term ${startYear}`, start: `${startYear}-09-01`, end: `${startYear}-12-31` },
    { id: 'spring', label: `Spring term ${next}`, start: `${next}-01-01`, end: `${next}-03-31` },
    { id: 'summer', label: `Summer term ${next}`, start: `${next}-04-01`, end: `${next}-08-31` },
  ];
}
