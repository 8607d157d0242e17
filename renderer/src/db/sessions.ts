import {
  displayName,
  guidanceSessionSchema,
  pupilSchema,
  type Adviser,
  type CheckedSave,
  type GuidanceSession,
  type Pupil,
} from '@shared/model';
import { latestGuidanceDate, type SessionInput } from '@shared/sessions';
import { formatUkDate } from '@shared/academic-year';
import { employerLabel } from '@shared/employers/list';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
import { putAudited, changedSinceOpened, stampsFor } from './audited-save';
import { removeSessionDestinations, writeSessionDestination } from './destinations';

/** A young person's sessions, newest first, from the [pupilId+date] index. */
export function listSessionsForPupil(db: CareersDeskDb, pupilId: string): Promise<GuidanceSession[]> {
  return db.sessions.where('[pupilId+date]').between([pupilId, ''], [pupilId, '\uffff']).reverse().toArray();
}

export function getSession(db: CareersDeskDb, id: string): Promise<GuidanceSession | undefined> {
  return db.sessions.get(id);
}

export interface SaveOptions {
  /** The draft the form was kept in: deleted in the same transaction, so it is gone only once the record is safe. */
  draftId?: string | null;
  now?: Date;
}

/**
 * Records a guidance session, or an edit of one, in one transaction with: its audit entry (an edit
 * keeps the previous version in `before`), the young person's latest guidance date and intended
 * destination brought up to date (with their own audit entry), and the form's draft removed.
 */
export async function saveSession(
  db: CareersDeskDb,
  input: SessionInput,
  actorId: string | null,
  options: SaveOptions = {},
): Promise<GuidanceSession> {
  return db.transaction('rw', sessionSaveTables(db), async () => writeSession(db, input, actorId, options));
}

/** Every table a session's save writes. */
function sessionSaveTables(db: CareersDeskDb) {
  return [db.sessions, db.pupils, db.audit, db.drafts, db.destinations, db.settings];
}

/** saveSession's writes, inside its transaction (sessionSaveTables). */
async function writeSession(
  db: CareersDeskDb,
  input: SessionInput,
  actorId: string | null,
  options: SaveOptions,
): Promise<GuidanceSession> {
  const now = options.now ?? new Date();
  const existing = input.id ? await db.sessions.get(input.id) : undefined;
  if (existing && existing.pupilId !== input.pupilId) throw new Error('A session cannot be moved to another young person.');
  const pupil = await db.pupils.get(input.pupilId);
  if (!pupil) throw new Error("That young person's record no longer exists.");
  const session = guidanceSessionSchema.parse({ ...input, ...stampsFor(existing, input.id, now), isDemo: existing?.isDemo ?? false });
  await putAudited(
    db,
    db.sessions,
    session,
    {
      actorId,
      entity: 'guidance-session',
      pupilId: session.pupilId,
      existing,
      summary: (added) => (added ? 'Recorded a guidance session' : 'Edited a guidance session'),
    },
    now,
  );
  await updatePupilFromSessions(db, pupil, actorId, now);
  await writeSessionDestination(db, session, actorId, now);
  if (options.draftId) await db.drafts.delete(options.draftId);
  return session;
}

/** The words for a save refused because the session was deleted (in another window) after its form opened it. */
export const SESSION_DELETED_MESSAGE =
  'This guidance session was deleted in another window since you opened it, so it was not saved again.';

/**
 * The form's save: as saveSession, unless the session changed elsewhere since the form opened the
 * version `opened` (its updatedAt; null for a new session). Then nothing is written (the draft is kept)
 * and the stored session is answered.
 */
export function saveSessionUnlessChanged(
  db: CareersDeskDb,
  input: SessionInput,
  opened: string | null,
  actorId: string | null,
  options: SaveOptions = {},
): Promise<CheckedSave<GuidanceSession>> {
  return db.transaction('rw', sessionSaveTables(db), async () => {
    const conflict = await changedSinceOpened(db.sessions, input.id, opened);
    if (conflict) return conflict;
    // Deleted in another window since the form opened it: saving would bring it back unseen.
    if (input.id && opened !== null && !(await db.sessions.get(input.id))) throw new Error(SESSION_DELETED_MESSAGE);
    return { ok: true, value: await writeSession(db, input, actorId, options) };
  });
}

/**
 * Deletes a guidance session recorded in error, in one transaction: action plans agreed at it are
 * kept (no longer linked to it), drafts of edits to it are removed, the young person's latest guidance
 * date is worked out again, the intended destination it recorded leaves their history (and so their
 * record, unless the history said it otherwise too), and the audit entry keeps
 * the deleted session so that it can be seen, and re-entered, later.
 */
export async function deleteSession(
  db: CareersDeskDb,
  sessionId: string,
  actorId: string | null,
  now: Date = new Date(),
): Promise<GuidanceSession> {
  return db.transaction('rw', [db.sessions, db.pupils, db.actionPlans, db.drafts, db.audit, db.destinations], async () => {
    const session = await db.sessions.get(sessionId);
    if (!session) throw new Error('This guidance session no longer exists.');
    const plans = await db.actionPlans
      .where('pupilId')
      .equals(session.pupilId)
      .filter((plan) => plan.sessionId === sessionId)
      .toArray();
    for (const plan of plans) await db.actionPlans.put({ ...plan, sessionId: null, updatedAt: now.toISOString() });
    await db.drafts
      .where('[kind+pupilId]')
      .equals(['guidance-session', session.pupilId])
      .filter((draft) => draft.recordId === sessionId)
      .delete();
    await db.sessions.delete(sessionId);
    const keptPlans =
      plans.length === 0
        ? ''
        : `; ${plans.length === 1 ? 'the action plan agreed at it is' : `the ${plans.length} action plans agreed at it are`} kept`;
    await writeAudit(
      db,
      {
        actorId,
        action: 'delete',
        entity: 'guidance-session',
        recordId: session.id,
        pupilId: session.pupilId,
        summary: `Deleted the guidance session of ${formatUkDate(session.date)}${keptPlans}`,
        before: session,
      },
      now,
    );
    await removeSessionDestinations(db, session.id, session.pupilId, actorId, now);
    const pupil = await db.pupils.get(session.pupilId);
    if (pupil) await updatePupilFromSessions(db, pupil, actorId, now);
    return session;
  });
}

/**
 * Call inside a transaction over sessions, pupils and audit: the young person's latest guidance date,
 * worked out again. (Their intended destination is the history's, written by writeSessionDestination.)
 */
async function updatePupilFromSessions(db: CareersDeskDb, pupil: Pupil, actorId: string | null, now: Date): Promise<void> {
  const lastGuidanceOn = latestGuidanceDate(await listSessionsForPupil(db, pupil.id));
  if (lastGuidanceOn === pupil.lastGuidanceOn) return;
  await db.pupils.put(pupilSchema.parse({ ...pupil, lastGuidanceOn, updatedAt: now.toISOString() }));
  await writeAudit(
    db,
    {
      actorId,
      action: 'update',
      entity: 'pupil',
      recordId: pupil.id,
      pupilId: pupil.id,
      summary: 'Updated the date of the latest guidance meeting from a guidance session',
      before: pupil,
    },
    now,
  );
}

export interface SessionWithPupil {
  session: GuidanceSession;
  pupilName: string;
  adviserName: string;
}

/** The latest sessions across the caseload, newest first, from the date index. */
export async function listRecentSessions(db: CareersDeskDb, limit = 20): Promise<SessionWithPupil[]> {
  const sessions = await db.sessions.orderBy('date').reverse().limit(limit).toArray();
  sessions.sort((a, b) => b.date.localeCompare(a.date) || b.startTime.localeCompare(a.startTime));
  const [pupils, advisers] = await Promise.all([
    db.pupils.bulkGet([...new Set(sessions.map((s) => s.pupilId))]),
    db.advisers.bulkGet([...new Set(sessions.map((s) => s.adviserId).filter((id): id is string => id !== null))]),
  ]);
  const pupilNames = new Map(pupils.filter((p): p is Pupil => p !== undefined).map((p) => [p.id, displayName(p)]));
  const adviserNames = new Map(advisers.filter((a): a is Adviser => a !== undefined).map((a) => [a.id, a.name]));
  return sessions.map((session) => ({
    session,
    pupilName: pupilNames.get(session.pupilId) ?? 'Unknown young person',
    adviserName: (session.adviserId && adviserNames.get(session.adviserId)) || 'Not recorded',
  }));
}

export interface Choice {
  id: string;
  name: string;
}

/** The lists the session form chooses from: advisers, employers and providers, by name. */
export async function listSessionChoices(db: CareersDeskDb): Promise<{ advisers: Adviser[]; employers: Choice[]; providers: Choice[] }> {
  const [advisers, employers, providers] = await Promise.all([
    db.advisers.orderBy('name').toArray(),
    db.employers.orderBy('name').toArray(),
    db.providers.orderBy('name').toArray(),
  ]);
  return {
    advisers,
    employers: employers.map((e) => ({ id: e.id, name: employerLabel(e) })),
    providers: providers.map((p) => ({ id: p.id, name: p.name })),
  };
}
