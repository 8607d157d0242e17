import { buildDashboard, personBehind, type Dashboard, type PersonBehind } from '@shared/dashboard';
import { periodLabel, scopeCaseload, type ReturnPeriod, type ReturnScope } from '@shared/returns';
import type { School } from '@shared/model';
import type { CareersDeskDb } from '../../db/schema';
import { db as appDb } from '../../db/database';
import { addressOf, type DatabaseAddress } from '../../db/connection';
import { loadReturnSource } from '../../db/returns';
import { allDestinationEntries } from '../../db/destinations';
import { runWorkerJob } from '../../platform/worker-job';

/** What the dashboard worker is asked: the period and scope chosen, today, and the database by name. */
export interface DashboardRequest extends DatabaseAddress {
  period: ReturnPeriod;
  scope: ReturnScope;
  today: string;
}

/** What it sends back: the charts, and just enough about each young person in scope to list them. */
export interface DashboardFigures {
  dashboard: Dashboard;
  people: PersonBehind[];
  periodLabel: string;
  scopeLabel: string;
  schools: School[];
}

/** Reads every record the charts count (one read transaction, so the figures agree) and works them out. */
export async function workOutDashboard(db: CareersDeskDb, request: DashboardRequest): Promise<DashboardFigures> {
  const [source, entries] = await Promise.all([loadReturnSource(db), allDestinationEntries(db)]);
  const scoped = scopeCaseload(source, { period: request.period, scope: request.scope });
  const destinations = { pupils: source.pupils, entries, scope: request.scope };
  return {
    dashboard: buildDashboard(scoped, { period: request.period, now: request.today, destinations }),
    people: scoped.pupils.map(personBehind),
    periodLabel: periodLabel(request.period),
    scopeLabel: scoped.scopeLabel,
    schools: [...source.schools].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  };
}

/**
 * Works the dashboard out in a Web Worker: reading a county's million sessions and counting them takes
 * seconds, which on the page's thread would freeze the window (tests/bench/README.md). The database is
 * the app's, unless a test gives its own.
 */
export function runDashboardJob(
  request: Omit<DashboardRequest, keyof DatabaseAddress>,
  db: CareersDeskDb = appDb,
): Promise<DashboardFigures> {
  return runWorkerJob<DashboardRequest, DashboardFigures>({
    start: () => new Worker(new URL('./dashboard.worker.ts', import.meta.url), { type: 'module' }),
    request: { ...request, ...addressOf(db) },
    onPageThread: (full) => workOutDashboard(db, full),
    what: 'Working out the dashboard',
  });
}
