import { onScopeDispose, shallowRef, watch, type Ref } from 'vue';
import { buildDashboard, type Dashboard } from '@shared/dashboard';
import { periodLabel, scopeCaseload, type PupilFacts, type ReturnSource } from '@shared/returns';
import type { School } from '@shared/model';
import { db } from '../../db/database';
import { useLiveQuery } from '../../app/useLiveQuery';
import { todayIso } from '../../app/today';
import { periodFor, scopeFor, type PeriodChoice } from './periods';

export interface DashboardView {
  dashboard: Dashboard;
  /** The young people in scope, by id: what the lists behind the figures show. */
  pupils: ReadonlyMap<string, PupilFacts>;
  periodLabel: string;
  scopeLabel: string;
}

/** Waits this long after the last change before working the figures out again. */
const DEBOUNCE_MS = 120;

/**
 * Every record the charts count, kept current while the dashboard is on screen, and the charts
 * worked out from them for the chosen period and scope.
 *
 * The aggregates need every row, so the tables are read whole (in one read transaction, so the
 * figures agree with each other); the work is one pass (scopeCaseload, then buildDashboard), run
 * once changes have settled rather than on every keystroke or save.
 */
export function useDashboardData(period: Ref<PeriodChoice>, scope: Ref<string>) {
  const source = useLiveQuery<ReturnSource | null>(
    () => db.transaction('r', [db.pupils, db.sessions, db.placements, db.schools, db.advisers], async () => {
      const [pupils, sessions, placements, schools, advisers] = await Promise.all([
        db.pupils.toArray(), db.sessions.toArray(), db.placements.toArray(), db.schools.toArray(), db.advisers.toArray(),
      ]);
      return { pupils, sessions, placements, schools, advisers };
    }),
    null,
  );

  const view = shallowRef<DashboardView | null>(null);
  const working = shallowRef(true);
  const schools = shallowRef<School[]>([]);

  function compute(): void {
    const data = source.value.value;
    if (!data) return;
    const today = todayIso();
    const chosen = periodFor(period.value, today);
    const scoped = scopeCaseload(data, { period: chosen, scope: scopeFor(scope.value), now: today });
    view.value = {
      dashboard: buildDashboard(scoped, { period: chosen, now: today }),
      pupils: new Map(scoped.pupils.map((facts) => [facts.pupil.id, facts])),
      periodLabel: periodLabel(chosen),
      scopeLabel: scoped.scopeLabel,
    };
    schools.value = [...data.schools].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    working.value = false;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  watch([source.value, period, scope], () => {
    clearTimeout(timer);
    if (!source.value.value) return;
    working.value = true;
    // The first figures come at once; later changes wait until they settle.
    if (view.value === null) compute();
    else timer = setTimeout(compute, DEBOUNCE_MS);
  }, { immediate: true });
  onScopeDispose(() => clearTimeout(timer));

  return { view, working, schools, error: source.error };
}
