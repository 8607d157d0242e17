import type { ReturnSource } from '@shared/returns';
import type { CareersDeskDb } from './schema';
import { recordAudit } from './audit';
import { getSetting } from './settings';

/** Every record a return counts. Aggregates need every row, so whole tables are read here, once. */
export async function loadReturnSource(db: CareersDeskDb): Promise<ReturnSource> {
  return db.transaction('r', [db.pupils, db.sessions, db.experiences, db.schools, db.advisers, db.settings], async () => {
    const [pupils, sessions, experiences, schools, advisers, weeksWorth] = await Promise.all([
      db.pupils.toArray(),
      db.sessions.toArray(),
      db.experiences.toArray(),
      db.schools.toArray(),
      db.advisers.toArray(),
      getSetting(db, 'weeksWorth'),
    ]);
    return { pupils, sessions, experiences, schools, advisers, ...(weeksWorth ? { weeksWorth } : {}) };
  });
}

/** Records what left the machine: which return, its scope, period and threshold; never its figures. */
export async function auditReturnExport(db: CareersDeskDb, summary: string, actorId: string | null): Promise<void> {
  await recordAudit(db, { actorId, action: 'export', entity: 'return', recordId: null, pupilId: null, summary });
}
