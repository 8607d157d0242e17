import {
  buildAggregateReturnWithSummary,
  buildPseudonymisedExtract,
  type AggregateReturn,
  type ExtractOptions,
  type PupilExtract,
  type ReturnOptions,
} from '@shared/returns';
import type { CareersDeskDb } from '../../db/schema';
import { db as appDb } from '../../db/database';
import { addressOf, type DatabaseAddress } from '../../db/connection';
import { loadReturnSource } from '../../db/returns';
import { runWorkerJob } from '../../platform/worker-job';

/** Which return to build, as plain data a worker can be sent. */
export type ReturnJob = { kind: 'aggregate'; options: ReturnOptions } | { kind: 'extract'; options: ExtractOptions; recipientKey: string };

/** What the worker is sent: the job, and the database to open (its name and key). */
export type ReturnRequest = ReturnJob & DatabaseAddress;

/** Reads the whole caseload and builds the return (shared/returns): the work the worker does. */
export async function buildReturnFrom(db: CareersDeskDb, request: ReturnRequest): Promise<AggregateReturn | PupilExtract> {
  const source = await loadReturnSource(db);
  return request.kind === 'aggregate'
    ? // With last year's headline figures beside this period's (the summary).
      buildAggregateReturnWithSummary(source, request.options)
    : buildPseudonymisedExtract(source, request.options, request.recipientKey);
}

/**
 * Builds a return in a Web Worker: over a county's caseload reading and counting takes seconds
 * (tests/bench/README.md), which on the page's thread would freeze the window. Where a worker cannot
 * start, the same work runs on the page with the page's own database connection (the app's, unless a
 * test gives its own).
 */
export function buildReturn(job: ReturnJob, db: CareersDeskDb = appDb): Promise<AggregateReturn | PupilExtract> {
  return runWorkerJob<ReturnRequest, AggregateReturn | PupilExtract>({
    start: () => new Worker(new URL('./return.worker.ts', import.meta.url), { type: 'module' }),
    request: { ...job, ...addressOf(db) },
    onPageThread: (full) => buildReturnFrom(db, full),
    what: 'Building the return',
  });
}
