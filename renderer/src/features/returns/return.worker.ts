// Builds a return off the page's thread (see build-return.ts): its own connection to the same database.
import { withDatabase } from '../../db/connection';
import { serveWorkerJob } from '../../platform/worker-job';
import { buildReturnFrom, type ReturnRequest } from './build-return';

serveWorkerJob((request: ReturnRequest) => withDatabase(request, (db) => buildReturnFrom(db, request)));
