/**
 * Work that reads or rewrites a whole caseload and gives back only what the screen shows: the council's
 * files, the Compass figures, and an automatic backup opened to take an erased young person out of it or
 * to see whether it holds them. Run in the data worker (data-jobs.ts, data-job-runner.ts): at a service
 * each reads and opens every sealed record, which on the window's thread is a long task.
 */
import { buildDestinationsFile, buildRiskList, type CouncilFile, type RiskList } from '@shared/returns';
import { compassEvaluation, type CompassRow } from '@shared/compass';
import { payloadParts, payloadHoldsPupil, payloadWithoutPupils, sealBackup, type BackupKey } from '@shared/backup';
import type { LocalAuthorityId } from '@shared/reference/geography';
import type { CareersDeskDb } from './schema';
import { loadCouncilFileSource } from './council-files';
import { loadCompassSource } from './compass';
import { readBackupFile } from './backup';
import { secureRandom } from '../platform/secure-random';

export type ReadJob =
  | { kind: 'destinations-file'; la: LocalAuthorityId; today: string }
  | { kind: 'risk-list'; la: LocalAuthorityId; today: string }
  | { kind: 'compass-evaluation'; schoolId: string; asAt: string }
  | { kind: 'backup-without-pupils'; bytes: Uint8Array; key: BackupKey; pupilIds: string[] }
  | { kind: 'backup-holds-pupil'; bytes: Uint8Array; key: BackupKey; pupilId: string };

/**
 * An automatic backup after taking erased young people out: rewritten, holding none of them, or not opened. The
 * rewritten file is a Blob, so a county's (137 MB) reaches the bridge a part at a time, never copied whole on the page.
 */
export type BackupWithout = { outcome: 'rewritten'; data: Blob } | { outcome: 'unchanged' } | { outcome: 'unopened' };

export interface ReadJobResults {
  'destinations-file': CouncilFile;
  'risk-list': RiskList;
  'compass-evaluation': CompassRow[];
  'backup-without-pupils': BackupWithout;
  /** Null when the backup could not be opened with the key. */
  'backup-holds-pupil': boolean | null;
}

const READ_JOBS: ReadonlySet<string> = new Set<keyof ReadJobResults>([
  'destinations-file',
  'risk-list',
  'compass-evaluation',
  'backup-without-pupils',
  'backup-holds-pupil',
]);

export function isReadJob(job: { kind: string }): job is ReadJob {
  return READ_JOBS.has(job.kind);
}

/** A backup's records, or null when it does not open with the key (or its contents cannot be read). */
async function openedPayload(db: CareersDeskDb, bytes: Uint8Array, key: BackupKey) {
  try {
    const opened = await readBackupFile(db, bytes, { key });
    return opened.ok ? opened.value : null;
  } catch {
    return null;
  }
}

/**
 * Takes the young people out of one automatic backup and seals it again under the same key, keeping when it
 * was taken and why; throws when it opened but could not be sealed again (the caller deletes it).
 */
export async function backupWithoutPupils(
  db: CareersDeskDb,
  bytes: Uint8Array,
  key: BackupKey,
  pupilIds: readonly string[],
): Promise<BackupWithout> {
  const opened = await openedPayload(db, bytes, key);
  if (!opened) return { outcome: 'unopened' };
  const without = payloadWithoutPupils(opened.payload, pupilIds);
  if (without.changed === 0) return { outcome: 'unchanged' };
  const data = await sealBackup(
    payloadParts(without.payload),
    key,
    {
      schemaVersion: without.payload.schemaVersion,
      createdAt: opened.header.createdAt,
      reason: opened.header.reason,
      appVersion: opened.header.appVersion,
    },
    secureRandom,
  );
  return { outcome: 'rewritten', data: new Blob([data as Uint8Array<ArrayBuffer>]) };
}

export async function readJobOn(
  db: CareersDeskDb,
  job: ReadJob,
  onProgress: (fraction: number) => void = () => {},
): Promise<ReadJobResults[ReadJob['kind']]> {
  onProgress(0);
  switch (job.kind) {
    case 'destinations-file':
      return buildDestinationsFile(await loadCouncilFileSource(db), job.la, job.today);
    case 'risk-list':
      return buildRiskList(await loadCouncilFileSource(db), job.la, job.today);
    case 'compass-evaluation':
      return compassEvaluation(await loadCompassSource(db), { schoolId: job.schoolId, asAt: job.asAt });
    case 'backup-without-pupils':
      return backupWithoutPupils(db, job.bytes, job.key, job.pupilIds);
    case 'backup-holds-pupil': {
      const opened = await openedPayload(db, job.bytes, job.key);
      return opened ? payloadHoldsPupil(opened.payload, job.pupilId) : null;
    }
  }
}
