import {
  backupRecordProblems,
  checkMergeWrites,
  planMerge,
  previewMerge,
  recordsRefusedMessage,
  resolveMerge,
  type BackupHeader,
  type BackupKey,
  type BackupResult,
  type BackupSummary,
  type ConflictChoice,
  type MergePreview,
  type MergeWrites,
  type Unlock,
} from '@shared/backup';
import { generateDemoDataset, DEMO_SERVICE, type DemoOptions } from '@shared/demo';
import { DATASET_TABLES } from '@shared/model';
import type { CareersDeskDb } from './schema';
import type { WriteProgress } from './bulk';
import { makeBackupFile, readBackupFile, restorePayload, type BackupFileOptions } from './backup';
import { applyMerge, localMergeTables } from './merge';
import { loadDataset } from './demo';
import { getSetting } from './settings';
import { importEmployers, importPupils, type ImportOptions, type StoredImportOperation } from './import';
import type { PupilRecordInput } from '@shared/pupils/form';
import type { EmployerRecordInput } from '@shared/employers/form';
import type { Checked, Employer, Pupil } from '@shared/model';
import { confirmAllocation, type AllocationToConfirm, type ConfirmedAllocation } from './matching';
import { checkImport, readImportFile, type CheckedImport, type ImportCheck, type ImportKind, type ReadImportFile } from './import-check';
import { isReadJob, readJobOn, type ReadJob, type ReadJobResults } from './read-jobs';

/**
 * The long jobs on the whole database (backup, restore, merge, the demo load), as plain data a Web
 * Worker can be sent: the file's bytes go in, rows are read or written where the job runs, and only
 * what the page shows comes back. Each write is one transaction, so a job stopped part way (its worker
 * terminated, or on the page its signal aborted) leaves the database as it was.
 */
export type DataJob =
  | { kind: 'backup'; key: BackupKey; options: BackupFileOptions }
  | { kind: 'open'; bytes: Uint8Array; unlock: Unlock }
  | { kind: 'restore'; bytes: Uint8Array; key: BackupKey; actorId: string | null; source: string; now: Date }
  | { kind: 'merge-preview'; bytes: Uint8Array; unlock: Unlock }
  | {
      kind: 'merge';
      bytes: Uint8Array;
      key: BackupKey;
      choices: Record<string, ConflictChoice>;
      previewed: MergeWrites['expected'];
      actorId: string | null;
      source: string;
      now: Date;
    }
  | { kind: 'demo-load'; demo: DemoOptions; withService: boolean; actorId: string | null; now: Date }
  | { kind: 'import-pupils'; operations: StoredImportOperation<PupilRecordInput>[]; options: ImportJobOptions }
  | { kind: 'import-employers'; operations: StoredImportOperation<EmployerRecordInput>[]; options: ImportJobOptions }
  | { kind: 'confirm-allocation'; allocation: AllocationToConfirm; actorId: string | null; today: string; now: Date }
  | { kind: 'read-import-file'; what: ImportKind; bytes: Uint8Array }
  | { kind: 'check-import'; check: ImportCheck }
  | ReadJob;

/** An import's options as a job carries them: progress comes back as the job's own. */
export type ImportJobOptions = Omit<ImportOptions, 'onProgress' | 'signal'>;

/** A backup that opened: what the restore preview shows, and the key to restore it with (not its records). */
export interface OpenedBackupSummary {
  header: BackupHeader;
  summary: BackupSummary;
  key: BackupKey;
  /** Set when its records break the rules: then it cannot be restored, and this says why. */
  refusal: string;
}

export type MergeJobResult = { ok: true; counts: MergeWrites['counts'] } | { ok: false; problem: string };

export interface DemoLoadResult {
  pupils: number;
  schools: number;
  employers: number;
  routes: number;
}

interface DataJobResultsOwn {
  /** A Blob, so a county's 137 MB file reaches the bridge without a copy on the page (sendInParts). */
  backup: Blob;
  open: BackupResult<OpenedBackupSummary>;
  restore: null;
  'merge-preview': BackupResult<MergePreview & { key: BackupKey }>;
  merge: MergeJobResult;
  'demo-load': DemoLoadResult;
  'import-pupils': { added: number; updated: number };
  'import-employers': { added: number; updated: number };
  'confirm-allocation': Checked<ConfirmedAllocation>;
  'read-import-file': ReadImportFile;
  'check-import': CheckedImport<unknown, Pupil | Employer>;
}
export type DataJobResults = DataJobResultsOwn & ReadJobResults;

export type DataJobResult = DataJobResults[keyof DataJobResults];

/** Tenths of a bulk write's bar for sealing its rows ahead (seal-ahead.ts); writing them takes the rest. */
const PREPARING_TENTHS = 3;

/** Turns rows sealed ahead, then rows written, into a fraction of `total` for the progress bar. */
function rowProgress(total: number, onProgress: (fraction: number) => void, signal?: AbortSignal): WriteProgress {
  let prepared = 0;
  let written = 0;
  const report = () =>
    // In whole numbers, so a finished job reports exactly 1.
    onProgress(total === 0 ? 1 : Math.min(1, (PREPARING_TENTHS * prepared + (10 - PREPARING_TENTHS) * written) / (10 * total)));
  return {
    signal,
    onPrepared: (rows) => {
      prepared = Math.min(total, rows);
      report();
    },
    onRows: (rows) => {
      written += rows;
      report();
    },
  };
}

const rowsIn = (tables: Record<string, readonly unknown[]>): number => Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);

/** A backup's records, opened with a key already derived (the preview derived it from the passphrase). */
async function openedPayload(db: CareersDeskDb, bytes: Uint8Array, key: BackupKey) {
  const read = await readBackupFile(db, bytes, { key });
  if (!read.ok) throw new Error(read.error.message);
  return read.value.payload;
}

/** Runs one data job against `db`: in the data worker, or on the page where a worker cannot start. */
export async function runDataJobOn(
  db: CareersDeskDb,
  job: DataJob,
  onProgress: (fraction: number) => void = () => {},
  signal?: AbortSignal,
  onPart?: (part: unknown) => void,
): Promise<DataJobResult> {
  if (isReadJob(job)) return readJobOn(db, job, onProgress);
  switch (job.kind) {
    case 'backup':
      // The sealed file is a buffer of its own, never a SharedArrayBuffer.
      return new Blob([(await makeBackupFile(db, job.key, job.options)) as Uint8Array<ArrayBuffer>]);
    case 'open': {
      const read = await readBackupFile(db, job.bytes, job.unlock);
      if (!read.ok) return read;
      const problems = backupRecordProblems(read.value.payload);
      const { header, summary, key } = read.value;
      return { ok: true, value: { header, summary, key, refusal: problems.length > 0 ? recordsRefusedMessage(problems) : '' } };
    }
    case 'restore': {
      const payload = await openedPayload(db, job.bytes, job.key);
      const progress = rowProgress(rowsIn(payload.tables), onProgress, signal);
      await restorePayload(db, payload, { actorId: job.actorId, source: job.source, now: job.now }, progress);
      return null;
    }
    case 'merge-preview': {
      const read = await readBackupFile(db, job.bytes, job.unlock);
      if (!read.ok) return read;
      const erased = (await getSetting(db, 'erasedPupilIds')) ?? [];
      const plan = planMerge(await localMergeTables(db), read.value.payload.tables, erased);
      return { ok: true, value: { ...previewMerge(plan), key: read.value.key } };
    }
    case 'merge': {
      // Planned again from the same file and this computer's records: the records never went to the page.
      const payload = await openedPayload(db, job.bytes, job.key);
      const erased = (await getSetting(db, 'erasedPupilIds')) ?? [];
      const resolved = resolveMerge(planMerge(await localMergeTables(db), payload.tables, erased), job.choices);
      if (!resolved.ok) throw new Error('A record here was changed or removed since the merge was previewed. Choose the backup again.');
      const checked = checkMergeWrites(resolved.value);
      if (!checked.ok) {
        const refused = 'The other backup holds records this version of Careers Desk cannot accept, so nothing was merged';
        return { ok: false, problem: `${refused}: ${checked.problems.join('; ')}` };
      }
      // Every record the preview showed must still be as it was, as well as those this plan replaces.
      const writes = { ...checked.value, expected: [...job.previewed, ...checked.value.expected] };
      const progress = rowProgress(rowsIn(writes.puts) + writes.audit.length, onProgress, signal);
      await applyMerge(db, writes, { actorId: job.actorId, source: job.source, now: job.now }, progress);
      return { ok: true, counts: writes.counts };
    }
    case 'import-pupils':
    case 'import-employers': {
      const onSteps = (done: number, total: number) => {
        // Thrown inside the import's transaction, so a stopped import on the page writes nothing.
        signal?.throwIfAborted();
        onProgress(total === 0 ? 1 : done / total);
      };
      const options = { ...job.options, onProgress: onSteps, signal };
      return job.kind === 'import-pupils' ? importPupils(db, job.operations, options) : importEmployers(db, job.operations, options);
    }
    case 'confirm-allocation':
      return confirmAllocation(db, job.allocation, job.actorId, { today: job.today, now: job.now });
    case 'read-import-file':
      return readImportFile(job.what, job.bytes);
    case 'check-import':
      return checkImport(db, job.check, onProgress, onPart);
    case 'demo-load': {
      const dataset = generateDemoDataset(job.demo);
      onProgress(0.05);
      const total = DATASET_TABLES.reduce((sum, table) => sum + dataset[table].length, 0);
      // Generating is about a twentieth of the work; writing the rest.
      const progress = rowProgress(total, (fraction) => onProgress(0.05 + 0.95 * fraction), signal);
      await loadDataset(db, dataset, job.actorId, job.now, job.withService ? DEMO_SERVICE : null, progress);
      const { pupils, schools, employers, routes } = dataset;
      return { pupils: pupils.length, schools: schools.length, employers: employers.length, routes: routes.length };
    }
  }
}
