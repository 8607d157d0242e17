import type { Collection, InsertType } from 'dexie';
import { pupilSchema, searchWordsFor, type Pupil } from '@shared/model';
import { sortPupils, emptyPupilFilters, looksLikeUpn, matchesFilters, searchWordsOf, type PupilFilters, type PupilSort } from '@shared/pupils/list';
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
 * The pupil list: the most selective index answers first (name-word or UPN prefix, then school,
 * year group, district or risk band), and only that subset is checked against the other filters.
 */
export async function findPupils(db: CareersDeskDb, filters: PupilFilters, sort: PupilSort = 'name'): Promise<Pupil[]> {
  const text = filters.text.trim();
  let candidates: Collection<Pupil, string, InsertType<Pupil, 'id'>>;
  if (text !== '' && looksLikeUpn(text)) candidates = db.pupils.where('upn').startsWith(text.toUpperCase());
  else if (text !== '') candidates = db.pupils.where('searchWords').startsWith(searchWordsOf(text)[0] ?? '');
  else if (filters.schoolId) candidates = db.pupils.where('schoolId').equals(filters.schoolId);
  else if (filters.yearGroup !== null) candidates = db.pupils.where('yearGroup').equals(filters.yearGroup);
  else if (filters.district) candidates = db.pupils.where('district').equals(filters.district);
  else if (filters.riskBand) candidates = db.pupils.where('riskBand').equals(filters.riskBand);
  else candidates = db.pupils.toCollection();
  // One bulk read, then filter in memory: a cursor with .filter() walks the matches one at a time.
  // The name-word index can list a pupil once per matching word, hence the de-duplication.
  const seen = new Set<string>();
  const rows = (await candidates.toArray()).filter((pupil) => !seen.has(pupil.id) && seen.add(pupil.id) && matchesFilters(pupil, filters));
  return sortPupils(rows, sort);
}

/** Search as you type, for pickers: the first matches by name-word or UPN prefix. */
export async function searchPupils(db: CareersDeskDb, text: string, limit = 50): Promise<Pupil[]> {
  return (await findPupils(db, { ...emptyPupilFilters(), text })).slice(0, limit);
}

/**
 * Subject access request: everything held about one young person, as one JSON document.
 * Audit entries are included because they record what was done with the record.
 */
export async function everythingHeldAbout(db: CareersDeskDb, pupilId: string, now: Date = new Date()): Promise<Record<string, unknown>> {
  return db.transaction('r', [db.pupils, db.sessions, db.actionPlans, db.drafts, db.placements, db.audit, db.schools], async () => {
    const pupil = await db.pupils.get(pupilId);
    if (!pupil) throw new Error('That young person\'s record no longer exists.');
    return {
      producedAt: now.toISOString(),
      about: 'Everything Careers Desk holds about this young person on this computer.',
      pupil,
      school: pupil.schoolId ? await db.schools.get(pupil.schoolId) : null,
      guidanceSessions: await db.sessions.where('pupilId').equals(pupilId).toArray(),
      actionPlans: await db.actionPlans.where('pupilId').equals(pupilId).toArray(),
      placements: await db.placements.where('pupilId').equals(pupilId).toArray(),
      unsavedDrafts: await db.drafts.filter((d) => d.pupilId === pupilId).toArray(),
      auditTrail: await db.audit.where('pupilId').equals(pupilId).toArray(),
    };
  });
}

/** Records that a subject access export was made, without copying what it held. */
export async function auditSubjectAccessExport(db: CareersDeskDb, pupilId: string, actorId: string | null): Promise<void> {
  await db.transaction('rw', db.audit, () => writeAudit(db, { actorId, action: 'export', entity: 'pupil', recordId: pupilId, pupilId, summary: 'Exported everything held about a young person (subject access request)' }));
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
