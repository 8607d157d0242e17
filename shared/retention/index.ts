/**
 * How long a young person's record is kept: a number of years (default 3) after their final
 * academic year, which ends on 31 August. The final academic year is the one in which they left
 * the caseload when that is recorded, otherwise the one in which they are in Year 13 (following
 * the year group the school gave when it differs from the date of birth's); a guidance meeting
 * after that year moves it on. Pure: the caller passes today.
 */
import { LAST_YEAR_GROUP, academicYearStartInYearGroup, academicYearStartYear, academicYearStarting } from '../academic-year';
import type { Pupil } from '../model/pupil';

export const DEFAULT_RETENTION_YEARS = 3;

export type RetentionFacts = Pick<Pupil, 'dateOfBirth' | 'yearGroupOverride' | 'leftOn' | 'lastGuidanceOn'>;

/** The calendar year in which the young person's final academic year starts (2027 for 2027/28). */
export function finalYearStartOf(pupil: RetentionFacts): number {
  let start: number;
  if (pupil.leftOn) start = academicYearStartYear(pupil.leftOn);
  else start = academicYearStartInYearGroup(pupil, LAST_YEAR_GROUP);
  if (pupil.lastGuidanceOn) start = Math.max(start, academicYearStartYear(pupil.lastGuidanceOn));
  return start;
}

/** The last day the record is kept: 31 August, `years` after the final academic year ends. */
export function keepUntil(pupil: RetentionFacts, years: number): string {
  return `${finalYearStartOf(pupil) + 1 + years}-08-31`;
}

export function isPastRetention(pupil: RetentionFacts, years: number, today: string): boolean {
  return today > keepUntil(pupil, years);
}

/** Why the date is what it is, in the adviser's words. */
export function retentionReason(pupil: RetentionFacts): string {
  const year = academicYearStarting(finalYearStartOf(pupil)).label;
  if (pupil.leftOn && finalYearStartOf(pupil) === academicYearStartYear(pupil.leftOn)) return `Left the caseload in ${year}`;
  if (pupil.lastGuidanceOn && finalYearStartOf(pupil) === academicYearStartYear(pupil.lastGuidanceOn))
    return `Last guidance meeting in ${year}`;
  return `Year 13 in ${year}`;
}
