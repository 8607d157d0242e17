import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useRepositories } from '../../db/repositories';

/**
 * Who is using this computer. Every write is recorded as theirs: the repositories read
 * `currentAdviserId` at each write (main.ts), so no view passes it.
 */
export const useSessionStore = defineStore('session', () => {
  const repos = useRepositories();
  const currentAdviserId = ref<string | null>(null);
  const loaded = ref(false);

  async function load(): Promise<void> {
    currentAdviserId.value = (await repos.settings.get('currentAdviserId')) ?? null;
    loaded.value = true;
  }

  /** Chooses who is using this computer; sessions and audit entries record them from now on. */
  async function setCurrentAdviser(adviserId: string | null): Promise<void> {
    if (adviserId !== null && !(await repos.organisation.advisers()).some((adviser) => adviser.active && adviser.id === adviserId)) {
      throw new Error('Only an active adviser can be chosen.');
    }
    await repos.settings.chooseAdviser(adviserId);
    currentAdviserId.value = adviserId;
  }

  /** An adviser who is no longer active (or removed) cannot stay the one using this computer. */
  async function forgetIfCurrent(adviserId: string): Promise<void> {
    if (currentAdviserId.value === adviserId) await setCurrentAdviser(null);
  }

  return { currentAdviserId, loaded, load, setCurrentAdviser, forgetIfCurrent };
});
