// Builds a return off the page's thread (see build-return.ts): its own connection to the same database.
import { CareersDeskDb } from '../../db/schema';
import { serveWorkerJob } from '../../app/worker-job';
import { buildReturnFrom, type ReturnRequest } from './build-return';

serveWorkerJob(async (request: ReturnRequest) => {
  const db = new CareersDeskDb(request.databaseName);
  try {
    return await buildReturnFrom(db, request);
  } finally {
    db.close();
  }
});
