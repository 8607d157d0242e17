// Ranks young people's matches off the page's thread, keeping the prepared directory between jobs (see match-job.ts).
import { withDatabase } from '../../db/connection';
import { serveWorkerJob } from '../../platform/worker-job';
import { MatchDirectoryCache, type MatchRequest } from './match-job';

const directory = new MatchDirectoryCache();
serveWorkerJob((request: MatchRequest) => withDatabase(request, (db) => directory.workOut(db, request)));
