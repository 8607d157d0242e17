import type { EntityTable, IDType } from 'dexie';
import type { AuditedEntity, Conflicted } from '@shared/model';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';

/** The id and timestamps every stored record carries. */
export interface Stamps {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** A record's id and timestamps as saved now: an edited record keeps its id and creation time. */
export function stampsFor(existing: Stamps | undefined, id: string | null | undefined, now: Date): Stamps {
  return {
    id: existing?.id ?? id ?? crypto.randomUUID(),
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/**
 * The stored record when it changed since its form opened it (`opened`: the record's `updatedAt` then,
 * null for a new record), as a conflict to answer instead of saving; null when the save may go ahead.
 * Call inside the save's transaction, so that nothing can change between this look and the write.
 */
export async function changedSinceOpened<T extends Stamps>(
  table: EntityTable<T, 'id'>,
  id: string | null | undefined,
  opened: string | null,
): Promise<Conflicted<T> | null> {
  // A record's id is its `id` string (Stamps); Dexie cannot see that through the generic table.
  const stored = id ? await table.get(id as IDType<T, 'id'>) : undefined;
  return stored && stored.updatedAt !== opened ? { ok: false, conflict: { stored } } : null;
}

export interface AuditedWrite<T> {
  actorId: string | null;
  entity: AuditedEntity;
  /** The young person the record is about, so their audit trail finds it; null for other records. */
  pupilId: string | null;
  /** The stored version being replaced, kept in the audit entry; undefined for a new record. */
  existing: T | undefined;
  /** What the audit log says, told whether the record was added or updated. */
  summary: (added: boolean) => string;
}

/**
 * Stores an added or edited record with its audit entry ("create" or "update", the previous version
 * kept in `before`). Call inside a transaction over the record's table and the audit table, so the
 * record and its trail are written together or not at all.
 */
export async function putAudited<T extends { id: string }>(
  db: CareersDeskDb,
  table: EntityTable<T, 'id'>,
  record: T,
  write: AuditedWrite<T>,
  now: Date,
): Promise<T> {
  await table.put(record);
  await writeAudit(
    db,
    {
      actorId: write.actorId,
      action: write.existing ? 'update' : 'create',
      entity: write.entity,
      recordId: record.id,
      pupilId: write.pupilId,
      summary: write.summary(write.existing === undefined),
      before: write.existing,
    },
    now,
  );
  return record;
}
