import { MERGE_TABLES, type MergeTable, type MergeWrites } from '@shared/backup';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
import { exportPayload } from './backup';
import { bulkPutInSlices, type WriteProgress } from './bulk';
import { sealAhead } from './seal-ahead';
import { refreshCurrentDestinations } from './destinations';

/** This computer's records as the merge compares them: the tables it merges, and the audit log for history. */
export async function localMergeTables(db: CareersDeskDb) {
  const { tables } = await exportPayload(db);
  return tables;
}

/**
 * Writes a resolved merge in one transaction: additions, newer versions, chosen sides of
 * conflicts, the other computer's audit entries, and one entry for the merge. A record changed
 * here since the preview stops the whole merge, so nothing is overwritten unseen.
 */
export async function applyMerge(
  db: CareersDeskDb,
  writes: MergeWrites,
  options: { actorId: string | null; source: string; now?: Date },
  progress: WriteProgress = {},
): Promise<void> {
  const tables = MERGE_TABLES.map((name) => db.table(name));
  // Sealed before the transaction opens (Web Crypto cannot be awaited inside it); stopped here, nothing is written.
  const sealed = await sealAhead(db, { ...writes.puts, audit: writes.audit }, progress);
  await db.transaction('rw', [...tables, db.audit], async () => {
    for (const { table, id, updatedAt } of writes.expected) {
      const current = (await db.table(table).get(id)) as { updatedAt?: unknown } | undefined;
      if (!current || current.updatedAt !== updatedAt) {
        throw new Error(`A record here was changed or removed since the merge was previewed (${label(table)}). Choose the backup again.`);
      }
    }
    for (const name of MERGE_TABLES) {
      await bulkPutInSlices(db.table(name), sealed[name], progress);
    }
    await bulkPutInSlices(db.audit, sealed.audit, progress);
    // Each young person's latest codes follow their merged history (both computers may have added to it).
    const touched = new Set([...writes.puts.pupils.map((row) => row.id), ...writes.puts.destinations.map((row) => row.pupilId)]);
    for (const pupilId of touched)
      if (typeof pupilId === 'string') await refreshCurrentDestinations(db, pupilId, options.now ?? new Date());
    const { added, updated, joined } = writes.counts;
    const summary =
      `Merged ${options.source}: ${added} records added, ${updated} updated, ` + `${joined} young people recorded on both computers joined`;
    await writeAudit(
      db,
      {
        actorId: options.actorId,
        action: 'merge',
        entity: 'database',
        recordId: null,
        pupilId: null,
        summary: summary.slice(0, 500),
      },
      options.now,
    );
  });
}

function label(table: MergeTable): string {
  return table === 'pupils' ? 'a young person' : table;
}
