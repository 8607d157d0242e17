import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import {
  MERGE_TABLES,
  BACKUP_TABLE_LABELS,
  checkMergeWrites,
  inspectBackup,
  planMerge,
  resolveMerge,
  type ConflictChoice,
  type MergePlan,
} from '@shared/backup';
import { getBridge } from '../../bridge';
import { takeAutomaticBackup } from './automatic-backups';
import { useBackupStore } from './store';
import { useRepositories } from '../../db/repositories';

/**
 * Merging another adviser's backup: open it, compare it with this computer's records, let the
 * adviser choose each conflict, then write it in one transaction after an automatic backup.
 */
export const useMergeStore = defineStore('merge', () => {
  const repos = useRepositories();
  const name = ref('');
  // Shallow: the records go to IndexedDB as they are, and a Vue proxy cannot be stored.
  const bytes = shallowRef<Uint8Array | null>(null);
  const plan = shallowRef<MergePlan | null>(null);
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
    const file = await getBridge().openFile({ filters: [{ name: 'Careers Desk backup', extensions: ['json'] }] });
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
      const read = await repos.backup.readFile(bytes.value, { passphrase });
      if (!read.ok) {
        error.value = read.error.message;
        return;
      }
      error.value = '';
      plan.value = planMerge(
        await repos.backup.localMergeTables(),
        read.value.payload.tables,
        (await repos.settings.get('erasedPupilIds')) ?? [],
      );
    } finally {
      busy.value = '';
    }
  }

  function chooseAll(choice: 'local' | 'incoming'): void {
    for (const conflict of plan.value?.conflicts ?? []) choices.value[conflict.key] = choice;
  }

  const resolved = computed(() => (plan.value ? resolveMerge(plan.value, choices.value) : null));

  /** What the merge would do, table by table, for the summary. */
  const summary = computed(() => {
    const current = plan.value;
    if (!current) return [];
    return MERGE_TABLES.map((table) => ({
      table,
      label: BACKUP_TABLE_LABELS[table],
      added: current.additions[table].length,
      newer: current.newer[table].length,
      conflicts: current.conflicts.filter((c) => c.table === table).length,
    })).filter((row) => row.added + row.newer + row.conflicts > 0);
  });

  async function confirm(): Promise<void> {
    const result = resolved.value;
    if (!result?.ok) return;
    const checked = checkMergeWrites(result.value);
    if (!checked.ok) {
      error.value =
        'The other backup holds records this version of Careers Desk cannot accept, so nothing was merged: ' + checked.problems.join('; ');
      return;
    }
    busy.value = 'Merging…';
    try {
      await takeAutomaticBackup('before-import');
      await repos.backup.applyMerge(checked.value, `the backup ${name.value}`);
      const { added, updated, joined } = checked.value.counts;
      void useBackupStore().refresh();
      const joinedNote = joined ? `, ${joined} young people recorded on both computers joined` : '';
      message.value = `Merged ${name.value}: ${added} records added, ${updated} updated${joinedNote}.`;
      reset();
    } catch (failure) {
      error.value = `The merge stopped and nothing was changed: ${(failure as Error).message}`;
    } finally {
      busy.value = '';
    }
  }

  return { name, bytes, plan, choices, error, message, busy, resolved, summary, reset, chooseFile, unlock, chooseAll, confirm };
});
