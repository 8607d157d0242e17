import Dexie from 'dexie';
import type { DesktopBridge } from '@shared/bridge';
import type { RandomBytes } from '@shared/backup';
import {
  dataKeyOf,
  decodeStoredDataKey,
  encodeStoredDataKey,
  plainDataKey,
  unwrapDataKey,
  wrapDataKey,
  type StoredDataKey,
} from '@shared/crypto/data-key';
import { newDataKey } from '@shared/crypto/sealed-rows';
import type { DataKeyRing } from './encryption';
import { RECORDS_KEY_NAME, readStoredRecordsKey } from './records-key';

/** The bridge's key store: all the records' key needs, so tests can pass the web bridge. */
export type KeyStore = Pick<DesktopBridge, 'readKey' | 'writeKey' | 'removeKey'>;

/** At start: the key is in memory (unlocked), or it is wrapped by the lock's passphrase and must be asked for. */
export type RecordsAtStart = { state: 'unlocked' } | { state: 'locked'; stored: StoredDataKey };

/** Whether a database of that name exists already sealed (version 5 or later): its key must not be replaced. */
async function sealedDatabaseExists(name: string): Promise<boolean> {
  if (!(await Dexie.exists(name))) return false;
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno >= 5;
  } finally {
    probe.close();
  }
}

/**
 * Reads the records' key from the key store before the database opens. On the first start (or the first
 * after the update that brought encryption) a new random key is made and kept; the version 5 upgrade then
 * seals the existing records with it. A sealed database without its key is refused, never given a new one.
 * `storedKey`: the key store's answer when it was asked earlier (main.ts asks before this code has loaded).
 */
export async function openRecordsKey(
  store: KeyStore,
  keys: DataKeyRing,
  databaseName: string,
  storedKey: Promise<Uint8Array | null> = readStoredRecordsKey(store),
): Promise<RecordsAtStart> {
  const bytes = await storedKey;
  if (bytes === null) {
    if (await sealedDatabaseExists(databaseName))
      throw new Error(
        'The key to the records on this computer is missing, so they cannot be opened. ' +
          "Ask your IT support to restore this computer's keychain, or restore the records from a backup on a fresh start.",
      );
    const key = newDataKey();
    await store.writeKey({ name: RECORDS_KEY_NAME, data: encodeStoredDataKey(plainDataKey(key)) });
    keys.set(key);
    key.fill(0);
    return { state: 'unlocked' };
  }
  const stored = decodeStoredDataKey(bytes);
  if (stored.kind === 'wrapped') return { state: 'locked', stored };
  keys.set(dataKeyOf(stored));
  return { state: 'unlocked' };
}

/** Whether the stored key is wrapped by a lock passphrase. */
export async function recordsKeyIsWrapped(store: KeyStore): Promise<boolean> {
  const bytes = await readStoredRecordsKey(store);
  return bytes !== null && decodeStoredDataKey(bytes).kind === 'wrapped';
}

/** Unwraps the key with the passphrase into the ring; false when the passphrase is not the lock's. */
export async function unlockRecords(store: KeyStore, keys: DataKeyRing, passphrase: string): Promise<boolean> {
  const bytes = await readStoredRecordsKey(store);
  if (bytes === null) throw new Error('The key to the records is missing');
  const key = await unwrapDataKey(decodeStoredDataKey(bytes), passphrase);
  if (!key) return false;
  keys.set(key);
  key.fill(0);
  return true;
}

/** Turning the lock on: the key is kept wrapped by the passphrase, and no longer as it is. */
export async function wrapRecordsKey(
  store: KeyStore,
  keys: DataKeyRing,
  passphrase: string,
  random: RandomBytes,
  iterations?: number,
): Promise<void> {
  const wrapped = await wrapDataKey(keys.require(), passphrase, random, iterations);
  await store.writeKey({ name: RECORDS_KEY_NAME, data: encodeStoredDataKey(wrapped) });
}

/** Turning the lock off: only with the passphrase the key is wrapped by; false when it is not that one. */
export async function unwrapRecordsKey(store: KeyStore, passphrase: string): Promise<boolean> {
  const bytes = await readStoredRecordsKey(store);
  if (bytes === null) throw new Error('The key to the records is missing');
  const key = await unwrapDataKey(decodeStoredDataKey(bytes), passphrase);
  if (!key) return false;
  await store.writeKey({ name: RECORDS_KEY_NAME, data: encodeStoredDataKey(plainDataKey(key)) });
  key.fill(0);
  return true;
}
