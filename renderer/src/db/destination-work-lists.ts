// The destinations work lists: every young person and the whole history read once, and the rules of
// shared/destinations/work-lists applied to them, with each row's school named for the page.
import { destinationWorkLists, type DestinationWorkLists } from '@shared/destinations';
import type { CareersDeskDb } from './schema';

/** The tables the lists read: a change to any of them brings the lists up to date. */
export const DESTINATION_WORK_LIST_TABLES = ['pupils', 'destinations', 'schools'] as const;

export interface LoadedDestinationWorkLists extends DestinationWorkLists {
  /** School names by id, for the rows' school column. */
  schoolNames: Record<string, string>;
}

export async function loadDestinationWorkLists(db: CareersDeskDb, today: string): Promise<LoadedDestinationWorkLists> {
  return db.transaction('r', [db.pupils, db.destinations, db.schools], async () => {
    const [pupils, entries, schools] = await Promise.all([db.pupils.toArray(), db.destinations.toArray(), db.schools.toArray()]);
    return {
      ...destinationWorkLists(pupils, entries, today),
      schoolNames: Object.fromEntries(schools.map((school) => [school.id, school.name])),
    };
  });
}
