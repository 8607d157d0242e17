import type { CareersDeskDb } from './schema';
import { addressOf, type DatabaseAddress } from './connection';
import type { DataJob, DataJobResults } from './data-jobs';
import { runWorkerJob } from '../platform/worker-job';

/** What the data worker is sent: the job, and the database to open (its name and data key). */
export interface DataJobRequest {
  job: DataJob;
  address: DatabaseAddress;
}

/**
 * Runs a backup, restore, merge or demo load in a Web Worker (data-job-worker.ts): at a county these read,
 * seal or open, and write a million rows, which on the page's thread would freeze the window for
 * seconds (tests/bench/README.md). Progress comes back as a fraction; aborting `signal` stops the worker,
 * and the write it had open is never committed. Where a worker cannot start, the same job runs on the page.
 */
export function runDataJob<Kind extends DataJob['kind']>(
  db: CareersDeskDb,
  job: Extract<DataJob, { kind: Kind }>,
  onProgress: (fraction: number) => void = () => {},
  signal?: AbortSignal,
  /** For a job that sends a large answer in parts (an import's checked rows): each part as it comes. */
  onPart?: (part: unknown) => void,
): Promise<DataJobResults[Kind]> {
  return runWorkerJob<DataJobRequest, DataJobResults[Kind]>(
    {
      start: () => new Worker(new URL('./data-job-worker.ts', import.meta.url), { type: 'module' }),
      request: { job, address: addressOf(db) },
      // Loaded on demand, as the demo generator it holds is needed only here.
      onPageThread: async (request, progress, pageSignal, pagePart) => {
        const { runDataJobOn } = await import('./data-jobs');
        return (await runDataJobOn(db, request.job, progress, pageSignal, pagePart)) as DataJobResults[Kind];
      },
      what: 'The data job',
    },
    onProgress,
    signal,
    onPart,
  );
}
