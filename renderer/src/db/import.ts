import { employerSchema, pupilSchema, searchWordsFor, type AuditedEntity, type Employer, type Pupil } from '@shared/model';
import { duplicateKeysOf, duplicateKeysOfPupil, employerKeysOf, type ImportOperation, type RowKeys } from '@shared/import';
import type { PupilRecordInput } from '@shared/pupils/form';
import type { EmployerRecordInput } from '@shared/employers/form';
import type { CareersDeskDb } from './schema';
import { prepareAudits, writeAudit, writePreparedAudits, type AuditInput } from './audit';
import { sealAhead } from './seal-ahead';

/** Rows written per step: the progress bar moves between steps, all inside the one transaction. */
const CHUNK = 500;

export interface StoredMatch<T> {
  id: string;
  keys: RowKeys;
  record: T;
}

/**
 * Stored young people who share a UPN, or a legal name and date of birth, with any row. Names and UPNs
 * are sealed at rest (db/encryption.ts), so no index can find them: the opened records are read once and
 * compared in memory (tests/bench: about as long as the pupil list's first load).
 */
export async function findStoredMatches(db: CareersDeskDb, keys: readonly RowKeys[]): Promise<StoredMatch<Pupil>[]> {
  const upns = new Set(keys.map((k) => k.upn).filter((u): u is string => typeof u === 'string'));
  const nameKeys = new Set(keys.map((k) => k.nameAndBirth).filter((n): n is string => typeof n === 'string'));
  if (upns.size === 0 && nameKeys.size === 0) return [];
  const found: StoredMatch<Pupil>[] = [];
  await db.pupils.each((pupil) => {
    const pupilKeys = duplicateKeysOfPupil(pupil);
    const relevant =
      (pupilKeys.upn !== null && upns.has(pupilKeys.upn)) || (pupilKeys.nameAndBirth !== null && nameKeys.has(pupilKeys.nameAndBirth));
    if (relevant) found.push({ id: pupil.id, keys: pupilKeys, record: pupil });
  });
  return found;
}

/** A stored young person the one being added or edited looks like, and the key they share. */
export interface LikelyDuplicate {
  pupil: Pupil;
  /** 'upn' or 'nameAndBirth' (the same legal name and date of birth). */
  reason: string;
}

/**
 * Stored young people that one typed by hand looks like: the same UPN, or the same legal name and
 * date of birth (the import's keys, so the two never disagree). `excludeId` is the record being edited.
 */
export async function findLikelyDuplicates(
  db: CareersDeskDb,
  values: { upn: string; legalForename: string; legalSurname: string; dateOfBirth: string },
  excludeId: string | null,
): Promise<LikelyDuplicate[]> {
  const keys = duplicateKeysOf(values);
  const matches = await findStoredMatches(db, [keys]);
  return matches
    .filter((match) => match.id !== excludeId)
    .map((match) => ({ pupil: match.record, reason: keys.upn !== null && match.keys.upn === keys.upn ? 'upn' : 'nameAndBirth' }));
}

/** Stored employers with the same name (any case, on the name index) and postcode as any row. */
export async function findStoredEmployerMatches(
  db: CareersDeskDb,
  names: readonly string[],
  keys: readonly RowKeys[],
): Promise<StoredMatch<Employer>[]> {
  const wanted = new Set(keys.map((k) => k.nameAndPostcode).filter((k): k is string => typeof k === 'string'));
  const distinctNames = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (distinctNames.length === 0) return [];
  const candidates = await db.employers.where('name').anyOfIgnoreCase(distinctNames).toArray();
  return candidates
    .map((employer) => ({ id: employer.id, keys: employerKeysOf(employer.name, employer.postcode), record: employer }))
    .filter((match) => match.keys.nameAndPostcode !== null && wanted.has(match.keys.nameAndPostcode));
}

export type StoredImportOperation<R> = ImportOperation<R> & {
  /** For an update: the stored record's updatedAt when the preview was made; a later edit stops the import. */
  expectedUpdatedAt?: string;
};

export interface ImportOptions {
  actorId: string | null;
  fileName: string;
  now?: Date;
  /** Called after each step with rows written so far; throwing from it aborts the whole import. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it stops the import while its rows are made ready, before anything is written. */
  signal?: AbortSignal;
}

interface Kind<R, T extends { id: string; createdAt: string; updatedAt: string }> {
  table: 'pupils' | 'employers';
  entity: AuditedEntity;
  /** "young people"; and the audit summaries of one record added or updated. */
  many: string;
  addedOne: string;
  updatedOne: string;
  build: (record: R, base: { id: string; createdAt: string; updatedAt: string }) => T;
  pupilIdOf: (record: T) => string | null;
}

/** Stops the import when the record an update row was previewed against is gone or has changed since. */
function checkStillThere(operation: StoredImportOperation<unknown>, existing: { updatedAt: string } | undefined): void {
  if (!existing) throw new Error(`Row ${operation.row}: the record it updates has been removed since the preview. Check the file again.`);
  if (operation.expectedUpdatedAt && existing.updatedAt !== operation.expectedUpdatedAt) {
    throw new Error(`Row ${operation.row}: the record it updates was changed since the preview. Check the file again.`);
  }
}

/**
 * Writes an import plan in one transaction: every record, with its own audit entry, and one entry
 * for the import as a whole. Any failure (a record that no longer fits, a record changed or erased
 * since the preview, the disk full) aborts the transaction and leaves the database as it was.
 */
async function importRecords<R, T extends { id: string; createdAt: string; updatedAt: string }>(
  db: CareersDeskDb,
  kind: Kind<R, T>,
  operations: readonly StoredImportOperation<R>[],
  options: ImportOptions,
): Promise<{ added: number; updated: number }> {
  const now = options.now ?? new Date();
  const stamp = now.toISOString();
  const table = db.table<T, string>(kind.table);
  let added = 0;
  let updated = 0;
  // Every record and its audit entry are made, and sealed with Web Crypto (seal-ahead.ts), before the
  // transaction opens; inside it, each record updated is checked to be still as it was read here.
  const updateIds = operations.flatMap((o) => (o.kind === 'update' ? [o.targetId] : []));
  const read = new Map((await table.bulkGet(updateIds)).filter((r): r is T => r !== undefined).map((r) => [r.id, r]));
  const records: T[] = [];
  const audit: AuditInput[] = [];
  for (const operation of operations) {
    const existing = operation.kind === 'update' ? read.get(operation.targetId) : undefined;
    if (operation.kind === 'update') checkStillThere(operation, existing);
    const record = kind.build(operation.record, {
      id: existing?.id ?? crypto.randomUUID(),
      createdAt: existing?.createdAt ?? stamp,
      updatedAt: stamp,
    });
    records.push(record);
    audit.push({
      actorId: options.actorId,
      entity: kind.entity,
      recordId: record.id,
      pupilId: kind.pupilIdOf(record),
      action: existing ? 'update' : 'create',
      summary: `${existing ? kind.updatedOne : kind.addedOne} from ${options.fileName}, row ${operation.row}`.slice(0, 500),
      ...(existing ? { before: existing } : {}),
    });
    if (existing) updated += 1;
    else added += 1;
  }
  const rows: Record<string, readonly unknown[]> = { [kind.table]: records, audit: prepareAudits(audit, now) };
  const ready = await sealAhead(db, rows, { signal: options.signal });
  const readyRecords = ready[kind.table] ?? [];
  const readyAudit = (ready.audit ?? []) as { seq: number }[];
  await db.transaction('rw', table, db.audit, async () => {
    // Read again inside the transaction: a record changed or erased since it was read above stops the import.
    const stored = await table.bulkGet(updateIds);
    updateIds.forEach((id, at) => {
      if (stored[at]?.updatedAt !== read.get(id)?.updatedAt) {
        throw new Error('A record this import updates was changed or removed while it was being prepared. Check the file again.');
      }
    });
    for (let start = 0; start < operations.length; start += CHUNK) {
      await table.bulkPut(readyRecords.slice(start, start + CHUNK) as T[]);
      await writePreparedAudits(db, readyAudit.slice(start, start + CHUNK));
      options.onProgress?.(Math.min(start + CHUNK, operations.length), operations.length);
    }
    await writeAudit(
      db,
      {
        actorId: options.actorId,
        action: 'import',
        entity: 'database',
        recordId: null,
        pupilId: null,
        summary: `Imported ${kind.many} from ${options.fileName}: ${added} added, ${updated} updated`.slice(0, 500),
      },
      now,
    );
  });
  return { added, updated };
}

export function importPupils(
  db: CareersDeskDb,
  operations: readonly StoredImportOperation<PupilRecordInput>[],
  options: ImportOptions,
): Promise<{ added: number; updated: number }> {
  return importRecords<PupilRecordInput, Pupil>(
    db,
    {
      table: 'pupils',
      entity: 'pupil',
      many: 'young people',
      addedOne: 'Added a young person',
      updatedOne: "Updated a young person's record",
      build: (record, base) => pupilSchema.parse({ ...record, ...base, searchWords: searchWordsFor(record) }),
      pupilIdOf: (pupil) => pupil.id,
    },
    operations,
    options,
  );
}

export function importEmployers(
  db: CareersDeskDb,
  operations: readonly StoredImportOperation<EmployerRecordInput>[],
  options: ImportOptions,
): Promise<{ added: number; updated: number }> {
  return importRecords<EmployerRecordInput, Employer>(
    db,
    {
      table: 'employers',
      entity: 'employer',
      many: 'employers',
      addedOne: 'Added an employer',
      updatedOne: "Updated an employer's record",
      build: (record, base) => employerSchema.parse({ ...record, ...base }),
      pupilIdOf: () => null,
    },
    operations,
    options,
  );
}
