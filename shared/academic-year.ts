/**
 * Academic years run from 1 September to 31 August. Every year-group and "this academic year"
 * calculation in the app goes through here. Dates are ISO strings (2026-11-23), read without time zones.
 */

function parts(isoDate: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new Error(`Not an ISO date: ${isoDate}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The calendar year in which the academic year holding this date began (2026-11-23 gives 2026). */
export function academicYearStartYear(isoDate: string): number {
  const { year, month } = parts(isoDate);
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
  const birthCohort = academicYearStartYear(dateOfBirth);
  return academicYearStartYear(onDate) - birthCohort - 5;
}

/** The academic year in which a pupil now in `yearGroup` reaches Year 13, their final school year. */
export function finalAcademicYearStart(yearGroup: number, onDate: string): number {
  return academicYearStartYear(onDate) + Math.max(0, 13 - yearGroup);
}

/** Age in whole years on a date. */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const birth = parts(dateOfBirth);
  const on = parts(onDate);
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

/** A date as UK readers expect it: 23/11/2026. */
export function formatUkDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const { year, month, day } = parts(isoDate);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** Reads a UK date (23/11/2026 or 23-11-2026) into ISO, or null when it is not a real date. */
export function parseUkDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Adds whole days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const { year, month, day } = parts(isoDate);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
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
