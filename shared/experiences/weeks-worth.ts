/**
 * A week's worth, counted. The 2025 statutory careers guidance asks for one week's worth of workplace
 * experiences in Years 7 to 9 (Key Stage 3) and one week's worth of work placement in Years 10 and 11
 * (Key Stage 4). What counts, in one place (countsTowardsWeeksWorth): an experience that is completed
 * (so neither cancelled nor still to happen) and meaningful to Benchmark 6; in Key Stage 4, only work
 * placements. Each day's hours count for that day's key stage (hoursByKeyStage).
 */
import type { WeeksWorth, WorkplaceExperience } from '../model/experience';
import type { KeyStage, YearGroupFacts } from '../academic-year';
import { hoursByKeyStage } from './hours';
import { benchmarkEvidenced } from './meaningful';

/** Five days of six hours: 30 hours. */
export const DEFAULT_WEEKS_WORTH: WeeksWorth = { days: 5, hoursPerDay: 6 };

export function weeksWorthHours(setting: WeeksWorth): number {
  return setting.days * setting.hoursPerDay;
}

/** The key stages a week's worth is asked for. */
export const WEEKS_WORTH_KEY_STAGES = [3, 4] as const satisfies readonly KeyStage[];
export type WeeksWorthKeyStage = (typeof WEEKS_WORTH_KEY_STAGES)[number];

export const WEEKS_WORTH_LABELS: Readonly<Record<WeeksWorthKeyStage, string>> = {
  3: 'Key Stage 3 (Years 7 to 9): workplace experiences',
  4: 'Key Stage 4 (Years 10 and 11): work placement',
};

/** What counts, in words, for Settings and the young person's page. */
export const WEEKS_WORTH_RULE =
  'Only completed experiences that meet every point of the Benchmark 6 checklist count; cancelled ones and ones still ' +
  'to happen do not. In Years 7 to 9 every kind of workplace experience counts; in Years 10 and 11 only work placements. ' +
  "Each day's hours count for the key stage the young person was in that day.";

type Counted = Pick<WorkplaceExperience, 'kind' | 'mode' | 'meaningful' | 'status'>;

export function countsTowardsWeeksWorth(experience: Counted, keyStage: WeeksWorthKeyStage): boolean {
  if (experience.status !== 'completed' || benchmarkEvidenced(experience) !== 6) return false;
  return keyStage === 3 || experience.kind === 'work-placement';
}

export interface KeyStageProgress {
  keyStage: WeeksWorthKeyStage;
  /** Hours that count towards the week's worth. */
  hours: number;
  target: number;
  /** Hours still needed; 0 once met. */
  short: number;
  met: boolean;
}

/** A young person's counted hours for each key stage against the week's worth. */
export function weeksWorthProgress(
  pupil: YearGroupFacts & { id: string },
  experiences: readonly WorkplaceExperience[],
  setting: WeeksWorth,
): Record<WeeksWorthKeyStage, KeyStageProgress> {
  const target = weeksWorthHours(setting);
  const hours: Record<WeeksWorthKeyStage, number> = { 3: 0, 4: 0 };
  for (const experience of experiences) {
    if (!experience.pupilIds.includes(pupil.id)) continue;
    const byStage = hoursByKeyStage(experience, pupil);
    for (const stage of WEEKS_WORTH_KEY_STAGES) {
      if (countsTowardsWeeksWorth(experience, stage)) hours[stage] += byStage[stage] ?? 0;
    }
  }
  const progress = (keyStage: WeeksWorthKeyStage): KeyStageProgress => {
    // Rounded to a tenth so that 3 × 0.1 hours does not leave a young person 0.0000001 hours short.
    const counted = Math.round(hours[keyStage] * 10) / 10;
    const short = Math.max(0, Math.round((target - counted) * 10) / 10);
    return { keyStage, hours: counted, target, short, met: short === 0 };
  };
  return { 3: progress(3), 4: progress(4) };
}
