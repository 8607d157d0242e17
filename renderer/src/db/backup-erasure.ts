// Erasure reaches the automatic backups: each one is opened with this computer's automatic-backup key,
// rewritten without the young people erased here (shared/backup/erasure.ts) and sealed again under its
// own name; one that cannot be opened or rewritten is deleted. A subject access export lists those
// that still hold the young person.
import type { BackupInfo, DesktopBridge } from '@shared/bridge';
import type { BackupErasureOutcome, BackupHolding, BackupKey } from '@shared/backup';
import type { CareersDeskDb } from './schema';
import { getAutoBackupKey } from './backup';
import { getSetting } from './settings';
import { recordAudit } from './audit';
import { readJobOn, type BackupWithout } from './read-jobs';
import { sendInParts } from '../platform/send-in-parts';

/** The bridge's automatic-backup operations: all this needs, so tests can pass the web bridge. */
export type AutomaticBackupStore = Pick<
  DesktopBridge,
  'listBackups' | 'readBackup' | 'replaceBackup' | 'deleteBackup' | 'readKey' | 'writeKey' | 'beginUpload' | 'uploadPart'
>;

/**
 * Opens one backup's bytes and rewrites it without the young people, or says whether it holds one: the app
 * runs these in the data worker (repositories.ts), as each opens and decodes a whole database.
 */
export interface BackupReader {
  without(bytes: Uint8Array, key: BackupKey, pupilIds: string[]): Promise<BackupWithout>;
  /** Null when the backup does not open with the key. */
  holds(bytes: Uint8Array, key: BackupKey, pupilId: string): Promise<boolean | null>;
}

/** The same work on the calling thread (unit tests, and where no worker is wanted). */
export function backupReaderOn(db: CareersDeskDb): BackupReader {
  return {
    without: (bytes, key, pupilIds) => readJobOn(db, { kind: 'backup-without-pupils', bytes, key, pupilIds }) as Promise<BackupWithout>,
    holds: (bytes, key, pupilId) => readJobOn(db, { kind: 'backup-holds-pupil', bytes, key, pupilId }) as Promise<boolean | null>,
  };
}

async function readBytes(store: AutomaticBackupStore, info: BackupInfo): Promise<Uint8Array | null> {
  try {
    return await store.readBackup({ name: info.name });
  } catch {
    return null;
  }
}

async function deleted(store: AutomaticBackupStore, info: BackupInfo): Promise<boolean> {
  try {
    await store.deleteBackup({ name: info.name });
    return true;
  } catch {
    return false;
  }
}

export interface BackupErasureOptions {
  actorId: string | null;
  now?: Date;
  /** Where each backup is opened and rewritten: on this thread unless given. */
  reader?: BackupReader;
  /** Called after each backup: how many are done of how many. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Rewrites every automatic backup without the young people erased on this computer (`pupilId` and
 * every id in `erasedPupilIds`, so a rewrite cut short before is finished now). Backups that hold
 * none of them are left as they are; those that cannot be opened with this computer's key, or cannot
 * be written back, are deleted. One audit entry says how many of each, with no personal data.
 */
export async function eraseFromAutomaticBackups(
  db: CareersDeskDb,
  store: AutomaticBackupStore,
  pupilId: string,
  options: BackupErasureOptions,
): Promise<BackupErasureOutcome> {
  const backups = await store.listBackups();
  const outcome: BackupErasureOutcome = { total: backups.length, rewritten: 0, deleted: 0, unchanged: 0, failed: 0 };
  if (backups.length === 0) return outcome;
  const key = await getAutoBackupKey(db, store);
  const erased = [...new Set([pupilId, ...((await getSetting(db, 'erasedPupilIds')) ?? [])])];
  const reader = options.reader ?? backupReaderOn(db);
  for (const [index, info] of backups.entries()) {
    const bytes = key ? await readBytes(store, info) : null;
    let rewritten: BackupWithout | 'failed';
    try {
      rewritten = key && bytes ? await reader.without(bytes, key, erased) : { outcome: 'unopened' };
    } catch {
      rewritten = 'failed';
    }
    if (rewritten !== 'failed' && rewritten.outcome === 'unchanged') outcome.unchanged += 1;
    else {
      let written = false;
      if (rewritten !== 'failed' && rewritten.outcome === 'rewritten') {
        try {
          await store.replaceBackup({ name: info.name, data: await sendInParts(store, rewritten.data) });
          written = true;
        } catch {
          written = false;
        }
      }
      if (written) outcome.rewritten += 1;
      else if (await deleted(store, info)) outcome.deleted += 1;
      else outcome.failed += 1;
    }
    options.onProgress?.(index + 1, backups.length);
  }
  await recordAudit(
    db,
    {
      actorId: options.actorId,
      action: 'erase',
      entity: 'database',
      recordId: null,
      pupilId: null,
      summary:
        `Automatic backups after an erasure: ${outcome.rewritten} rewritten without the young person, ${outcome.deleted} deleted ` +
        `(could not be opened or rewritten), ${outcome.unchanged} held nothing about them` +
        (outcome.failed > 0 ? `, ${outcome.failed} could not be deleted` : ''),
    },
    options.now,
  );
  return outcome;
}

/**
 * The automatic backups that hold this young person, oldest first, for their subject access export,
 * and how many could not be opened to tell.
 */
export async function automaticBackupsHolding(
  db: CareersDeskDb,
  store: AutomaticBackupStore,
  pupilId: string,
  reader: BackupReader = backupReaderOn(db),
): Promise<BackupHolding> {
  const backups = await store.listBackups();
  const key = await getAutoBackupKey(db, store);
  const holding: BackupHolding = { backups: [], couldNotBeOpened: 0 };
  for (const info of [...backups].reverse()) {
    const bytes = key ? await readBytes(store, info) : null;
    const holds = key && bytes ? await reader.holds(bytes, key, pupilId).catch(() => null) : null;
    if (holds === null) holding.couldNotBeOpened += 1;
    else if (holds) holding.backups.push({ name: info.name, createdAt: info.createdAt, reason: info.reason });
  }
  return holding;
}
