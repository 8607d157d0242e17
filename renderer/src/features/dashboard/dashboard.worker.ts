// Works the dashboard's figures out off the page's thread (see dashboard-job.ts).
import { withDatabase } from '../../db/connection';
import { serveWorkerJob } from '../../platform/worker-job';
import { workOutDashboard, type DashboardRequest } from './dashboard-job';

serveWorkerJob((request: DashboardRequest) => withDatabase(request, (db) => workOutDashboard(db, request)));
