import { localIsoDate } from '@shared/sessions';

/**
 * Where the renderer reads the time. Given to the repositories and to whatever else needs "now", so a
 * test can fix the day instead of depending on when it runs.
 */
export interface Clock {
  /** This instant. */
  now(): Date;
  /** Today's date on this machine's clock, as ISO text: the `today` every shared rule is given. */
  today(): string;
}

/** Today's date on this machine's clock, as ISO text (local time, not UTC). */
export function todayIso(now: Date = new Date()): string {
  return localIsoDate(now);
}

/** This instant as ISO text in local time, without a zone ("2026-11-24T10:30:00"): what PDFs print as their date. */
export function localIsoDateTime(now: Date = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
}

/** The computer's own clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  today: () => todayIso(),
};

/** A clock stopped at one instant, for tests and benchmarks. */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at), today: () => todayIso(at) };
}
