import { pupilSchema, searchWordsFor, type Pupil } from '@shared/model';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';

export type PupilInput = Omit<Pupil, 'id' | 'createdAt' | 'updatedAt' | 'searchWords'> & { id?: string };

/**
 * Adds or updates a young person's record, with its audit entry, in one transaction.
 * The previous version of an edited record is kept in the audit entry.
 */
export async function savePupil(db: CareersDeskDb, input: PupilInput, actorId: string | null, now: Date = new Date()): Promise<Pupil> {
  return db.transaction('rw', db.pupils, db.audit, async () => {
    const existing = input.id ? await db.pupils.get(input.id) : undefined;
    const pupil = pupilSchema.parse({
      ...input,
      id: existing?.id ?? input.id ?? crypto.randomUUID(),
      createdAt: existing?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
      searchWords: searchWordsFor(input),
    });
    await db.pupils.put(pupil);
    await writeAudit(db, {
      actorId,
      action: existing ? 'update' : 'create',
      entity: 'pupil',
      recordId: pupil.id,
      pupilId: pupil.id,
      summary: existing ? 'Updated a young person\'s record' : 'Added a young person',
      before: existing,
    }, now);
    return pupil;
  });
}

export function getPupil(db: CareersDeskDb, id: string): Promise<Pupil | undefined> {
  return db.pupils.get(id);
}

/**
 * Search as you type: by UPN prefix when the text looks like one, otherwise by the prefix of
 * any name word (every word typed must match). Answered from indexes, never a table scan.
 */
export async function searchPupils(db: CareersDeskDb, text: string, limit = 50): Promise<Pupil[]> {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return db.pupils.orderBy('updatedAt').reverse().limit(limit).toArray();
  if (words.length === 1 && /^[a-z]\d{3,}/i.test(words[0]!)) {
    return db.pupils.where('upn').startsWith(words[0]!.toUpperCase()).limit(limit).toArray();
  }
  const [first, ...rest] = words;
  return db.pupils
    .where('searchWords')
    .startsWith(first!)
    .filter((pupil) => rest.every((word) => pupil.searchWords.some((w) => w.startsWith(word))))
    .distinct()
    .limit(limit)
    .toArray();
}

/**
 * Right to erasure: removes every record about the young person in one transaction, including
 * audit entries that hold earlier versions of their record, and leaves one audit entry that says
 * a record was erased, with no personal data and no link back to them.
 */
export async function erasePupil(db: CareersDeskDb, pupilId: string, actorId: string | null, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', [db.pupils, db.sessions, db.actionPlans, db.drafts, db.placements, db.audit], async () => {
    const pupil = await db.pupils.get(pupilId);
    if (!pupil) throw new Error('That young person\'s record no longer exists.');
    await db.sessions.where('pupilId').equals(pupilId).delete();
    await db.actionPlans.where('pupilId').equals(pupilId).delete();
    await db.drafts.filter((draft) => draft.pupilId === pupilId).delete();
    await db.placements.where('pupilId').equals(pupilId).delete();
    await db.audit.where('pupilId').equals(pupilId).delete();
    await db.pupils.delete(pupilId);
    await writeAudit(db, { actorId, action: 'erase', entity: 'pupil', recordId: null, pupilId: null, summary: 'Erased a young person\'s record and everything held about them (right to erasure)' }, now);
  });
}
