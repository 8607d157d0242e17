import { defineStore } from 'pinia';
import { ref } from 'vue';
import { hashPassphrase, passphraseProblems, verifyPassphrase } from '@shared/backup';
import type { Problem } from '@shared/model';
import { secureRandom } from '../../db/backup';
import { useRepositories } from '../../db/repositories';

/**
 * The optional lock: a passphrase (kept only as a slow hash) asked for when the app starts and
 * after a chosen time without use. It hides the records from someone at the desk; it does not
 * encrypt the database (backups are encrypted).
 */
export const useLockStore = defineStore('lock', () => {
  const repos = useRepositories();
  const loaded = ref(false);
  const enabled = ref(false);
  const locked = ref(false);
  const idleMinutes = ref(0);

  /** Reads the lock settings; with `atStart`, a lock that is on locks at once. */
  async function load(atStart = false): Promise<void> {
    const [hash, minutes] = await Promise.all([repos.settings.get('lockPassphraseHash'), repos.settings.get('lockIdleMinutes')]);
    enabled.value = hash !== undefined && hash !== null;
    idleMinutes.value = minutes ?? 0;
    if (atStart && enabled.value) locked.value = true;
    loaded.value = true;
  }

  function lock(): void {
    if (enabled.value) locked.value = true;
  }

  /** True and unlocked when the passphrase matches. */
  async function unlock(passphrase: string): Promise<boolean> {
    const stored = await repos.settings.get('lockPassphraseHash');
    if (!stored) {
      locked.value = false;
      return true;
    }
    const ok = await verifyPassphrase(passphrase, stored);
    if (ok) locked.value = false;
    return ok;
  }

  async function turnOn(passphrase: string, confirmation: string, minutes: number): Promise<Problem[]> {
    const problems = passphraseProblems(passphrase, confirmation);
    if (problems.length > 0) return problems;
    await repos.settings.set('lockPassphraseHash', await hashPassphrase(passphrase, secureRandom));
    await repos.settings.set('lockIdleMinutes', minutes);
    await load();
    return [];
  }

  async function setIdleMinutes(minutes: number): Promise<void> {
    await repos.settings.set('lockIdleMinutes', minutes);
    idleMinutes.value = minutes;
  }

  /** Turning the lock off needs its passphrase, so someone at an unlocked desk cannot remove it. */
  async function turnOff(passphrase: string): Promise<Problem[]> {
    const stored = await repos.settings.get('lockPassphraseHash');
    if (stored && !(await verifyPassphrase(passphrase, stored)))
      return [{ field: 'current', message: "That is not the lock's passphrase" }];
    await repos.settings.removeLock();
    await load();
    return [];
  }

  return { loaded, enabled, locked, idleMinutes, load, lock, unlock, turnOn, setIdleMinutes, turnOff };
});
