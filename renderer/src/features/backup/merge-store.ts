import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import {
  BACKUP_TABLE_LABELS,
  inspectBackup,
  unresolvedConflicts,
  type BackupKey,
  type ConflictChoice,
  type MergePreview,
} from '@shared/backup';
import { BACKUP_FILE_FILTERS, getBridge } from '../../bridge';
import { takeAutomaticBackup } from './automatic-backups';
import { useBackupStore } from './store';
import { useRepositories } from '../../db/repositories';

/**
 * Merging another adviser's backup: open it, compare it with this computer's records, let the
 * adviser choose each conflict, then write it in one transaction after an automatic backup. The
 * opening, comparing and writing happen in the data worker; the page holds the counts and conflicts.
 */
export const useMergeStore = defineStore('merge', () => {
  const repos = useRepositories();
  const name = ref('');
  // Shallow: the bytes and key go to the data worker as they are, and a Vue proxy cannot be sent.
  const bytes = shallowRef<Uint8Array | null>(null);
  const plan = shallowRef<(MergePreview & { key: BackupKey }) | null>(null);
  /** How far the merge running now has got, from 0 to 1 (null: none running). */
  const progress = ref<number | null>(null);
  let stopMerge: AbortController | null = null;
  const choices = ref<Record<string, ConflictChoice>>({});
  const error = ref('');
  const message = ref('');
  const busy = ref('');

  function reset(): void {
    name.value = '';
    bytes.value = null;
    plan.value = null;
    choices.value = {};
    error.value = '';
  }

  async function chooseFile(): Promise<void> {
    message.value = '';
    const file = await getBridge().openFile({ filters: BACKUP_FILE_FILTERS });
    if (!file) return;
    reset();
    name.value = file.name;
    const inspected = inspectBackup(file.data, { currentSchemaVersion: repos.backup.schemaVersion() });
    if (!inspected.ok) {
      error.value = inspected.error.message;
      return;
    }
    bytes.value = file.data;
  }

  async function unlock(passphrase: string): Promise<void> {
    if (!bytes.value) return;
    busy.value = 'Opening and comparing…';
    try {
      const read = await repos.backup.previewMerge(bytes.value, { passphrase });
      if (!read.ok) {
        error.value = read.error.message;
        return;
      }
      error.value = '';
      plan.value = read.value;
    } finally {
      busy.value = '';
    }
  }

  function chooseAll(choice: 'local' | 'incoming'): void {
    for (const conflict of plan.value?.conflicts ?? []) choices.value[conflict.key] = choice;
  }

  /** The conflicts still to choose for (empty when every one has its choice). */
  const unresolved = computed(() => (plan.value ? unresolvedConflicts(plan.value.conflicts, choices.value) : []));

  /** What the merge would do, table by table, for the summary. */
  const summary = computed(() =>
    (plan.value?.tables ?? [])
      .map((row) => ({ ...row, label: BACKUP_TABLE_LABELS[row.table] }))
      .filter((row) => row.added + row.newer + row.conflicts > 0),
  );

  async function confirm(): Promise<void> {
    const current = plan.value;
    const file = bytes.value;
    if (!current || !file || unresolved.value.length > 0) return;
    busy.value = 'Merging…';
    stopMerge = new AbortController();
    try {
      await takeAutomaticBackup('before-import');
      progress.value = 0;
      const result = await repos.backup.applyMerge(
        file,
        { key: current.key, choices: { ...choices.value }, previewed: current.previewed },
        `the backup ${name.value}`,
        (fraction) => (progress.value = fraction),
        stopMerge.signal,
      );
      if (!result.ok) {
        error.value = result.problem;
        return;
      }
      const { added, updated, joined } = result.counts;
      void useBackupStore().refresh();
      const joinedNote = joined ? `, ${joined} young people recorded on both computers joined` : '';
      message.value = `Merged ${name.value}: ${added} records added, ${updated} updated${joinedNote}.`;
      reset();
    } catch (failure) {
      error.value = stopMerge.signal.aborted
        ? 'The merge was cancelled and nothing was changed.'
        : `The merge stopped and nothing was changed: ${(failure as Error).message}`;
    } finally {
      busy.value = '';
      progress.value = null;
      stopMerge = null;
    }
  }

  /** Stops the merge running now: its one transaction is never committed, so nothing changes. */
  function stopRunningMerge(): void {
    stopMerge?.abort();
  }

  return {
    name,
    bytes,
    plan,
    choices,
    error,
    message,
    busy,
    progress,
    unresolved,
    summary,
    reset,
    chooseFile,
    unlock,
    chooseAll,
    confirm,
    stopRunningMerge,
  };
});
