import { matchPupil, prepareMatchDirectory, type DateRange, type PreparedMatchDirectory, type PupilMatches } from '@shared/matching';
import type { CareersDeskDb } from '../../db/schema';
import { db as appDb } from '../../db/database';
import { addressOf, type DatabaseAddress } from '../../db/connection';
import { loadMatchData, loadMatchDirectory } from '../../db/matching';
import { onTablesChange } from '../../db/changes';
import { getPupil } from '../../db/pupils';
import { getSetting } from '../../db/settings';
import { timetableDatabaseName } from '../../db/name';
import { JourneyDayCache } from './journey-days';
import { JobWorker } from '../../platform/worker-job';

/** Whose matches to work out, for which period, and the database to open by name. */
export interface MatchRequest extends DatabaseAddress {
  /** The imported timetable's own database (db/timetable.ts), opened by the job to plan journeys. */
  timetableDatabaseName: string;
  pupilId: string;
  today: string;
  period: DateRange | null;
  /**
   * Counts the committed changes to the directory's tables this page has heard of: a prepared directory
   * is reused only for the same count, so no job ranks against records that have since changed.
   */
  directoryVersion: number;
}

/** The tables a prepared directory is made from (matchPupil reads the pupil besides). */
export const DIRECTORY_TABLES = ['employers', 'routes', 'providers', 'experiences'] as const;

/**
 * Keeps the last prepared directory (shared/matching prepareMatchDirectory: places left, safety checks,
 * routes with their campuses), so that ranking the next young person reads and weighs only them.
 */
export class MatchDirectoryCache {
  private last: { key: string; prepared: PreparedMatchDirectory } | null = null;
  private readonly journeys = new JourneyDayCache();

  async workOut(db: CareersDeskDb, request: MatchRequest): Promise<PupilMatches | null> {
    const key = JSON.stringify([request.databaseName, request.today, request.period, request.directoryVersion]);
    // Held locally: jobs overlap, and another may replace the kept directory while this one reads the pupil.
    let prepared = this.last?.key === key ? this.last.prepared : null;
    if (!prepared) {
      const directory = await loadMatchDirectory(db);
      prepared = prepareMatchDirectory({ ...directory, today: request.today, period: request.period ?? undefined });
      this.last = { key, prepared };
    }
    const pupil = await getPupil(db, request.pupilId);
    if (!pupil) return null;
    const journeys = await this.journeys.sourceFor(request.timetableDatabaseName, await getSetting(db, 'walking'));
    return matchPupil(pupil, { prepared }, journeys ?? undefined);
  }
}

/** On the page's thread, only where a worker cannot start: the timetable kept there instead. */
const pageJourneys = new JourneyDayCache();

/** Reads every employer, route and place held, and ranks them for the young person; null when they are gone. */
export async function workOutMatches(db: CareersDeskDb, request: Omit<MatchRequest, 'directoryVersion'>): Promise<PupilMatches | null> {
  const data = await loadMatchData(db, request.pupilId);
  if (!data) return null;
  const journeys = await pageJourneys.sourceFor(request.timetableDatabaseName, await getSetting(db, 'walking'));
  return matchPupil(data.pupil, { ...data, today: request.today, period: request.period ?? undefined }, journeys ?? undefined);
}

/** One kept matching worker and its count of directory changes, for each database the page ranks from. */
const workers = new Map<string, { worker: JobWorker<MatchRequest, PupilMatches | null>; version: number }>();

function workerFor(db: CareersDeskDb) {
  let entry = workers.get(db.name);
  if (!entry) {
    const created = {
      version: 0,
      worker: new JobWorker<MatchRequest, PupilMatches | null>({
        start: () => new Worker(new URL('./match.worker.ts', import.meta.url), { type: 'module' }),
        onPageThread: (request) => workOutMatches(db, request),
        what: 'Matching',
        // Kept while the adviser goes from one young person's matches to the next; let go when they have moved on.
        stopWhenIdleMs: 5 * 60_000,
      }),
    };
    // Heard in this window for changes made here or in another window (Dexie's storagemutated event).
    onTablesChange(db, DIRECTORY_TABLES, () => {
      created.version += 1;
    });
    workers.set(db.name, created);
    entry = created;
  }
  return entry;
}

/**
 * Ranks in a Web Worker kept for the purpose: against a county's 16,000 offer periods and routes one
 * pupil takes about 340 ms from scratch (tests/bench/README.md), which on the page's thread would freeze
 * the window; with the directory prepared by the job before, about a tenth of that. The database is the
 * app's, unless a test gives its own.
 */
export function runMatchJob(
  request: Omit<MatchRequest, keyof DatabaseAddress | 'timetableDatabaseName' | 'directoryVersion'>,
  db: CareersDeskDb = appDb,
): Promise<PupilMatches | null> {
  const { worker, version } = workerFor(db);
  return worker.run({
    ...request,
    ...addressOf(db),
    timetableDatabaseName: timetableDatabaseName(db.name),
    directoryVersion: version,
  });
}
