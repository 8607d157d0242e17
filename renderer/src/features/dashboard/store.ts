import { defineStore } from 'pinia';
import { ref } from 'vue';
import { db } from '../../db/database';
import { useLiveQuery } from '../../platform/use-live-query';
import type { PeriodChoice } from './periods';

export interface CaseloadCounts {
  pupils: number;
  sessions: number;
  employers: number;
  routes: number;
  schools: number;
}

const NO_COUNTS: CaseloadCounts = { pupils: 0, sessions: 0, employers: 0, routes: 0, schools: 0 };

/**
 * Headline figures for the landing page, kept current as records change, and the period and scope
 * the coordinator chose for the charts (kept here so coming back to the page shows the same view).
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const counts = useLiveQuery(async (): Promise<CaseloadCounts> => ({
    pupils: await db.pupils.count(),
    sessions: await db.sessions.count(),
    employers: await db.employers.count(),
    routes: await db.routes.count(),
    schools: await db.schools.count(),
  }), NO_COUNTS);
  const period = ref<PeriodChoice>('this-year');
  /** 'all', 'home-educated' or 'school:<id>'. */
  const scope = ref<string>('all');
  return { counts: counts.value, loading: counts.loading, period, scope };
});
