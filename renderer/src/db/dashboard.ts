import type { CareersDeskDb } from './schema';

export interface CaseloadCounts {
  pupils: number;
  sessions: number;
  employers: number;
  routes: number;
  schools: number;
}

/** The landing page's headline figures: how many of each record are kept. */
export async function countCaseload(db: CareersDeskDb): Promise<CaseloadCounts> {
  return {
    pupils: await db.pupils.count(),
    sessions: await db.sessions.count(),
    employers: await db.employers.count(),
    routes: await db.routes.count(),
    schools: await db.schools.count(),
  };
}
