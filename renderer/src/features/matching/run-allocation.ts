import { allocateCohort, type AllocationResult } from '@shared/matching';
import { runWorkerJob } from '../../platform/worker-job';
import type { AllocateRequest } from './allocate-messages';
import { JourneyDayCache } from './journey-days';

/** On the page's thread, only where a worker cannot start. */
const pageJourneys = new JourneyDayCache();

/**
 * Allocates a cohort in a Web Worker, reporting progress from 0 to 1. If the worker cannot be started
 * (a policy or an origin refusing it), the allocation runs on the page instead, with the same result.
 */
export function runAllocation(input: AllocateRequest, onProgress: (fraction: number) => void): Promise<AllocationResult> {
  return runWorkerJob(
    {
      start: () => new Worker(new URL('./allocate.worker.ts', import.meta.url), { type: 'module' }),
      request: input,
      onPageThread: async ({ timetableDatabaseName, walking, ...request }, progress) =>
        allocateCohort({
          ...request,
          journeys: (await pageJourneys.sourceFor(timetableDatabaseName, walking)) ?? undefined,
          onProgress: progress,
        }),
      what: 'The allocation',
    },
    onProgress,
  );
}
