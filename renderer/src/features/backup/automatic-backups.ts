// Automatic backups: sealed with this computer's automatic-backup key and handed to the bridge,
// which keeps the newest 14 in the app's own folder (desktop) or its own IndexedDB store (web).
import { localIsoDate } from '@shared/sessions';
import type { BackupInfo, BackupReason } from '@shared/bridge';
import { backupFileName, getBridge, sendInParts } from '../../bridge';
import { useRepositories } from '../../db/repositories';

/**
 * Takes an automatic backup now, or returns null when no automatic-backup passphrase is set
 * (the Data page asks for one; until then nothing can be sealed unattended).
 */
export async function takeAutomaticBackup(reason: Exclude<BackupReason, 'manual'>, now: Date = new Date()): Promise<BackupInfo | null> {
  const repos = useRepositories();
  const key = await repos.backup.automaticKey();
  if (!key) return null;
  const bridge = getBridge();
  const file = await repos.backup.makeFile(key, { reason, now, appVersion: await bridge.appVersion() });
  return bridge.writeBackup({ name: backupFileName(reason, now), data: await sendInParts(bridge, file), reason });
}

/** True when no daily backup has been taken today (on this computer's calendar). */
export async function isDailyBackupDue(now: Date = new Date()): Promise<boolean> {
  const today = localIsoDate(now);
  const backups = await getBridge().listBackups();
  return !backups.some((backup) => backup.reason === 'daily' && localIsoDate(new Date(backup.createdAt)) === today);
}

let dailyCheck: Promise<BackupInfo | null> | null = null;

/** The daily backup, once a day: called when the app starts (and when the Data page opens). */
export function dailyBackupIfDue(now: Date = new Date()): Promise<BackupInfo | null> {
  dailyCheck ??= (async () => {
    try {
      if (!(await useRepositories().backup.automaticKey())) return null;
      return (await isDailyBackupDue(now)) ? await takeAutomaticBackup('daily', now) : null;
    } finally {
      dailyCheck = null;
    }
  })();
  return dailyCheck;
}
