import { nextTick, ref, type Ref } from 'vue';
import type ConfirmDialog from '../../ui/ConfirmDialog.vue';

interface NamedRecord {
  id: string;
  name: string;
}

/**
 * The behaviour of a Settings table with add, edit and remove (schools, advisers): one form open at a
 * time, focus returned to the row's Edit button or to "Add" when it closes, and a confirmed removal.
 * `removeRecord` does the removal and answers with the status line to show, or throws a refusal.
 */
export function useRecordEditor<T extends NamedRecord>(kind: string, removeRecord: (record: T) => Promise<string>) {
  /** The record being edited, 'new' while adding one, null when the form is closed. */
  const editing = ref<T | 'new' | null>(null) as Ref<T | 'new' | null>;
  const status = ref('');
  const failure = ref('');
  const toRemove = ref<T | null>(null) as Ref<T | null>;
  const confirmRemove = ref<InstanceType<typeof ConfirmDialog> | null>(null);
  const addButton = ref<HTMLButtonElement | null>(null);
  const editButtonId = (record: T) => `edit-${kind}-${record.id}`;

  function open(record: T | 'new'): void {
    status.value = '';
    failure.value = '';
    editing.value = null;
    // A fresh form each time, so it starts from the chosen record's values.
    void nextTick(() => {
      editing.value = record;
    });
  }

  async function close(focusId: string | null): Promise<void> {
    editing.value = null;
    await nextTick();
    const target = focusId ? document.getElementById(focusId) : null;
    (target ?? addButton.value)?.focus();
  }

  async function saved(record: T): Promise<void> {
    const wasNew = editing.value === 'new';
    status.value = wasNew ? `${record.name} added.` : `${record.name} saved.`;
    await close(wasNew ? null : editButtonId(record));
  }

  function cancel(): void {
    const current = editing.value;
    void close(current && current !== 'new' ? editButtonId(current) : null);
  }

  function askToRemove(record: T): void {
    status.value = '';
    failure.value = '';
    toRemove.value = record;
    confirmRemove.value?.open();
  }

  async function remove(): Promise<void> {
    const record = toRemove.value;
    if (!record) return;
    try {
      status.value = await removeRecord(record);
      if (editing.value !== 'new' && editing.value?.id === record.id) editing.value = null;
      addButton.value?.focus();
    } catch (error) {
      failure.value = (error as Error).message;
    }
  }

  return { editing, status, failure, toRemove, confirmRemove, addButton, open, saved, cancel, askToRemove, remove };
}
