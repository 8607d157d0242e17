import { computed, onScopeDispose, watch, type Ref } from 'vue';
import { useDebounceFn } from '@vueuse/core';
import type { Dashboard, PersonBehind } from '@shared/dashboard';
import type { School } from '@shared/model';
import { todayIso } from '../../platform/clock';
import { useNewestAnswer } from '../../platform/use-newest-answer';
import { periodFor, scopeFor, type PeriodChoice } from './periods';
import { runDashboardJob } from './dashboard-job';
import { useRepositories } from '../../db/repositories';

export interface DashboardView {
  dashboard: Dashboard;
  /** The young people in scope, by id: what the lists behind the figures show. */
  people: ReadonlyMap<string, PersonBehind>;
  periodLabel: string;
  scopeLabel: string;
  /** Every school, by name, for the scope filter. */
  schools: School[];
}

/** Waits this long after the last change before working the figures out again. */
const DEBOUNCE_MS = 120;
/** The tables the charts count: a change to any of them means new figures. */
const COUNTED_TABLES = ['pupils', 'sessions', 'experiences', 'schools', 'advisers', 'destinations'] as const;

/**
 * The charts for the chosen period and scope, worked out in a worker (dashboard-job.ts) and again
 * whenever the records they count change, once the changes have settled (newest answer wins).
 */
export function useDashboardData(period: Ref<PeriodChoice>, scope: Ref<string>) {
  const answer = useNewestAnswer<DashboardView | null>(async () => {
    const today = todayIso();
    const figures = await runDashboardJob({ period: periodFor(period.value, today), scope: scopeFor(scope.value), today });
    return {
      dashboard: figures.dashboard,
      people: new Map(figures.people.map((person) => [person.id, person])),
      periodLabel: figures.periodLabel,
      scopeLabel: figures.scopeLabel,
      schools: figures.schools,
    };
  }, null);
  const schools = computed(() => answer.value.value?.schools ?? []);

  const refreshLater = useDebounceFn(() => void answer.refresh(), DEBOUNCE_MS);
  function later(): void {
    answer.loading.value = true;
    void refreshLater();
  }
  // The first figures come at once; later changes, of choice or of records, wait until they settle.
  void answer.refresh();
  watch([period, scope], later);
  const stop = useRepositories().onTablesChange(COUNTED_TABLES, later);
  onScopeDispose(() => {
    refreshLater.cancel();
    stop();
  });

  return { view: answer.value, working: answer.loading, schools, error: answer.error };
}
