// The destinations history: dated entries about where a young person intends to go, was offered, and went.
// Every write keeps the young person's latest intended and actual codes (currentDestinationCodes) in the
// same transaction, so lists and returns that read them never disagree with the history.
import { destinationEntrySchema, DESTINATION_ENTRY_KIND_LABELS, pupilSchema, type Checked, type DestinationEntry } from '@shared/model';
import { checkDestinationEntry, currentDestinationCodes, inHistoryOrder, type DestinationEntryInput } from '@shared/destinations';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
import { stampsFor } from './audited-save';
import { ERASED_RECORD_MESSAGE, wasErased } from './pupils';

function kindInWords(entry: DestinationEntry): string {
  return DESTINATION_ENTRY_KIND_LABELS[entry.kind].toLowerCase();
}

/** One young person's history, oldest first. */
export async function destinationsOf(db: CareersDeskDb, pupilId: string): Promise<DestinationEntry[]> {
  return inHistoryOrder(await db.destinations.where('pupilId').equals(pupilId).toArray());
}

/** Every entry of every young person, for the work lists and the council's files. */
export async function allDestinationEntries(db: CareersDeskDb): Promise<DestinationEntry[]> {
  return db.destinations.toArray();
}

/**
 * Keeps the young person's latest intended and actual codes equal to their history's. Call inside a
 * transaction over destinations and pupils; writes the record only when a code changed.
 */
export async function refreshCurrentDestinations(db: CareersDeskDb, pupilId: string, now: Date): Promise<void> {
  const pupil = await db.pupils.get(pupilId);
  if (!pupil) return;
  const current = currentDestinationCodes(await db.destinations.where('pupilId').equals(pupilId).toArray());
  if (current.intendedDestination === pupil.intendedDestination && current.actualDestination === pupil.actualDestination) return;
  await db.pupils.put(pupilSchema.parse({ ...pupil, ...current, updatedAt: now.toISOString() }));
}

/**
 * Adds or edits one entry with its audit entry, and the young person's current codes, in one transaction.
 * Refused, nothing written, when the rules find a problem (shared/destinations) or the young person is gone.
 */
export async function saveDestinationEntry(
  db: CareersDeskDb,
  input: DestinationEntryInput,
  actorId: string | null,
  options: { now: Date; today: string },
): Promise<Checked<DestinationEntry>> {
  return db.transaction('rw', [db.destinations, db.pupils, db.settings, db.audit], async () => {
    if (await wasErased(db, input.pupilId)) return { ok: false, problems: [{ field: 'pupilId', message: ERASED_RECORD_MESSAGE }] };
    const pupil = await db.pupils.get(input.pupilId);
    if (!pupil) return { ok: false, problems: [{ field: 'pupilId', message: "That young person's record no longer exists." }] };
    const checked = checkDestinationEntry(input, pupil, options.today);
    if (!checked.ok) return checked;
    const existing = input.id ? await db.destinations.get(input.id) : undefined;
    if (existing && existing.pupilId !== input.pupilId)
      return { ok: false, problems: [{ field: 'pupilId', message: 'That entry belongs to another young person.' }] };
    const entry = destinationEntrySchema.parse({
      ...checked.value,
      ...stampsFor(existing, input.id, options.now),
      isDemo: existing?.isDemo ?? pupil.isDemo,
    });
    await db.destinations.put(entry);
    await refreshCurrentDestinations(db, entry.pupilId, options.now);
    await writeAudit(
      db,
      {
        actorId,
        action: existing ? 'update' : 'create',
        entity: 'destination',
        recordId: entry.id,
        pupilId: entry.pupilId,
        summary: `${existing ? 'Changed' : 'Recorded'} ${kindInWords(entry)} in the destinations history`,
        before: existing,
      },
      options.now,
    );
    return { ok: true, value: entry };
  });
}

/** Removes one entry (the caller offers Undo with the entry returned), with the young person's current codes. */
export async function removeDestinationEntry(
  db: CareersDeskDb,
  id: string,
  actorId: string | null,
  now: Date,
): Promise<DestinationEntry | null> {
  return db.transaction('rw', [db.destinations, db.pupils, db.audit], async () => {
    const existing = await db.destinations.get(id);
    if (!existing) return null;
    await db.destinations.delete(id);
    await refreshCurrentDestinations(db, existing.pupilId, now);
    await writeAudit(
      db,
      {
        actorId,
        action: 'delete',
        entity: 'destination',
        recordId: id,
        pupilId: existing.pupilId,
        summary: `Removed ${kindInWords(existing)} from the destinations history`,
        before: existing,
      },
      now,
    );
    return existing;
  });
}

/** Undo after removing: the entry comes back as it was (unless the young person has gone since). */
export async function restoreDestinationEntry(
  db: CareersDeskDb,
  entry: DestinationEntry,
  actorId: string | null,
  now: Date,
): Promise<void> {
  await db.transaction('rw', [db.destinations, db.pupils, db.settings, db.audit], async () => {
    if (!(await db.pupils.get(entry.pupilId)) || (await wasErased(db, entry.pupilId))) return;
    await db.destinations.put(entry);
    await refreshCurrentDestinations(db, entry.pupilId, now);
    await writeAudit(
      db,
      {
        actorId,
        action: 'create',
        entity: 'destination',
        recordId: entry.id,
        pupilId: entry.pupilId,
        summary: `Put back ${kindInWords(entry)} in the destinations history (undo)`,
      },
      now,
    );
  });
}
