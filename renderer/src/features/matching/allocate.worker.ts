// Runs the cohort allocation (shared/matching allocateCohort) off the page's thread, so a large year
// group does not freeze the window; progress is posted back as it goes. The imported timetable is read
// here (kept between runs) so that each line's journey is planned off the page too.
import { allocateCohort } from '@shared/matching';
import { serveWorkerJob } from '../../platform/worker-job';
import type { AllocateRequest } from './allocate-messages';
import { JourneyDayCache } from './journey-days';

const journeys = new JourneyDayCache();
serveWorkerJob(async ({ timetableDatabaseName, walking, ...request }: AllocateRequest, onProgress) =>
  allocateCohort({ ...request, journeys: (await journeys.sourceFor(timetableDatabaseName, walking)) ?? undefined, onProgress }),
);
