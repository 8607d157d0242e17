// Compass snapshots: one school's evaluation figures as they stood on a day, kept to compare terms. Never
// two for the same school and day: saving one for a day already taken replaces it (the screen asks first).
import { compassSnapshotSchema, type CompassFigure, type CompassSnapshot } from '@shared/model';
import { formatUkDate } from '@shared/academic-year';
import type { CompassSource } from '@shared/compass';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
import { allDestinationEntries } from './destinations';
import { loadReturnSource } from './returns';

/** Every record the Compass figures count: a return's records and the destinations history. */
export async function loadCompassSource(db: CareersDeskDb): Promise<CompassSource> {
  const [source, destinations] = await Promise.all([loadReturnSource(db), allDestinationEntries(db)]);
  return { ...source, destinations };
}

/** One school's snapshots, newest first. */
export async function compassSnapshotsOf(db: CareersDeskDb, schoolId: string): Promise<CompassSnapshot[]> {
  const rows = await db.compassSnapshots.where('schoolId').equals(schoolId).toArray();
  return rows.sort((a, b) => (a.takenOn < b.takenOn ? 1 : a.takenOn > b.takenOn ? -1 : 0));
}

/**
 * Keeps the figures as at `takenOn` for the school, with an audit entry, in one transaction. A snapshot
 * already kept for that school and day is replaced (same id), so there is never more than one.
 */
export async function saveCompassSnapshot(
  db: CareersDeskDb,
  input: { schoolId: string; schoolName: string; takenOn: string; figures: readonly CompassFigure[] },
  actorId: string | null,
  now: Date,
): Promise<CompassSnapshot> {
  return db.transaction('rw', [db.compassSnapshots, db.audit], async () => {
    const existing = await db.compassSnapshots.where('[schoolId+takenOn]').equals([input.schoolId, input.takenOn]).first();
    const stamp = now.toISOString();
    const snapshot = compassSnapshotSchema.parse({
      id: existing?.id ?? crypto.randomUUID(),
      createdAt: existing?.createdAt ?? stamp,
      updatedAt: stamp,
      schoolId: input.schoolId,
      takenOn: input.takenOn,
      figures: input.figures,
    });
    await db.compassSnapshots.put(snapshot);
    await writeAudit(
      db,
      {
        actorId,
        action: existing ? 'update' : 'create',
        entity: 'compass-snapshot',
        recordId: snapshot.id,
        pupilId: null,
        summary: `${existing ? 'Replaced the' : 'Took a'} Compass snapshot for ${input.schoolName} as at ${formatUkDate(input.takenOn)}`,
        before: existing,
      },
      now,
    );
    return snapshot;
  });
}
