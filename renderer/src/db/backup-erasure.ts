// Erasure reaches the automatic backups: each one is opened with this computer's automatic-backup key,
// rewritten without the young people erased here (shared/backup/erasure.ts) and sealed again under its
// own name; one that cannot be opened or rewritten is deleted. A subject access export lists those
// that still hold the young person.
import type { BackupInfo, DesktopBridge } from '@shared/bridge';
import { encodePayload, payloadHoldsPupil, payloadWithoutPupils, sealBackup, type BackupKey, type RandomBytes } from '@shared/backup';
import type { BackupErasureOutcome, BackupHolding } from '@shared/backup';
import type { CareersDeskDb } from './schema';
import { getAutoBackupKey, readBackupFile, secureRandom, type OpenedBackup } from './backup';
import { getSetting } from './settings';
import { recordAudit } from './audit';

/** The bridge's automatic-backup operations: all this needs, so tests can pass the web bridge. */
export type AutomaticBackupStore = Pick<
  DesktopBridge,
  'listBackups' | 'readBackup' | 'replaceBackup' | 'deleteBackup' | 'readKey' | 'writeKey'
>;

async function openAutomatic(
  db: CareersDeskDb,
  store: AutomaticBackupStore,
  key: BackupKey | null,
  info: BackupInfo,
): Promise<OpenedBackup | null> {
  if (!key) return null;
  try {
    const opened = await readBackupFile(db, await store.readBackup({ name: info.name }), { key });
    return opened.ok ? opened.value : null;
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
  random?: RandomBytes;
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
  for (const [index, info] of backups.entries()) {
    const opened = await openAutomatic(db, store, key, info);
    if (!opened || !key) {
      if (await deleted(store, info)) outcome.deleted += 1;
      else outcome.failed += 1;
    } else {
      const without = payloadWithoutPupils(opened.payload, erased);
      if (without.changed === 0) {
        outcome.unchanged += 1;
      } else {
        try {
          const data = await sealBackup(
            encodePayload(without.payload),
            key,
            {
              schemaVersion: without.payload.schemaVersion,
              createdAt: opened.header.createdAt,
              reason: opened.header.reason,
              appVersion: opened.header.appVersion,
            },
            options.random ?? secureRandom,
          );
          await store.replaceBackup({ name: info.name, data });
          outcome.rewritten += 1;
        } catch {
          if (await deleted(store, info)) outcome.deleted += 1;
          else outcome.failed += 1;
        }
      }
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
export async function automaticBackupsHolding(db: CareersDeskDb, store: AutomaticBackupStore, pupilId: string): Promise<BackupHolding> {
  const backups = await store.listBackups();
  const key = await getAutoBackupKey(db, store);
  const holding: BackupHolding = { backups: [], couldNotBeOpened: 0 };
  for (const info of [...backups].reverse()) {
    const opened = await openAutomatic(db, store, key, info);
    if (!opened) holding.couldNotBeOpened += 1;
    else if (payloadHoldsPupil(opened.payload, pupilId))
      holding.backups.push({ name: info.name, createdAt: info.createdAt, reason: info.reason });
  }
  return holding;
}
