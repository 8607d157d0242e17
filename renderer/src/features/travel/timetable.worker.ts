// Reads and stores a GTFS timetable off the page's thread (see import-timetable.ts).
import { importTimetable, type TimetableImportRequest } from '../../db/timetable';
import { serveWorkerJob } from '../../platform/worker-job';

serveWorkerJob((request: TimetableImportRequest, onProgress) => importTimetable(request, onProgress));
