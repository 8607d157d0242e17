import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CaseloadCounts } from '../../db/dashboard';
import { useLiveQuery } from '../../db/use-live-query';
import type { PeriodChoice } from './periods';
import { useRepositories } from '../../db/repositories';

export type { CaseloadCounts };

const NO_COUNTS: CaseloadCounts = { pupils: 0, sessions: 0, employers: 0, routes: 0, schools: 0 };

/**
 * Headline figures for the landing page, kept current as records change, and the period and scope
 * the coordinator chose for the charts (kept here so coming back to the page shows the same view).
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const repos = useRepositories();
  const counts = useLiveQuery(() => repos.dashboard.counts(), NO_COUNTS);
  const period = ref<PeriodChoice>('this-year');
  /** 'all', 'home-educated' or 'school:<id>'. */
  const scope = ref<string>('all');
  return { counts: counts.value, loading: counts.loading, period, scope };
});
