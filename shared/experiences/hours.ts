/**
 * The hours of an experience, and the key stage each of its days counts for. A young person moves up a
 * year on 1 September, so a placement from 29 August to 4 September can be half Year 9 (Key Stage 3) and
 * half Year 10 (Key Stage 4): each day's hours go to that day's key stage.
 */
import type { WorkplaceExperience } from '../model/experience';
import { daysFrom, isWeekday, keyStageOf, yearGroupOf, type KeyStage, type YearGroupFacts } from '../academic-year';

type Timed = Pick<WorkplaceExperience, 'start' | 'end' | 'hours' | 'daysAttended'>;

/**
 * The days an experience is taken to have been attended: the weekdays from start to end, or every day
 * when it has none (a Saturday volunteering). When fewer days were attended than that, nobody knows
 * which, so its hours are spread evenly over these days: the total stays right, and so does the share
 * each key stage gets.
 */
export function attendedDays(experience: Pick<WorkplaceExperience, 'start' | 'end'>): string[] {
  const days = daysFrom(experience.start, experience.end);
  const weekdays = days.filter(isWeekday);
  return weekdays.length > 0 ? weekdays : days;
}

/** Days attended as recorded, or the weekdays from start to end when not recorded. */
export function daysAttendedOf(experience: Pick<WorkplaceExperience, 'start' | 'end' | 'daysAttended'>): number {
  return experience.daysAttended ?? attendedDays(experience).length;
}

/** All the hours of an experience; 0 when its hours are not recorded yet. */
export function totalHours(experience: Timed): number {
  const hours = experience.hours;
  if (!hours) return 0;
  return hours.basis === 'total' ? hours.value : hours.value * daysAttendedOf(experience);
}

export type HoursByKeyStage = Partial<Record<KeyStage, number>>;

/** One young person's hours of one experience by the key stage of each day (worked out from their year group that day). */
export function hoursByKeyStage(experience: Timed, pupil: YearGroupFacts): HoursByKeyStage {
  const total = totalHours(experience);
  const result: HoursByKeyStage = {};
  if (total === 0) return result;
  const days = attendedDays(experience);
  const share = total / days.length;
  for (const day of days) {
    const stage = keyStageOf(yearGroupOf(pupil, day));
    if (stage !== null) result[stage] = (result[stage] ?? 0) + share;
  }
  return result;
}

/** Hours shown to people: whole numbers as they are, otherwise one decimal place ("7.5"). */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} ${rounded === 1 ? 'hour' : 'hours'}`;
}
