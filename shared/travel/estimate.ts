/**
 * Travel without timetables, and the young person's travel limit as a limit.
 *
 * The estimate says it is one. Road distance is the straight line times ROAD_DETOUR_FACTOR: roads
 * wind, and measured ratios of road to straight-line distance in Great Britain are about 1.2 to 1.3
 * between towns and 1.3 to 1.4 on rural lanes; Kent's coast and the Hoo and Sheppey peninsulas
 * make some trips much longer, so 1.35 leans to the rural end. Times come from typical door-to-door
 * speeds: walking 4.5 km/h; a rural or town bus about 18 km/h on the road (stops, lanes, town
 * traffic) plus 10 minutes to walk to the stop and wait; a car about 40 km/h over a mix of lanes,
 * A roads and towns.
 */
import type { TravelPoint } from './geo';
import { pointDistanceKm } from './geo';

export const ROAD_DETOUR_FACTOR = 1.35;

export type EstimateMode = 'walk' | 'bus' | 'car';

export const TYPICAL_SPEED_KMH: Record<EstimateMode, number> = { walk: 4.5, bus: 18, car: 40 };
/** Walking to the stop and waiting, on top of the bus's time on the road. */
export const BUS_ACCESS_MINUTES = 10;

const MODE_WORDS: Record<EstimateMode, string> = { walk: 'on foot', bus: 'by bus', car: 'by car' };

export interface TravelEstimate {
  mode: EstimateMode;
  straightKm: number;
  roadKm: number;
  minutes: number;
  /** "about 14 km by road, about 57 minutes by bus (estimated: no timetable)". */
  text: string;
}

export function roadDistanceKm(straightKm: number): number {
  return straightKm * ROAD_DETOUR_FACTOR;
}

/** An estimate of one way's travel from the straight-line distance. */
export function estimateTravel(straightKm: number, mode: EstimateMode): TravelEstimate {
  const roadKm = roadDistanceKm(straightKm);
  const minutes = Math.round((roadKm / TYPICAL_SPEED_KMH[mode]) * 60 + (mode === 'bus' ? BUS_ACCESS_MINUTES : 0));
  const km = roadKm < 1 ? 'less than 1 km' : `about ${Math.round(roadKm)} km`;
  return {
    mode,
    straightKm,
    roadKm,
    minutes,
    text: `${km} by road, about ${minutes} minutes ${MODE_WORDS[mode]} (estimated: no timetable)`,
  };
}

export function estimateTravelBetween(from: TravelPoint, to: TravelPoint, mode: EstimateMode): TravelEstimate {
  return estimateTravel(pointDistanceKm(from, to), mode);
}

/**
 * The limit rules. A young person's travel limit is straight-line km each way (as recorded on their
 * travel needs), and optionally a longest journey in minutes.
 * - beyond either: ruled out, with the reason;
 * - in the last NEAR_LIMIT_SHARE of the distance: a penalty rising from 0 to NEAR_LIMIT_PENALTY at the limit;
 * - a journey longer than LONG_JOURNEY_MINUTES each way: a penalty rising by LONG_JOURNEY_PENALTY for every
 *   LONG_JOURNEY_STEP_MINUTES more (20 points at 75 minutes, the DfE's best-practice longest journey for
 *   secondary-age pupils);
 * - together never more than MAX_TRAVEL_PENALTY; otherwise no penalty.
 */
export const NEAR_LIMIT_SHARE = 0.2;
export const NEAR_LIMIT_PENALTY = 20;
export const LONG_JOURNEY_MINUTES = 45;
export const LONG_JOURNEY_STEP_MINUTES = 30;
export const LONG_JOURNEY_PENALTY = 20;
export const MAX_TRAVEL_PENALTY = 30;

export interface TravelLimit {
  maxDistanceKm: number;
  /** The longest journey each way they can manage, where the adviser has set one. */
  maxJourneyMinutes?: number | null;
}

export type LimitOutcome = 'within' | 'near' | 'beyond';

export interface LimitJudgement {
  outcome: LimitOutcome;
  ruledOut: boolean;
  /** Points to take off the match score: 0 within the limit, 0 to MAX_TRAVEL_PENALTY near it. */
  penalty: number;
  /** In words, for the card: "9 km away, near the 10 km they can travel". */
  reasons: string[];
}

function kmWords(km: number): string {
  return km < 1 ? 'less than 1 km' : `${Math.round(km * 10) / 10} km`;
}

/** Judges one way's travel (straight-line km, and minutes when known: a timetable's or an estimate's) against the limit. */
export function judgeTravelLimit(trip: { straightKm: number; minutes: number | null }, limit: TravelLimit): LimitJudgement {
  const { straightKm, minutes } = trip;
  const max = limit.maxDistanceKm;
  const reasons: string[] = [];
  if (straightKm > max) reasons.push(`${kmWords(straightKm)} away, beyond the ${max} km they can travel`);
  if (minutes !== null && limit.maxJourneyMinutes != null && minutes > limit.maxJourneyMinutes) {
    reasons.push(`about ${Math.round(minutes)} minutes each way, beyond the ${limit.maxJourneyMinutes} minutes they can travel`);
  }
  if (reasons.length > 0) return { outcome: 'beyond', ruledOut: true, penalty: 0, reasons };

  let penalty = 0;
  const nearFrom = max * (1 - NEAR_LIMIT_SHARE);
  if (max > 0 && straightKm > nearFrom) {
    penalty += Math.round((NEAR_LIMIT_PENALTY * (straightKm - nearFrom)) / (max - nearFrom));
    reasons.push(`${kmWords(straightKm)} away, near the ${max} km they can travel`);
  }
  if (minutes !== null && minutes > LONG_JOURNEY_MINUTES) {
    penalty += Math.round((LONG_JOURNEY_PENALTY * (minutes - LONG_JOURNEY_MINUTES)) / LONG_JOURNEY_STEP_MINUTES);
    reasons.push(`a long journey: about ${Math.round(minutes)} minutes each way`);
  }
  penalty = Math.min(MAX_TRAVEL_PENALTY, penalty);
  return { outcome: penalty > 0 ? 'near' : 'within', ruledOut: false, penalty, reasons };
}
