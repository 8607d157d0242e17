/**
 * A year group's week's worth, young person by young person: who is short of a week's worth in the key
 * stage they are in now, and by how many hours, with the filters the benchmarks name (SEND, free school
 * meals or pupil premium, looked after, low attendance). Every figure comes from weeksWorthProgress, so the
 * cohort view, the young person's page, the Compass figures and the returns agree.
 */
import type { Pupil } from '../model/pupil';
import type { WeeksWorth, WorkplaceExperience } from '../model/experience';
import { hasLowAttendance, LOW_ATTENDANCE_BELOW } from '../risk';
import { keyStageOf, yearGroupOf } from '../academic-year';
import { nameSortKey } from '../pupils/list';
import { WEEKS_WORTH_KEY_STAGES, weeksWorthProgress, type KeyStageProgress, type WeeksWorthKeyStage } from './weeks-worth';

/**
 * Where a cohort is drawn from: one school's young people (not home educated, as in returns), the
 * home-educated ones, or everyone on the caseload (where the home-educated filter picks them out).
 */
export type CohortPlace = { kind: 'school'; schoolId: string } | { kind: 'home-educated' } | { kind: 'all' };

export function inCohortPlace(pupil: Pick<Pupil, 'schoolId' | 'homeEducated'>, place: CohortPlace): boolean {
  if (place.kind === 'all') return true;
  return place.kind === 'home-educated' ? pupil.homeEducated : !pupil.homeEducated && pupil.schoolId === place.schoolId;
}

/** The year groups a week's worth is asked of: Years 7 to 11. */
export const WEEKS_WORTH_YEAR_GROUPS: readonly number[] = [7, 8, 9, 10, 11];

/** The key stage whose week's worth a year group is working towards (Years 7 to 9: 3; 10 and 11: 4), or null. */
export function weeksWorthKeyStageOf(yearGroup: number): WeeksWorthKeyStage | null {
  const stage = keyStageOf(yearGroup);
  return WEEKS_WORTH_KEY_STAGES.find((s) => s === stage) ?? null;
}

export const COHORT_FILTERS = [
  { id: 'send', label: 'SEND (SEN support or an EHC plan)', has: (p: Pupil) => p.characteristics.senSupport || p.characteristics.ehcp },
  {
    id: 'disadvantaged',
    label: 'Free school meals or pupil premium',
    has: (p: Pupil) => p.characteristics.freeSchoolMeals || p.characteristics.pupilPremium,
  },
  { id: 'looked-after', label: 'Looked after', has: (p: Pupil) => p.characteristics.lookedAfter },
  {
    id: 'low-attendance',
    label: `Low attendance (below ${LOW_ATTENDANCE_BELOW}%)`,
    has: (p: Pupil) => hasLowAttendance(p.characteristics),
  },
  { id: 'home-educated', label: 'Home educated', has: (p: Pupil) => p.homeEducated },
] as const;
export type CohortFilterId = (typeof COHORT_FILTERS)[number]['id'];

export interface CohortRow {
  pupil: Pupil;
  yearGroup: number;
  /** The key stage they are in on the day, and their hours towards its week's worth. */
  progress: KeyStageProgress;
}

/**
 * The young people of a place in a year group on a day (not left), with their week's worth in the key stage
 * they are in: shortest first (fewest hours), then by name. `filters` keep only those who have every
 * characteristic chosen. Empty for a year group a week's worth is not asked of.
 */
export function cohortWeeksWorth(
  pupils: readonly Pupil[],
  experiences: readonly WorkplaceExperience[],
  options: { place: CohortPlace; yearGroup: number; onDate: string; weeksWorth: WeeksWorth; filters?: readonly CohortFilterId[] },
): CohortRow[] {
  const keyStage = weeksWorthKeyStageOf(options.yearGroup);
  if (keyStage === null) return [];
  const filters = COHORT_FILTERS.filter((f) => options.filters?.includes(f.id));
  const inCohort = pupils.filter(
    (p) =>
      (p.leftOn === null || p.leftOn > options.onDate) &&
      inCohortPlace(p, options.place) &&
      yearGroupOf(p, options.onDate) === options.yearGroup &&
      filters.every((f) => f.has(p)),
  );
  const ofPupil = experiencesByPupil(experiences);
  const keys = new Map(inCohort.map((p) => [p.id, nameSortKey(p)]));
  return inCohort
    .map((pupil) => ({
      pupil,
      yearGroup: options.yearGroup,
      progress: weeksWorthProgress(pupil, ofPupil.get(pupil.id) ?? [], options.weeksWorth)[keyStage],
    }))
    .sort(
      (a, b) =>
        a.progress.hours - b.progress.hours ||
        (keys.get(a.pupil.id) ?? '').localeCompare(keys.get(b.pupil.id) ?? '') ||
        a.pupil.id.localeCompare(b.pupil.id),
    );
}

/** Each young person's experiences (a group's experience under each of its young people), in one pass. */
export function experiencesByPupil(experiences: readonly WorkplaceExperience[]): Map<string, WorkplaceExperience[]> {
  const byPupil = new Map<string, WorkplaceExperience[]>();
  for (const experience of experiences) {
    for (const id of experience.pupilIds) {
      const list = byPupil.get(id);
      if (list) list.push(experience);
      else byPupil.set(id, [experience]);
    }
  }
  return byPupil;
}

/** How many of the rows are short of a week's worth, and by how many hours altogether. */
export function cohortShortfall(rows: readonly CohortRow[]): { short: number; hoursShort: number } {
  const short = rows.filter((r) => !r.progress.met);
  return { short: short.length, hoursShort: Math.round(short.reduce((sum, r) => sum + r.progress.short, 0) * 10) / 10 };
}
