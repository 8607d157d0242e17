// Ranks one young person's matches off the page's thread (see match-job.ts).
import { withDatabase } from '../../db/connection';
import { serveWorkerJob } from '../../app/worker-job';
import { workOutMatches, type MatchRequest } from './match-job';

serveWorkerJob((request: MatchRequest) => withDatabase(request.databaseName, (db) => workOutMatches(db, request)));
