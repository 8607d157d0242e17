import { matchPupil, type DateRange, type PupilMatches } from '@shared/matching';
import type { CareersDeskDb } from '../../db/schema';
import { loadMatchData } from '../../db/matching';
import { runWorkerJob } from '../../app/worker-job';

/** Whose matches to work out, for which period, and the database to open by name. */
export interface MatchRequest {
  databaseName: string;
  pupilId: string;
  today: string;
  period: DateRange | null;
}

/** Reads every employer, route and place held, and ranks them for the young person; null when they are gone. */
export async function workOutMatches(db: CareersDeskDb, request: MatchRequest): Promise<PupilMatches | null> {
  const data = await loadMatchData(db, request.pupilId);
  return data ? matchPupil(data.pupil, { ...data, today: request.today, period: request.period ?? undefined }) : null;
}

/**
 * Ranks in a Web Worker: against a county's 16,000 offer periods and routes one pupil takes about
 * 340 ms (tests/bench/README.md), which on the page's thread would freeze the window.
 */
export function runMatchJob(db: CareersDeskDb, request: Omit<MatchRequest, 'databaseName'>): Promise<PupilMatches | null> {
  return runWorkerJob<MatchRequest, PupilMatches | null>({
    start: () => new Worker(new URL('./match.worker.ts', import.meta.url), { type: 'module' }),
    request: { ...request, databaseName: db.name },
    onPageThread: (full) => workOutMatches(db, full),
    what: 'Matching',
  });
}
