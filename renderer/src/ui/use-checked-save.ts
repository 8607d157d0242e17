import { computed, ref } from 'vue';
import { problemsByField, type Checked, type Problem } from '@shared/model';
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
 *
 * A failed write says what failed and that nothing changed (`failureWithReason`); `what` names the
 * record in that message: "The employer", "The route".
 */
export function useCheckedSave(what: string, options: CheckedSaveOptions = {}) {
  const problems = ref<Problem[]>([]);
  const errors = computed(() => problemsByField(problems.value));
  const saving = ref(false);

  async function save<R>(write: () => Promise<Checked<R>>, then: (saved: R) => unknown): Promise<void> {
    saving.value = true;
    try {
      const result = await write();
      if (!result.ok) {
        problems.value = result.problems;
        return;
      }
      problems.value = [];
      await then(result.value);
    } catch (error) {
      const message = failureWithReason(`${what} could not be saved`, error, options.kept);
      if (options.onFailure) await options.onFailure(message);
      else problems.value = [{ field: 'form', message }];
    } finally {
      saving.value = false;
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

  return { problems, errors, saving, submit, save };
}
