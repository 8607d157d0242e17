// Backup, restore, merge and the demo load off the page's thread (see data-job-runner.ts): its own
// connection to the same database, sealed with the same key, and its own garbage collections.
import { withDatabase } from './connection';
import { serveWorkerJob } from '../platform/worker-job';
import { runDataJobOn } from './data-jobs';
import type { DataJobRequest } from './data-job-runner';
import { nextTask } from '../platform/next-task';

serveWorkerJob(async (request: DataJobRequest, onProgress, onPart) => {
  const result = await withDatabase(request.address, (db) => runDataJobOn(db, request.job, onProgress, undefined, onPart));
  // Dexie tells other windows and this page of the commit on a BroadcastChannel: one turn lets that
  // message go before the page stops this worker.
  await nextTask();
  return result;
});
