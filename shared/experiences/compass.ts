/**
 * The figures a school gives in the Careers & Enterprise Company's Compass supplementary questions on
 * Benchmark 6 (2025), which Compass itself cannot work out because it does not record how long an
 * experience lasted. Each figure, precisely:
 *
 * - Key Stage 3: of the young people at the school in Year 9 on the day (not left), how many have had a
 *   week's worth of workplace experiences in Key Stage 3 (Years 7 to 9), counting every experience
 *   completed so far.
 * - Key Stage 4: of the young people at the school in Year 11 on the day (not left), how many have had a
 *   week's worth of work placement in Key Stage 4 (Years 10 and 11), counting work placements completed so far.
 *
 * Year 9 and Year 11 are the last years of each key stage, so these are the young people the expectation
 * is about; until the summer the figures are "so far". What counts is countsTowardsWeeksWorth, the week's
 * worth is the setting; the percentage is of the year group, rounded to a whole number (none when nobody
 * is in it). They are the school's own figures for its own return, so no count is hidden.
 */
import type { Pupil } from '../model/pupil';
import type { WeeksWorth, WorkplaceExperience } from '../model/experience';
import { formatUkDate } from '../academic-year';
import { csvDocument } from '../csv';
import { cohortWeeksWorth, type CohortPlace } from './cohort';
import { formatHours } from './hours';
import { weeksWorthHours, type WeeksWorthKeyStage } from './weeks-worth';

export interface CompassFigure {
  id: 'ks3-year-9' | 'ks4-year-11';
  keyStage: WeeksWorthKeyStage;
  yearGroup: 9 | 11;
  /** The question in the Compass's words, as near as the app can put it. */
  label: string;
  /** What the figure counts, for the screen and the CSV. */
  meaning: string;
  /** Young people in the year group. */
  pupils: number;
  /** Of them, with a week's worth. */
  withWeeksWorth: number;
  /** Whole per cent of the year group, or null when nobody is in it. */
  percent: number | null;
}

const FIGURES = [
  {
    id: 'ks3-year-9',
    keyStage: 3,
    yearGroup: 9,
    label: "Year 9: a week's worth of workplace experiences in Years 7 to 9",
    meaning: "Young people in Year 9 now with a week's worth of workplace experiences of any kind completed in Key Stage 3 so far",
  },
  {
    id: 'ks4-year-11',
    keyStage: 4,
    yearGroup: 11,
    label: "Year 11: a week's worth of work placement in Years 10 and 11",
    meaning: "Young people in Year 11 now with a week's worth of work placement completed in Key Stage 4 so far",
  },
] as const;

export function compassFigures(
  pupils: readonly Pupil[],
  experiences: readonly WorkplaceExperience[],
  options: { place: CohortPlace; onDate: string; weeksWorth: WeeksWorth },
): CompassFigure[] {
  return FIGURES.map((figure) => {
    const rows = cohortWeeksWorth(pupils, experiences, { ...options, yearGroup: figure.yearGroup });
    const withWeeksWorth = rows.filter((r) => r.progress.met).length;
    return {
      ...figure,
      pupils: rows.length,
      withWeeksWorth,
      percent: rows.length === 0 ? null : Math.round((withWeeksWorth / rows.length) * 100),
    };
  });
}

/** The figures as a CSV file: who and when, the week's worth used, then a row per figure. */
export function compassFiguresCsv(
  figures: readonly CompassFigure[],
  options: { placeName: string; onDate: string; weeksWorth: WeeksWorth; serviceName?: string },
): string {
  const { days, hoursPerDay } = options.weeksWorth;
  const total = formatHours(weeksWorthHours(options.weeksWorth));
  const week = `${days} ${days === 1 ? 'day' : 'days'} of ${formatHours(hoursPerDay)} (${total})`;
  return csvDocument([
    ['Compass supplementary Benchmark 6 figures'],
    ['School', options.placeName],
    ['As at', formatUkDate(options.onDate)],
    ["A week's worth", week],
    ...(options.serviceName ? [['Produced by', options.serviceName]] : []),
    [],
    ['Figure', 'Young people in the year group', "With a week's worth", 'Per cent', 'What is counted'],
    ...figures.map((f) => [f.label, f.pupils, f.withWeeksWorth, f.percent, f.meaning]),
  ]);
}
