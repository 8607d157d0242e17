import type { DesktopBridge } from '@shared/bridge';

/** The name the records' key is kept under in the key store (the desktop's keychain, the web build's key database). */
export const RECORDS_KEY_NAME = 'data-key';

/**
 * Asks the key store for the records' key as stored (plain or wrapped by the lock). A module of its own, with no
 * ciphers, so that main.ts can ask before the records' code has loaded: the answer then arrives as the store opens.
 */
export function readStoredRecordsKey(store: Pick<DesktopBridge, 'readKey'>): Promise<Uint8Array | null> {
  return store.readKey({ name: RECORDS_KEY_NAME });
}
