import { DATASET_TABLES, type CaseloadDataset, type ServiceDetails } from '@shared/model';
import { canonicalJson } from '@shared/backup/format';
import type { CareersDeskDb } from './schema';
import { writeAudit } from './audit';
import { bulkAddInSlices, type WriteProgress } from './bulk';
import { sealAhead } from './seal-ahead';
import { removePupilsFromAllocations } from './allocations';
import { deleteDocumentsOfEmployers } from './employer-documents';
import { getSetting, setSetting } from './settings';

/** True when nothing about any young person, employer or route is stored yet. */
export async function isDatabaseEmpty(db: CareersDeskDb): Promise<boolean> {
  // One key from each table is enough: counting a table of a million sessions is not.
  const firstKeys = await Promise.all(DATASET_TABLES.map((table) => db[table].limit(1).primaryKeys()));
  return firstKeys.every((keys) => keys.length === 0);
}

/** True when any demo record is stored: loading the demo caseload again would clash with it. */
export async function hasDemoData(db: CareersDeskDb): Promise<boolean> {
  for (const table of DATASET_TABLES) {
    const rows = db.table<{ isDemo?: boolean }>(table);
    if (await rows.filter((row) => row.isDemo === true).first()) return true;
  }
  return false;
}

/**
 * Loads a generated demo caseload in one transaction: all of it, or none of it. With `service`, the
 * demo service's details (name, logo, contacts) fill Settings too, unless the user has entered their own.
 */
export async function loadDataset(
  db: CareersDeskDb,
  dataset: CaseloadDataset,
  actorId: string | null,
  now: Date = new Date(),
  service: ServiceDetails | null = null,
  progress: WriteProgress = {},
): Promise<void> {
  const tables = DATASET_TABLES.map((table) => db[table]);
  // Sealed before the transaction opens (Web Crypto cannot be awaited inside it); stopped here, nothing is written.
  const rows = await sealAhead(db, dataset, progress);
  await db.transaction('rw', [...tables, db.settings, db.audit], async () => {
    if (service && !(await getSetting(db, 'service'))) await setSetting(db, 'service', service, actorId);
    // Each table holds its own record type; the dataset's arrays match them one to one.
    for (const table of DATASET_TABLES) await bulkAddInSlices(db.table(table), rows[table], progress);
    await writeAudit(
      db,
      {
        actorId,
        action: 'demo-load',
        entity: 'database',
        recordId: null,
        pupilId: null,
        summary: `Loaded demo data: ${dataset.pupils.length} young people, ${dataset.employers.length} employers`,
      },
      now,
    );
  });
}

/**
 * Removes every demo record, leaving anything the user entered. Demo employers take their documents with
 * them, and the demo service's details (`service`) go too while they are exactly as the demo left them.
 */
export async function clearDemoData(
  db: CareersDeskDb,
  actorId: string | null,
  now: Date = new Date(),
  service: ServiceDetails | null = null,
): Promise<number> {
  const tables = DATASET_TABLES.map((table) => db[table]);
  return db.transaction('rw', [...tables, db.employerDocuments, db.drafts, db.allocations, db.settings, db.audit], async () => {
    let removed = 0;
    const stored = await getSetting(db, 'service');
    if (service && stored && canonicalJson(stored) === canonicalJson(service)) {
      await db.settings.delete('service');
      await writeAudit(
        db,
        {
          actorId,
          action: 'delete',
          entity: 'settings',
          recordId: 'service',
          pupilId: null,
          summary: "Cleared the demo service's details",
        },
        now,
      );
    }
    const demoPupilIds = new Set(await db.pupils.filter((p) => p.isDemo).primaryKeys());
    removed += await deleteDocumentsOfEmployers(db, await db.employers.filter((e) => e.isDemo).primaryKeys());
    for (const table of DATASET_TABLES) {
      const collection = db[table] as unknown as { filter(fn: (row: { isDemo?: boolean }) => boolean): { delete(): Promise<number> } };
      removed += await collection.filter((row) => row.isDemo === true).delete();
    }
    await db.drafts.filter((draft) => demoPupilIds.has(draft.pupilId)).delete();
    // Allocations are not demo records, but the demo young people on them go with the rest of them.
    await removePupilsFromAllocations(db, [...demoPupilIds]);
    await db.audit.filter((entry) => entry.pupilId !== null && demoPupilIds.has(entry.pupilId)).delete();
    await writeAudit(
      db,
      {
        actorId,
        action: 'demo-clear',
        entity: 'database',
        recordId: null,
        pupilId: null,
        summary: `Cleared demo data (${removed} records)`,
      },
      now,
    );
    return removed;
  });
}
