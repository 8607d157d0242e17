import type { AuditAction, AuditEntry, AuditedEntity } from '@shared/model';
import type { CareersDeskDb } from './schema';

export interface AuditInput {
  actorId: string | null;
  action: AuditAction;
  entity: AuditedEntity;
  recordId: string | null;
  pupilId: string | null;
  summary: string;
  before?: unknown;
}

/**
 * The next `seq` numbers of the audit log. Read inside the writing transaction: IndexedDB runs
 * read-write transactions on the audit table one at a time, so two writers never take the same
 * number, and the order holds however coarse the clock is.
 */
async function nextSequence(db: CareersDeskDb): Promise<number> {
  const last = await db.audit.orderBy('seq').last();
  return last ? last.seq + 1 : 1;
}

function entryFor(input: AuditInput, at: string, seq: number): AuditEntry {
  return {
    id: crypto.randomUUID(),
    at,
    seq,
    adviserId: input.actorId,
    action: input.action,
    entity: input.entity,
    recordId: input.recordId,
    pupilId: input.pupilId,
    summary: input.summary,
    ...(input.before === undefined ? {} : { before: input.before }),
  };
}

/**
 * Adds one audit entry. Call it inside the same transaction as the change it records,
 * so the change and its trail are written together or not at all.
 */
export async function writeAudit(db: CareersDeskDb, input: AuditInput, now: Date = new Date()): Promise<void> {
  await db.audit.add(entryFor(input, now.toISOString(), await nextSequence(db)));
}

/**
 * Audit entries made before their transaction (so they can be sealed ahead: seal-ahead.ts), with `seq` still
 * to be given by writePreparedAudits inside it. `seq` is a clear field, so setting it leaves the seal whole.
 */
export function prepareAudits(inputs: readonly AuditInput[], now: Date = new Date()): AuditEntry[] {
  const at = now.toISOString();
  return inputs.map((input) => entryFor(input, at, 0));
}

/** Adds entries from prepareAudits (sealed ahead or not), in the order given, numbered inside the caller's transaction. */
export async function writePreparedAudits(db: CareersDeskDb, entries: readonly { seq: number }[]): Promise<void> {
  if (entries.length === 0) return;
  const first = await nextSequence(db);
  entries.forEach((entry, i) => {
    entry.seq = first + i;
  });
  await db.audit.bulkAdd(entries as AuditEntry[]);
}

/** The audit log in the order it was written, oldest first (see AuditEntry.seq). */
export function byWrittenOrder(entries: AuditEntry[]): AuditEntry[] {
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
}

/** Records something done that changed no record (an export), as one audit entry in its own transaction. */
export async function recordAudit(db: CareersDeskDb, input: AuditInput, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', db.audit, () => writeAudit(db, input, now));
}
