import {
  pupilSchema,
  searchWordsFor,
  type ActionPlan,
  type Adviser,
  type CheckedSave,
  type Employer,
  type GuidanceSession,
  type Placement,
  type Pupil,
  type School,
  type WeeksWorth,
  type WorkplaceExperience,
} from '@shared/model';
import { DEFAULT_WEEKS_WORTH, placementsOf } from '@shared/experiences';
import type { RiskWeights } from '@shared/risk';
import { emptyPupilFilters, type PupilFilters, type PupilSort } from '@shared/pupils/list';
import type { CareersDeskDb } from './schema';
import { recordAudit, writeAudit } from './audit';
import { putAudited, changedSinceOpened, stampsFor } from './audited-save';
import { getSetting } from './settings';
import { findInPupilList } from './pupil-list';
import { listSessionsForPupil } from './sessions';
import { listPlansForPupil } from './action-plans';
import { experiencesHeldAbout, listExperiencesForPupil, removePupilsFromExperiences } from './experiences';
import { allocationsHeldAbout, removePupilsFromAllocations } from './allocations';

export type PupilInput = Omit<Pupil, 'id' | 'createdAt' | 'updatedAt' | 'searchWords'> & { id?: string };

/**
 * Adds or updates a young person's record, with its audit entry, in one transaction.
 * The previous version of an edited record is kept in the audit entry.
 */
export async function savePupil(db: CareersDeskDb, input: PupilInput, actorId: string | null, now: Date = new Date()): Promise<Pupil> {
  return db.transaction('rw', [db.pupils, db.audit, db.settings], async () => writePupil(db, input, actorId, now));
}

/** savePupil's writes, inside a transaction over pupils, audit and settings. */
async function writePupil(db: CareersDeskDb, input: PupilInput, actorId: string | null, now: Date): Promise<Pupil> {
  const existing = input.id ? await db.pupils.get(input.id) : undefined;
  // A form left open in another window must not bring back a young person erased meanwhile.
  if (!existing && input.id && (await wasErased(db, input.id))) throw new Error(ERASED_RECORD_MESSAGE);
  const pupil = pupilSchema.parse({ ...input, ...stampsFor(existing, input.id, now), searchWords: searchWordsFor(input) });
  return putAudited(
    db,
    db.pupils,
    pupil,
    {
      actorId,
      entity: 'pupil',
      pupilId: pupil.id,
      existing,
      summary: (added) => (added ? 'Added a young person' : "Updated a young person's record"),
    },
    now,
  );
}

/**
 * The form's save: as savePupil, unless the record changed elsewhere since the form opened the version
 * `opened` (its updatedAt; null for a new record). Then nothing is written and the stored record is answered.
 */
export function savePupilUnlessChanged(
  db: CareersDeskDb,
  input: PupilInput,
  opened: string | null,
  actorId: string | null,
  now: Date = new Date(),
): Promise<CheckedSave<Pupil>> {
  return db.transaction('rw', [db.pupils, db.audit, db.settings], async () => {
    const conflict = await changedSinceOpened(db.pupils, input.id, opened);
    return conflict ?? { ok: true, value: await writePupil(db, input, actorId, now) };
  });
}

export function getPupil(db: CareersDeskDb, id: string): Promise<Pupil | undefined> {
  return db.pupils.get(id);
}

/**
 * The pupil list: every young person who meets the filters, sorted. Answered from the in-memory
 * name index (pupil-list.ts), which follows every committed change, so a keystroke reads nothing.
 */
export function findPupils(db: CareersDeskDb, filters: PupilFilters, sort: PupilSort, today: string): Promise<Pupil[]> {
  return findInPupilList(db, filters, sort, today);
}

/** Search as you type, for pickers: the first matches by name-word or UPN prefix. */
export async function searchPupils(db: CareersDeskDb, text: string, today: string, limit = 50): Promise<Pupil[]> {
  return (await findPupils(db, { ...emptyPupilFilters(), text }, 'name', today)).slice(0, limit);
}

/** Every table that holds records about young people: what erasure, retention and subject access reach. */
export function tablesAboutYoungPeople(db: CareersDeskDb) {
  return [db.pupils, db.sessions, db.actionPlans, db.drafts, db.experiences, db.allocations, db.destinations, db.audit];
}

/**
 * Subject access request: everything held about one young person, as one JSON document.
 * Audit entries are included because they record what was done with the record.
 */
export async function everythingHeldAbout(db: CareersDeskDb, pupilId: string, now: Date = new Date()): Promise<Record<string, unknown>> {
  return db.transaction('r', [...tablesAboutYoungPeople(db), db.schools], async () => {
    const pupil = await db.pupils.get(pupilId);
    if (!pupil) throw new Error("That young person's record no longer exists.");
    return {
      producedAt: now.toISOString(),
      about: 'Everything Careers Desk holds about this young person on this computer.',
      pupil,
      school: pupil.schoolId ? await db.schools.get(pupil.schoolId) : null,
      guidanceSessions: await db.sessions.where('pupilId').equals(pupilId).toArray(),
      actionPlans: await db.actionPlans.where('pupilId').equals(pupilId).toArray(),
      workplaceExperiences: await experiencesHeldAbout(db, pupilId),
      confirmedAllocations: await allocationsHeldAbout(db, pupilId),
      destinationsHistory: await db.destinations.where('pupilId').equals(pupilId).sortBy('recordedOn'),
      unsavedDrafts: await db.drafts.filter((d) => d.pupilId === pupilId).toArray(),
      auditTrail: await db.audit.where('pupilId').equals(pupilId).toArray(),
    };
  });
}

/** Records that a subject access export was made, without copying what it held. */
export async function auditSubjectAccessExport(db: CareersDeskDb, pupilId: string, actorId: string | null): Promise<void> {
  await recordAudit(db, {
    actorId,
    action: 'export',
    entity: 'pupil',
    recordId: pupilId,
    pupilId,
    summary: 'Exported everything held about a young person (subject access request)',
  });
}

/**
 * Right to erasure: removes every record about the young person in one transaction, including
 * audit entries that hold earlier versions of their record, and leaves one audit entry that says
 * a record was erased, with no personal data and no link back to them. Their id alone is kept in
 * the `erasedPupilIds` setting, so that a merge or a restore of an older backup cannot bring them back.
 */
export async function erasePupil(db: CareersDeskDb, pupilId: string, actorId: string | null, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', [...tablesAboutYoungPeople(db), db.settings], async () => {
    const pupil = await db.pupils.get(pupilId);
    if (!pupil) throw new Error("That young person's record no longer exists.");
    await removeEverythingAbout(db, pupilId);
    const erased = (await getSetting(db, 'erasedPupilIds')) ?? [];
    await db.settings.put({ key: 'erasedPupilIds', value: [...new Set([...erased, pupilId])] });
    await writeAudit(
      db,
      {
        actorId,
        action: 'erase',
        entity: 'pupil',
        recordId: null,
        pupilId: null,
        summary: "Erased a young person's record and everything held about them (right to erasure)",
      },
      now,
    );
  });
}

/** The words for a write refused because the young person was erased on this computer. */
export const ERASED_RECORD_MESSAGE =
  "This young person's record was erased on this computer (right to erasure), so it cannot be saved again. Nothing was saved.";

/** Whether the young person was erased on this computer. Read inside a transaction over settings. */
export async function wasErased(db: CareersDeskDb, pupilId: string): Promise<boolean> {
  return ((await getSetting(db, 'erasedPupilIds')) ?? []).includes(pupilId);
}

/**
 * Deletes the young person and every record about them. Call inside a transaction over pupils,
 * sessions, action plans, drafts, experiences, allocations, destinations and audit.
 */
export async function removeEverythingAbout(db: CareersDeskDb, pupilId: string): Promise<void> {
  await db.sessions.where('pupilId').equals(pupilId).delete();
  await db.actionPlans.where('pupilId').equals(pupilId).delete();
  await db.drafts.filter((draft) => draft.pupilId === pupilId).delete();
  await removePupilsFromExperiences(db, [pupilId]);
  await removePupilsFromAllocations(db, [pupilId]);
  await db.destinations.where('pupilId').equals(pupilId).delete();
  await db.audit.where('pupilId').equals(pupilId).delete();
  await db.pupils.delete(pupilId);
}

/** The young people with these ids that are still recorded, in the order asked. */
export async function getPupils(db: CareersDeskDb, ids: readonly string[]): Promise<Pupil[]> {
  return (await db.pupils.bulkGet([...ids])).filter((pupil) => pupil !== undefined);
}

export interface PupilRecord {
  pupil: Pupil;
  sessions: GuidanceSession[];
  plans: ActionPlan[];
  /** Every workplace experience they took part in, work placements among them. */
  experiences: WorkplaceExperience[];
  /** Their work placements, as the placement workflow sees them. */
  placements: Placement[];
  school: School | null;
  weeksWorth: WeeksWorth;
  riskWeights: Partial<RiskWeights>;
  advisers: Adviser[];
  employers: Employer[];
}

/** Everything the pupil page shows about one young person, or null when they are not recorded. */
export async function loadPupilRecord(db: CareersDeskDb, pupilId: string): Promise<PupilRecord | null> {
  const pupil = await db.pupils.get(pupilId);
  if (!pupil) return null;
  const [sessions, plans, experiences, school, riskWeights, advisers, weeksWorth] = await Promise.all([
    listSessionsForPupil(db, pupil.id),
    listPlansForPupil(db, pupil.id),
    listExperiencesForPupil(db, pupil.id),
    pupil.schoolId ? db.schools.get(pupil.schoolId) : Promise.resolve(undefined),
    getSetting(db, 'riskWeights'),
    db.advisers.toArray(),
    getSetting(db, 'weeksWorth'),
  ]);
  const employerIds = experiences.map((e) => e.employerId).filter((id) => id !== null);
  const employers = await db.employers.bulkGet([...new Set(employerIds)]);
  return {
    pupil,
    sessions,
    plans,
    experiences,
    placements: placementsOf(experiences),
    school: school ?? null,
    weeksWorth: weeksWorth ?? DEFAULT_WEEKS_WORTH,
    riskWeights: riskWeights ?? {},
    advisers,
    employers: employers.filter((e) => e !== undefined),
  };
}
