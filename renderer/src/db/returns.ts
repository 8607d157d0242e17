import type { ReturnSource } from '@shared/returns';
import type { CareersDeskDb } from './schema';
import { recordAudit } from './audit';

/** Every record a return counts. Aggregates need every row, so whole tables are read here, once. */
export async function loadReturnSource(db: CareersDeskDb): Promise<ReturnSource> {
  return db.transaction('r', [db.pupils, db.sessions, db.experiences, db.schools, db.advisers], async () => {
    const [pupils, sessions, experiences, schools, advisers] = await Promise.all([
      db.pupils.toArray(),
      db.sessions.toArray(),
      db.experiences.toArray(),
      db.schools.toArray(),
      db.advisers.toArray(),
    ]);
    return { pupils, sessions, experiences, schools, advisers };
  });
}

/** Records what left the machine: which return, its scope, period and threshold; never its figures. */
export async function auditReturnExport(db: CareersDeskDb, summary: string, actorId: string | null): Promise<void> {
  await recordAudit(db, { actorId, action: 'export', entity: 'return', recordId: null, pupilId: null, summary });
}
