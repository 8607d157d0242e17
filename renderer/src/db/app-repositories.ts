import type { Clock } from '../platform/clock';
import { appDataKeys, db, sealingProgressListeners } from './database';
import { DATABASE_NAME } from './name';
import { openRecordsKey, unlockRecords, type KeyStore, type RecordsAtStart } from './data-key';
import { createRepositories, installRepositories } from './repositories';

/** At start-up (main.ts): the app's repositories over the app's database, so no file above db/ holds the database. */
export function installAppRepositories(actor: () => string | null, clock: Clock): void {
  installRepositories(createRepositories(db, { actor, clock }));
}

/**
 * At start-up, before anything reads a record: the key from the key store (made on the first start), then
 * the database opened, which on the first start after the update seals every record (`onProgress` hears how
 * far). Locked: nothing is opened until `unlockAppRecords` has the passphrase.
 */
export async function openAppRecords(store: KeyStore, onProgress: (done: number, total: number) => void): Promise<RecordsAtStart> {
  const atStart = await openRecordsKey(store, appDataKeys, DATABASE_NAME);
  if (atStart.state === 'unlocked') await openAppDatabase(onProgress);
  return atStart;
}

/** The lock's passphrase at start: true once the key is unwrapped and the database open. */
export async function unlockAppRecords(
  store: KeyStore,
  passphrase: string,
  onProgress: (done: number, total: number) => void,
): Promise<boolean> {
  if (!(await unlockRecords(store, appDataKeys, passphrase))) return false;
  await openAppDatabase(onProgress);
  return true;
}

async function openAppDatabase(onProgress: (done: number, total: number) => void): Promise<void> {
  sealingProgressListeners.add(onProgress);
  try {
    await db.open();
  } finally {
    sealingProgressListeners.delete(onProgress);
  }
}
