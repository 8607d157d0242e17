import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { inspectBackup, newBackupKey, passphraseProblems, type BackupHeader } from '@shared/backup';
import type { Checked, Problem } from '@shared/model';
import type { BackupInfo } from '@shared/bridge';
import { BACKUP_FILE_EXTENSION, BACKUP_FILE_FILTERS, getBridge, sendInParts } from '../../bridge';
import { secureRandom } from '../../platform/secure-random';
import type { OpenedBackupSummary } from '../../db/data-jobs';
import { todayIso } from '../../platform/clock';
import { loadSettings } from '../settings';
import { dailyBackupIfDue, takeAutomaticBackup } from './automatic-backups';
import { useRepositories } from '../../db/repositories';

/** A backup chosen for restoring, from a file or the automatic backups, on its way to the adviser's confirmation. */
export interface PendingRestore {
  source: 'file' | 'automatic';
  name: string;
  bytes: Uint8Array;
  /** The file's outside, read before it is opened: not yet verified, so never shown as fact. */
  header: BackupHeader | null;
  /** Opened, integrity-checked, and every record within the rules: only then can it be restored. */
  opened: OpenedBackupSummary | null;
  /** It opened but cannot be restored (its records break the rules): nothing more to ask. */
  refused: boolean;
  /** A clear message when the file cannot be restored. */
  error: string;
}

export const useBackupStore = defineStore('backups', () => {
  const repos = useRepositories();
  const autoKeySet = ref<boolean | null>(null);
  const backups = ref<BackupInfo[]>([]);
  const listFailure = ref('');
  const busy = ref('');
  const message = ref('');
  // Shallow: the file's bytes and the key go to the data worker as they are, and a Vue proxy cannot be sent.
  const pending = shallowRef<PendingRestore | null>(null);
  /** How far the restore running now has got, from 0 to 1 (null: none running). */
  const restoreProgress = ref<number | null>(null);
  let stopRestore: AbortController | null = null;

  async function refresh(): Promise<void> {
    autoKeySet.value = (await repos.backup.automaticKey()) !== null;
    try {
      backups.value = await getBridge().listBackups();
      listFailure.value = '';
    } catch (error) {
      listFailure.value = `The automatic backups could not be listed: ${(error as Error).message}`;
    }
  }

  /** Runs on opening the Data page: today's daily backup if it is due, then the list. */
  async function start(): Promise<void> {
    try {
      await dailyBackupIfDue();
    } catch (error) {
      listFailure.value = `Today's automatic backup could not be taken: ${(error as Error).message}`;
    }
    await refresh();
  }

  async function setAutoPassphrase(passphrase: string, confirmation: string): Promise<Problem[]> {
    const problems = passphraseProblems(passphrase, confirmation);
    if (problems.length > 0) return problems;
    busy.value = 'Setting the passphrase…';
    try {
      await repos.backup.setAutomaticPassphrase(passphrase);
      await takeAutomaticBackup('daily');
      message.value = 'Automatic backups are on: one was taken now, and one is taken each day and before every import or restore.';
      await refresh();
      return [];
    } finally {
      busy.value = '';
    }
  }

  /** Encrypts the whole database with the passphrase and saves it where the adviser chooses. */
  async function saveBackup(passphrase: string, confirmation: string): Promise<Checked<string>> {
    const problems = passphraseProblems(passphrase, confirmation);
    if (problems.length > 0) return { ok: false, problems };
    busy.value = 'Encrypting the backup…';
    try {
      const bridge = getBridge();
      const key = await newBackupKey(passphrase, secureRandom);
      const file = await repos.backup.makeFile(key, { reason: 'manual', appVersion: await bridge.appVersion() });
      const name = `careers-desk-backup-${todayIso()}.${BACKUP_FILE_EXTENSION}`;
      // Sent before the save dialog opens: a part sent meanwhile would keep the upload alive past a cancel anyway.
      const data = await sendInParts(bridge, file);
      const saved = await bridge.saveFile({ suggestedName: name, filters: BACKUP_FILE_FILTERS, data });
      if (!saved.saved) return { ok: false, problems: [{ field: 'form', message: 'The backup was not saved.' }] };
      await repos.backup.auditSaved();
      const where = saved.path ? ` to ${saved.path}` : ` as ${name}`;
      message.value = `Backup saved${where}. Keep the passphrase safe: without it the backup cannot be opened.`;
      return { ok: true, value: name };
    } catch (error) {
      return { ok: false, problems: [{ field: 'form', message: `The backup could not be made: ${(error as Error).message}` }] };
    } finally {
      busy.value = '';
    }
  }

  function choose(source: PendingRestore['source'], name: string, bytes: Uint8Array): void {
    const inspected = inspectBackup(bytes, { currentSchemaVersion: repos.backup.schemaVersion() });
    pending.value = {
      source,
      name,
      bytes,
      header: inspected.ok ? inspected.value.header : null,
      opened: null,
      refused: false,
      error: inspected.ok ? '' : inspected.error.message,
    };
  }

  /** A backup that opened, checked record by record before it is offered for restoring. */
  function opened(current: PendingRestore, backup: OpenedBackupSummary): PendingRestore {
    if (backup.refusal) return { ...current, opened: null, refused: true, error: backup.refusal };
    return { ...current, opened: backup, refused: false, error: '' };
  }

  async function chooseFile(): Promise<void> {
    message.value = '';
    const file = await getBridge().openFile({ filters: BACKUP_FILE_FILTERS });
    if (file) choose('file', file.name, file.data);
  }

  /** An automatic backup opens with this computer's key, without asking for the passphrase when it can. */
  async function chooseAutomatic(info: BackupInfo): Promise<void> {
    message.value = '';
    const bytes = await getBridge().readBackup({ name: info.name });
    choose('automatic', info.name, bytes);
    const key = await repos.backup.automaticKey();
    if (key && pending.value && !pending.value.error) {
      const read = await repos.backup.open(bytes, { key });
      if (read.ok) pending.value = opened(pending.value, read.value);
    }
  }

  async function unlock(passphrase: string): Promise<void> {
    const current = pending.value;
    if (!current) return;
    busy.value = 'Checking the passphrase…';
    try {
      const read = await repos.backup.open(current.bytes, { passphrase });
      pending.value = read.ok ? opened(current, read.value) : { ...current, opened: null, error: read.error.message };
    } finally {
      busy.value = '';
    }
  }

  /**
   * Replaces the whole database with the backup. A safety copy (an automatic backup of what is here
   * now) is taken first whenever automatic backups are on; when they are off, none can be taken, and
   * the restore goes ahead only if the adviser chose `withoutSafetyCopy`. The message says which happened.
   */
  async function confirmRestore(options: { withoutSafetyCopy?: boolean } = {}): Promise<void> {
    const current = pending.value;
    if (!current?.opened) return;
    busy.value = 'Restoring…';
    try {
      const canTakeSafetyCopy = (await repos.backup.automaticKey()) !== null;
      if (!canTakeSafetyCopy && !options.withoutSafetyCopy) {
        pending.value = {
          ...current,
          error:
            'Nothing was restored: automatic backups are off, so no safety copy of what is here now can be taken. ' +
            'Set a backup passphrase first, or choose to restore without a safety copy.',
        };
        return;
      }
      const safety = canTakeSafetyCopy ? await takeAutomaticBackup('before-restore') : null;
      if (canTakeSafetyCopy && !safety) throw new Error('the safety copy of what is here now could not be taken');
      stopRestore = new AbortController();
      restoreProgress.value = 0;
      await repos.backup.restore(
        current.bytes,
        current.opened.key,
        current.source === 'file' ? `the file ${current.name}` : `the automatic backup ${current.name}`,
        (fraction) => (restoreProgress.value = fraction),
        stopRestore.signal,
      );
      await loadSettings();
      pending.value = null;
      message.value = safety
        ? 'Restored. The database now holds what the backup held; what was here before is kept as the automatic backup ' +
          `taken just now (${safety.name}).`
        : 'Restored without a safety copy, as you chose. The database now holds what the backup held; what was here before is gone.';
      await refresh();
    } catch (error) {
      pending.value = stopRestore?.signal.aborted
        ? { ...current, error: 'The restore was cancelled and nothing was changed.' }
        : { ...current, error: `The restore stopped and nothing was changed: ${(error as Error).message}` };
    } finally {
      busy.value = '';
      restoreProgress.value = null;
      stopRestore = null;
    }
  }

  /** Stops the restore running now: its one transaction is never committed, so everything stays as it was. */
  function stopRunningRestore(): void {
    stopRestore?.abort();
  }

  function cancelRestore(): void {
    pending.value = null;
  }

  return {
    autoKeySet,
    backups,
    listFailure,
    busy,
    message,
    pending,
    refresh,
    start,
    setAutoPassphrase,
    saveBackup,
    chooseFile,
    chooseAutomatic,
    unlock,
    confirmRestore,
    restoreProgress,
    stopRunningRestore,
    cancelRestore,
  };
});
