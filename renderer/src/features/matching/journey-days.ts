import type { JourneySource } from '@shared/matching';
import type { WalkingSettings } from '@shared/model';
import { prepareTravelDay, type TravelDay, type TravelFeed } from '@shared/travel';
import { readTimetableUnlessHeld, timetableKey } from '../../db/timetable';

/** How many dates' prepared timetables are kept: a county's is a few MB each. */
const DAYS_KEPT = 14;

/**
 * Keeps the imported timetable and each date's prepared timetable (shared/travel prepareTravelDay)
 * between jobs, so that the next young person's journeys are one scan per date. The feed is read
 * again only when another has been imported.
 */
export class JourneyDayCache {
  private held: { key: string; feed: TravelFeed; days: Map<string, TravelDay> } | null = null;

  /** The timetable to plan with, or null when none is imported. */
  async sourceFor(timetableDatabase: string, walking?: WalkingSettings): Promise<JourneySource | null> {
    const read = await readTimetableUnlessHeld(timetableDatabase, this.held?.key ?? null);
    if (!read) {
      this.held = null;
      return null;
    }
    const key = timetableKey(read.info);
    if (read.feed) this.held = { key, feed: read.feed, days: new Map() };
    const held = this.held;
    if (!held || held.key !== key) return null;
    return {
      walking,
      feed: held.feed,
      dayFor: (date) => {
        let day = held.days.get(date);
        if (!day) {
          day = prepareTravelDay(held.feed, date);
          held.days.set(date, day);
          // Let go of the date prepared first (Maps keep insertion order): a job's dates are few and close together.
          if (held.days.size > DAYS_KEPT) held.days.delete(held.days.keys().next().value ?? date);
        }
        return day;
      },
    };
  }
}
