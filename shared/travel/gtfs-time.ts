/**
 * Times and dates as GTFS writes them. A time of day counts from noon minus 12 hours of the service
 * day, so it may pass 24:00:00: "25:10:00" is 01:10 the next morning on a trip that began the day
 * before, and is valid. Inside the planner times are seconds since the service day's midnight;
 * dates are day numbers (days since 1970-01-01), so that they fit in typed arrays.
 */
import { isRealDate, isoDateParts } from '../dates';

const GTFS_TIME = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/;
const GTFS_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_MS = 86_400_000;
export const SECONDS_PER_DAY = 86_400;

/** Seconds since midnight of the service day, or null when it is not H:MM:SS (hours may pass 24). */
export function parseGtfsTime(text: string): number | null {
  const match = GTFS_TIME.exec(text);
  if (!match) return null;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/**
 * "08:05" for 29,100 seconds; past midnight it reads as the clock does: 25:10:00 is "01:10". Seconds
 * are dropped ('down', for a time to leave by) or made a whole minute ('up', for a time of arrival).
 */
export function clockTime(seconds: number, round: 'down' | 'up' = 'down'): string {
  const whole = round === 'up' ? Math.ceil(seconds / 60) * 60 : seconds;
  const minutes = Math.floor((((whole % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY) / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Seconds since midnight of "08:50" or "8:50" (what advisers type for a start or end time), or null. */
export function parseClockTime(text: string): number | null {
  const match = /^\s*(\d{1,2}):([0-5]\d)\s*$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  return hours < 24 ? hours * 3600 + Number(match[2]) * 60 : null;
}

/** The day number of a GTFS date (20261123), or null when it is not a real YYYYMMDD date. */
export function parseGtfsDate(text: string): number | null {
  const match = GTFS_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? Date.UTC(year, month - 1, day) / DAY_MS : null;
}

/** The day number of an ISO date (2026-11-23). */
export function dayNumberOf(isoDate: string): number {
  const { year, month, day } = isoDateParts(isoDate);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The ISO date of a day number. */
export function isoDateOfDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Monday 0 to Sunday 6, as calendar.txt lists its columns. Day 0 (1 January 1970) was a Thursday. */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}
