// Runs the cohort allocation (shared/matching allocateCohort) off the page's thread, so a large year
// group does not freeze the window; progress is posted back as it goes.
import { allocateCohort } from '@shared/matching';
import { serveWorkerJob } from '../../platform/worker-job';
import type { AllocateRequest } from './allocate-messages';

serveWorkerJob((request: AllocateRequest, onProgress) => allocateCohort({ ...request, onProgress }));
