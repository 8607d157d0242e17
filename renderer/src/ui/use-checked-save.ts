import { computed, ref } from 'vue';
import { isConflicted, problemsByField, type Checked, type CheckedSave, type Problem } from '@shared/model';
import { failureWithReason } from './failure-words';

export interface CheckedSaveOptions {
  /** What still holds when a write fails, said after the reason: "Nothing was changed." unless given. */
  kept?: string;
  /**
   * Takes a failed write's message instead of the error summary, and does what else the form needs
   * (a form kept as a draft starts keeping it again). Without it the message is a problem of the field `form`.
   */
  onFailure?: (message: string) => unknown;
}

/**
 * The save step every record form shares: check, and show each problem beside its field; otherwise
 * write, then go on (navigate, close, say what was saved). `saving` is true while the write runs.
 *
 * - `submit(checked, write, then)`: the form's own rules have checked the record (`Checked<T>`), and the
 *   write answers the saved record.
 * - `save(write, then)`: the write itself checks (a repository or store that answers `Checked<R>`), and
 *   its problems show as the rules' do.
 * - `submitUnlessChanged(checked, write, then, onConflict)`: as submit, for a write checked against the
 *   version the form opened (`CheckedSave<R>`): a record changed elsewhere meanwhile goes to `onConflict`
 *   with the stored version, for the form to show both side by side. Nothing was written.
 *
 * A failed write says what failed and that nothing changed (`failureWithReason`); `what` names the
 * record in that message: "The employer", "The route".
 */
export function useCheckedSave(what: string, options: CheckedSaveOptions = {}) {
  const problems = ref<Problem[]>([]);
  const errors = computed(() => problemsByField(problems.value));
  const saving = ref(false);

  async function save<R, S = R>(
    write: () => Promise<CheckedSave<R, S>>,
    then: (saved: R) => unknown,
    onConflict?: (stored: S) => unknown,
  ): Promise<void> {
    saving.value = true;
    let conflict: { stored: S } | null = null;
    try {
      const result = await write();
      if (isConflicted(result)) {
        problems.value = [];
        conflict = result.conflict;
      } else if (!result.ok) {
        problems.value = result.problems;
      } else {
        problems.value = [];
        await then(result.value);
      }
    } catch (error) {
      const message = failureWithReason(`${what} could not be saved`, error, options.kept);
      if (options.onFailure) await options.onFailure(message);
      else problems.value = [{ field: 'form', message }];
    } finally {
      saving.value = false;
    }
    // After `saving` is over, so that the form can save again from here.
    if (conflict) {
      if (onConflict) await onConflict(conflict.stored);
      else problems.value = [{ field: 'form', message: `${what} was changed elsewhere since you opened it, so it was not saved.` }];
    }
  }

  async function submit<T, R>(checked: Checked<T>, write: (value: T) => Promise<R>, then: (saved: R) => unknown): Promise<void> {
    if (!checked.ok) {
      problems.value = checked.problems;
      return;
    }
    problems.value = [];
    await save(async () => ({ ok: true, value: await write(checked.value) }), then);
  }

  async function submitUnlessChanged<T, R>(
    checked: Checked<T>,
    write: (value: T) => Promise<CheckedSave<R>>,
    then: (saved: R) => unknown,
    onConflict: (stored: R) => unknown,
  ): Promise<void> {
    if (!checked.ok) {
      problems.value = checked.problems;
      return;
    }
    problems.value = [];
    await save(() => write(checked.value), then, onConflict);
  }

  return { problems, errors, saving, submit, submitUnlessChanged, save };
}
