import { importTimetable, type TimetableImport, type TimetableImportRequest } from '../../db/timetable';
import { runWorkerJob } from '../../platform/worker-job';

/**
 * Reads a GTFS zip and stores it as the timetable, in a Web Worker: a regional feed is tens of MB of
 * CSV, which on the page's thread would freeze the window for seconds. Where a worker cannot start,
 * the same work runs on the page.
 */
export function importTimetableFile(request: TimetableImportRequest, onProgress: (fraction: number) => void): Promise<TimetableImport> {
  return runWorkerJob<TimetableImportRequest, TimetableImport>(
    {
      start: () => new Worker(new URL('./timetable.worker.ts', import.meta.url), { type: 'module' }),
      request,
      onPageThread: (same, progress) => importTimetable(same, progress),
      what: 'Reading the timetable',
    },
    onProgress,
  );
}
