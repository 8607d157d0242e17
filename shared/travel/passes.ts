/**
 * Which Kent travel pass matters for a young person's journey. The Kent Travel Saver covers Years 7
 * to 11 on registered bus services, not trains; the 16+ Travel Saver is for Years 12 and 13 and has
 * a cost. The year group comes from the one helper that works it out (shared/academic-year.ts).
 */
import { FIRST_YEAR_GROUP, yearGroupOf, type YearGroupFacts } from '../academic-year';
import type { TravelMode } from './feed';

export type TravelPassId = 'kent-travel-saver' | 'kent-16-plus-travel-saver';

export const TRAVEL_PASS_LABELS: Record<TravelPassId, string> = {
  'kent-travel-saver': 'Kent Travel Saver',
  'kent-16-plus-travel-saver': '16+ Travel Saver',
};

export interface TravelPassAdvice {
  pass: TravelPassId | null;
  label: string;
  /** What the adviser should tell the family. */
  note: string;
  /** Whether the pass covers this journey's modes; null when the modes are not known or it is not settled. */
  coversJourney: boolean | null;
}

/** The pass relevant on `onDate` for a journey by `modes` (leave empty when there is no timetable answer). */
export function travelPassFor(facts: YearGroupFacts, onDate: string, modes: readonly TravelMode[] = []): TravelPassAdvice {
  const yearGroup = yearGroupOf(facts, onDate);
  const usesTrain = modes.includes('rail');
  const onlyBus = modes.length > 0 && modes.every((m) => m === 'bus');
  if (yearGroup >= FIRST_YEAR_GROUP && yearGroup <= 11) {
    return {
      pass: 'kent-travel-saver',
      label: TRAVEL_PASS_LABELS['kent-travel-saver'],
      note: usesTrain
        ? 'The Kent Travel Saver covers registered buses, not trains: the train part of this journey must be paid for.'
        : 'The Kent Travel Saver covers registered bus services for Years 7 to 11.',
      coversJourney: usesTrain ? false : onlyBus ? true : null,
    };
  }
  if (yearGroup === 12 || yearGroup === 13) {
    return {
      pass: 'kent-16-plus-travel-saver',
      label: TRAVEL_PASS_LABELS['kent-16-plus-travel-saver'],
      note: 'The 16+ Travel Saver is for Years 12 and 13 and has a cost: check the current price and what it covers with the family.',
      coversJourney: null,
    };
  }
  return {
    pass: null,
    label: 'No Kent travel pass',
    note: 'The Kent Travel Saver and the 16+ Travel Saver are for Years 7 to 13.',
    coversJourney: null,
  };
}
