import { defineStore } from 'pinia';
import { ref } from 'vue';
import { passphraseProblems } from '@shared/backup/format';
import { verifyPassphrase } from '@shared/backup/passphrase-hash';
import type { Problem } from '@shared/model';
import { useRepositories } from '../../db/repositories';
import { appRecordsLock } from '../../db/app-repositories';
import { getBridge } from '../../bridge';

/**
 * The optional lock. On, the records' key is kept only wrapped by the passphrase (db/data-key.ts): at start
 * nothing is read until it is given (UnlockRecords, before the app mounts), and locking reloads the window,
 * so no key and no opened record stays in memory. A lock set before encryption (a passphrase hash in the
 * settings) still hides the records; the first unlock with its passphrase wraps the key and drops the hash.
 */
export const useLockStore = defineStore('lock', () => {
  const repos = useRepositories();
  const records = appRecordsLock(getBridge());
  const loaded = ref(false);
  const enabled = ref(false);
  const locked = ref(false);
  const idleMinutes = ref(0);
  /** Whether the key is wrapped (the real lock); otherwise only a lock from before encryption may be set. */
  const wrapped = ref(false);

  /** Reads the lock settings; with `atStart`, a lock from before encryption locks at once (the key is already wrapped otherwise). */
  async function load(atStart = false): Promise<void> {
    const [isWrapped, hash, minutes] = await Promise.all([
      records.isOn(),
      repos.settings.get('lockPassphraseHash'),
      repos.settings.get('lockIdleMinutes'),
    ]);
    wrapped.value = isWrapped;
    const oldLock = hash !== undefined && hash !== null;
    enabled.value = isWrapped || oldLock;
    idleMinutes.value = minutes ?? 0;
    if (atStart && oldLock && !isWrapped) locked.value = true;
    loaded.value = true;
  }

  /** True when the start's early read already showed that no lock from before encryption is set. */
  function noOldLockAtStart(): Promise<boolean> {
    return records.noOldLockAtStart();
  }

  function lock(): void {
    if (!enabled.value) return;
    // A fresh start forgets the key and every opened record at once; the start asks for the passphrase.
    if (wrapped.value) window.location.reload();
    else locked.value = true;
  }

  /** Only for a lock from before encryption: true, the key wrapped and the old hash gone, when the passphrase matches. */
  async function unlock(passphrase: string): Promise<boolean> {
    const stored = await repos.settings.get('lockPassphraseHash');
    if (stored && !(await verifyPassphrase(passphrase, stored))) return false;
    if (stored) await wrapWith(passphrase);
    locked.value = false;
    return true;
  }

  /** Wraps the key, then drops the old hash, keeping the idle time. */
  async function wrapWith(passphrase: string): Promise<void> {
    await records.turnOn(passphrase);
    const minutes = idleMinutes.value;
    await repos.settings.removeLock();
    if (minutes > 0) await repos.settings.set('lockIdleMinutes', minutes);
    await load();
  }

  async function turnOn(passphrase: string, confirmation: string, minutes: number): Promise<Problem[]> {
    const problems = passphraseProblems(passphrase, confirmation);
    if (problems.length > 0) return problems;
    await records.turnOn(passphrase);
    await repos.settings.removeLock();
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
    const wrong: Problem[] = [{ field: 'current', message: "That is not the lock's passphrase" }];
    if (wrapped.value) {
      if (!(await records.turnOff(passphrase))) return wrong;
    } else {
      const stored = await repos.settings.get('lockPassphraseHash');
      if (stored && !(await verifyPassphrase(passphrase, stored))) return wrong;
    }
    await repos.settings.removeLock();
    await load();
    return [];
  }

  return { loaded, enabled, locked, idleMinutes, load, noOldLockAtStart, lock, unlock, turnOn, setIdleMinutes, turnOff };
});
