import { computed, ref } from 'vue';
import { problemsByField, type Checked, type Problem } from '@shared/model';

/**
 * The save step the record forms share: check with the shared rules and show each problem beside
 * its field; otherwise write, then go on. A failed write says what failed and that nothing changed.
 * `what` names the record in that message: "The employer", "The route".
 */
export function useCheckedSave(what: string) {
  const problems = ref<Problem[]>([]);
  const errors = computed(() => problemsByField(problems.value));
  const saving = ref(false);

  async function submit<T, R>(checked: Checked<T>, write: (value: T) => Promise<R>, then: (saved: R) => unknown): Promise<void> {
    if (!checked.ok) {
      problems.value = checked.problems;
      return;
    }
    problems.value = [];
    saving.value = true;
    try {
      await then(await write(checked.value));
    } catch (error) {
      problems.value = [{ field: 'form', message: `${what} could not be saved: ${(error as Error).message}. Nothing was changed.` }];
    } finally {
      saving.value = false;
    }
  }

  return { problems, errors, saving, submit };
}
