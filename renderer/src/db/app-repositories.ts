import type { Clock } from '../platform/clock';
import { appDataKeys, db, holdAppDatabase, sealingProgressListeners } from './database';
import { DATABASE_NAME } from './name';
import { secureRandom } from '../platform/secure-random';
import {
  openRecordsKey,
  recordsKeyIsWrapped,
  unlockRecords,
  unwrapRecordsKey,
  wrapRecordsKey,
  type KeyStore,
  type RecordsAtStart,
} from './data-key';
import { createRepositories, installRepositories } from './repositories';
import { preparePupilList } from './pupil-list';
import { afterNextPaint } from '../platform/next-task';
import { lockFromBeforeEncryptionReadEarly } from './early-read';

/** At start-up (main.ts): the app's repositories over the app's database, so no file above db/ holds the database. */
export function installAppRepositories(actor: () => string | null, clock: Clock, keyStore: KeyStore): void {
  installRepositories(createRepositories(db, { actor, clock, keyStore }));
  // The pupil list (search, the list page) read while the first page loads: its reading and opening then overlap
  // the app's mounting instead of following it. A failure here is not shown: the list's own read tries again and says.
  preparePupilList(db).catch(() => undefined);
}

/** The app's database held closed (holdAppRecords) until openAppDatabase has the key in the ring. */
let releaseHold: (() => void) | null = null;

/**
 * At start-up, before the interface mounts (main.ts): the app's database held closed until openAppRecords or
 * unlockAppRecords has put the key in the ring, so the interface can mount, and query, while the key is read.
 */
export function holdAppRecords(): void {
  releaseHold = holdAppDatabase();
}

/**
 * At start-up, before anything reads a record: the key from the key store (made on the first start), then
 * the database opened, which on the first start after the update seals every record (`onProgress` hears how
 * far). Locked: nothing is opened until `unlockAppRecords` has the passphrase. `storedKey`: the key store's answer,
 * when main.ts asked for it before this code had loaded.
 */
export async function openAppRecords(
  store: KeyStore,
  onProgress: (done: number, total: number) => void,
  storedKey?: Promise<Uint8Array | null>,
): Promise<RecordsAtStart> {
  const atStart = await openRecordsKey(store, appDataKeys, DATABASE_NAME, storedKey);
  // User-timing mark for the benchmark's cold start: the key read apart from the database's opening.
  performance.mark('app:key-read');
  if (atStart.state === 'unlocked') {
    // What the key lets the page show from what is already read (the list's first screen, from the page's early
    // read: db/pupil-list.ts) is drawn first: the database's opening, and the queries queued behind it, took the
    // main thread from the frame that would show it (bench round fifteen).
    await afterNextPaint();
    await openAppDatabase(onProgress);
  }
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
    releaseHold?.();
    releaseHold = null;
    await db.open();
  } finally {
    sealingProgressListeners.delete(onProgress);
  }
}

/**
 * The lock's hold on the records' key (db/data-key.ts): on, the key is kept only wrapped by the passphrase,
 * so at the next start nothing can be read without it, whatever is done to the database meanwhile.
 */
export function appRecordsLock(store: KeyStore) {
  return {
    isOn: () => recordsKeyIsWrapped(store),
    /**
     * True when the records' key is not wrapped and the start's early read showed no lock set before encryption: the
     * window may show at once, before the settings are read (a wrapped key means the unlock screen is coming).
     */
    noOldLockAtStart: async () => {
      const [wrapped, oldLock] = await Promise.all([recordsKeyIsWrapped(store), lockFromBeforeEncryptionReadEarly(db.name)]);
      return !wrapped && oldLock === false;
    },
    turnOn: (passphrase: string) => wrapRecordsKey(store, appDataKeys, passphrase, secureRandom),
    /** False when the passphrase is not the lock's. */
    turnOff: (passphrase: string) => unwrapRecordsKey(store, passphrase),
  };
}
