import { defineStore } from 'pinia';
import { db } from '../../db/database';
import { useLiveQuery } from '../../app/useLiveQuery';

export interface CaseloadCounts {
  pupils: number;
  sessions: number;
  employers: number;
  routes: number;
  schools: number;
}

const NO_COUNTS: CaseloadCounts = { pupils: 0, sessions: 0, employers: 0, routes: 0, schools: 0 };

/** Headline figures for the landing page, kept current as records change. */
export const useDashboardStore = defineStore('dashboard', () => {
  const counts = useLiveQuery(async (): Promise<CaseloadCounts> => ({
    pupils: await db.pupils.count(),
    sessions: await db.sessions.count(),
    employers: await db.employers.count(),
    routes: await db.routes.count(),
    schools: await db.schools.count(),
  }), NO_COUNTS);
  return { counts: counts.value, loading: counts.loading };
});
