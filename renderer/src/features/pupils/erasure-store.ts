import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { backupErasureWords } from '@shared/backup/erasure';
import { getBridge } from '../../bridge';
import { useRepositories } from '../../db/repositories';

/**
 * Erasure in one confirmed step: the young person's records go in one transaction, then every automatic
 * backup is rewritten without them (or deleted when it cannot be). The rewriting carries on here, in a
 * store, while the adviser is taken back to the list, which shows its progress and then what was done.
 */
export const useErasureStore = defineStore('pupil-erasure', () => {
  const repos = useRepositories();
  /** What the list says: the progress, then what was done. Holds no personal data. */
  const notice = ref('');
  const failure = ref('');
  /** Rewrites waiting or under way. */
  const pending = ref(0);
  const running = computed(() => pending.value > 0);
  /** One rewrite at a time: two at once could each write back a copy the other had just cleaned. */
  let queue: Promise<void> = Promise.resolve();

  async function rewriteBackups(pupilId: string): Promise<void> {
    try {
      const outcome = await repos.backup.eraseFromAutomatic(getBridge(), pupilId, (done, total) => {
        notice.value = `The record was erased. Rewriting the automatic backups without them: ${done} of ${total}…`;
      });
      notice.value = `The record was erased. ${backupErasureWords(outcome)}`;
    } catch (error) {
      notice.value = 'The record was erased.';
      failure.value =
        `The automatic backups could not be rewritten (${(error as Error).message}); they may still hold the young person. ` +
        'The next erasure tries them again.';
    } finally {
      pending.value -= 1;
    }
  }

  /**
   * Erases the young person; resolves once their records are gone (it throws, and nothing changes,
   * when they cannot be). The automatic backups are rewritten after, with progress in `notice`.
   */
  async function erase(pupilId: string): Promise<void> {
    failure.value = '';
    await repos.pupils.erase(pupilId);
    notice.value = 'The record was erased. Rewriting the automatic backups without them…';
    pending.value += 1;
    queue = queue.then(() => rewriteBackups(pupilId));
  }

  /** Forgets the last notice once it has been seen (the list page is left), unless the rewriting is still going. */
  function dismiss(): void {
    if (running.value) return;
    notice.value = '';
    failure.value = '';
  }

  return { notice, failure, running, erase, dismiss };
});
