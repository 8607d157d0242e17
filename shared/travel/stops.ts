/**
 * Stops in the imported timetable, as an adviser picks one: found by name, nearest to a place first,
 * and a picked stop found again in a later timetable (or not: it may have been renamed or removed).
 */
import type { TravelFeed } from './feed';
import { isUsableCoordinate, metresBetween, type TravelPoint } from './geo';
import { formatNumber } from '../numbers';

/** One stop in a search's results. */
export interface StopChoice {
  stopId: string;
  name: string;
  /** Straight-line metres from the place searched near, or null when that is not known. */
  metres: number | null;
  /** Whether any bus or train calls there: a stop nothing calls at is listed last, and says so. */
  served: boolean;
}

/** The most results a search lists: enough to choose from, few enough to read. */
export const STOP_SEARCH_LIMIT = 12;

/** Words for comparing names: lower case, without punctuation, so "st. peter's" finds "St Peters". */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Stops whose name (or stop id) contains every word typed, served stops first, then nearest to
 * `near` (when given), then by name. Empty text finds nothing.
 */
export function searchStops(
  stops: Pick<TravelFeed['stops'], 'ids' | 'names' | 'latitudes' | 'longitudes' | 'served'>,
  text: string,
  near: TravelPoint | null,
  limit = STOP_SEARCH_LIMIT,
): StopChoice[] {
  const words = comparable(text).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const found: StopChoice[] = [];
  stops.names.forEach((name, s) => {
    const id = stops.ids[s] ?? '';
    const haystack = `${comparable(name)} ${id.toLowerCase()}`;
    if (!words.every((word) => haystack.includes(word))) return;
    const latitude = stops.latitudes[s] ?? Number.NaN;
    const longitude = stops.longitudes[s] ?? Number.NaN;
    const metres =
      near && isUsableCoordinate(latitude, longitude) ? metresBetween(near.latitude, near.longitude, latitude, longitude) : null;
    found.push({ stopId: id, name, metres, served: stops.served[s] === 1 });
  });
  found.sort(
    (a, b) =>
      Number(b.served) - Number(a.served) ||
      (a.metres ?? Number.POSITIVE_INFINITY) - (b.metres ?? Number.POSITIVE_INFINITY) ||
      a.name.localeCompare(b.name, 'en-GB'),
  );
  return found.slice(0, limit);
}

const stopIndexes = new WeakMap<readonly string[], Map<string, number>>();

/** Where a picked stop is in this timetable, or null when the timetable has no such stop (or no place for it). */
export function stopPoint(feed: Pick<TravelFeed, 'stops'>, stopId: string): TravelPoint | null {
  // Looked up for every young person and employer in an allocation: a map per timetable, built once.
  let index = stopIndexes.get(feed.stops.ids);
  if (!index) {
    index = new Map(feed.stops.ids.map((id, s) => [id, s]));
    stopIndexes.set(feed.stops.ids, index);
  }
  const s = index.get(stopId);
  if (s === undefined) return null;
  const latitude = feed.stops.latitudes[s] ?? Number.NaN;
  const longitude = feed.stops.longitudes[s] ?? Number.NaN;
  return isUsableCoordinate(latitude, longitude) ? { latitude, longitude } : null;
}

/** "0.3 km" or "450 m" from a place. */
export function distanceWords(metres: number): string {
  return metres >= 1000 ? `${formatNumber(Math.round(metres / 100) / 10)} km` : `${Math.round(metres / 10) * 10} m`;
}

/** Said when a picked stop is not in the current timetable, and journeys fall back to the outcode centre. */
export function missingStopNote(name: string, outcode: string | null): string {
  const fallback = outcode ? `the ${outcode.toUpperCase()} outcode centre` : 'the outcode centre';
  return `The stop you picked, ${name}, is not in the current timetable: the journey is worked out from ${fallback}`;
}
