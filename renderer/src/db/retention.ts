import type { Pupil } from '@shared/model';
import { isPastRetention, keepUntil, retentionReason } from '@shared/retention';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
import { removePupilsFromExperiences } from './experiences';
import { removePupilsFromAllocations } from './allocations';
import { tablesAboutYoungPeople } from './pupils';

export interface PastRetention {
  pupil: Pupil;
  keepUntil: string;
  reason: string;
}

/**
 * Young people whose records are past the retention date. The date is worked out from several
 * fields (leaving date, date of birth or school year group, last guidance), so no one index can
 * answer; this maintenance list is the one place that reads every pupil, with a cursor.
 */
export async function findPastRetention(db: CareersDeskDb, years: number, today: string): Promise<PastRetention[]> {
  const found: PastRetention[] = [];
  await db.pupils.each((pupil) => {
    if (isPastRetention(pupil, years, today)) found.push({ pupil, keepUntil: keepUntil(pupil, years), reason: retentionReason(pupil) });
  });
  return found.sort((a, b) => a.keepUntil.localeCompare(b.keepUntil) || a.pupil.legalSurname.localeCompare(b.pupil.legalSurname));
}

/**
 * Deletes the records of these young people, and everything held about them (sessions, plans,
 * drafts, workplace experiences, their lines of confirmed allocations, their destinations history, and the audit entries that
 * hold earlier versions of their record), in one transaction, leaving one audit entry with the count and no personal data. Each is checked
 * again inside the transaction: a record no longer past its date (edited since the list was
 * shown) stops the whole deletion.
 */
export async function deletePastRetention(
  db: CareersDeskDb,
  pupilIds: readonly string[],
  options: { years: number; today: string; actorId: string | null; now?: Date },
): Promise<number> {
  if (pupilIds.length === 0) return 0;
  return db.transaction('rw', tablesAboutYoungPeople(db), async () => {
    const pupils = await db.pupils.bulkGet([...pupilIds]);
    for (const [index, pupil] of pupils.entries()) {
      if (!pupil) throw new Error(`A record on the list (${pupilIds[index]}) no longer exists. Refresh the list and try again.`);
      if (!isPastRetention(pupil, options.years, options.today))
        throw new Error(
          `${pupil.legalForename} ${pupil.legalSurname}'s record is no longer past its retention date. Refresh the list and try again.`,
        );
    }
    const ids = [...pupilIds];
    await db.sessions.where('pupilId').anyOf(ids).delete();
    await db.actionPlans.where('pupilId').anyOf(ids).delete();
    const idSet = new Set(ids);
    await db.drafts.filter((draft) => idSet.has(draft.pupilId)).delete();
    await removePupilsFromExperiences(db, ids);
    await removePupilsFromAllocations(db, ids);
    await db.destinations.where('pupilId').anyOf(ids).delete();
    await db.audit.where('pupilId').anyOf(ids).delete();
    await db.pupils.bulkDelete(ids);
    await writeAudit(
      db,
      {
        actorId: options.actorId,
        action: 'retention-delete',
        entity: 'database',
        recordId: null,
        pupilId: null,
        summary:
          `Deleted ${ids.length} young people's records past the retention period ` +
          `(${options.years} years after their final academic year), with everything held about them`,
      },
      options.now,
    );
    return ids.length;
  });
}
